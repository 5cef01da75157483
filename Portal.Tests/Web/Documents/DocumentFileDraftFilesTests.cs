using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Infrastructure.Features.Documents.Files;
using Portal.Tests.Infrastructure.Documents;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

/// <summary>DraftFiles: several files in one batch, each with its own outcome beside it — the good ones
/// attached and listed, each refused one with the reason — and no upload for those who may not change files.</summary>
public sealed class DocumentFileDraftFilesTests : PortalBunitContext
{
    [Fact]
    public async Task A_batch_attaches_the_good_files_and_says_beside_each_refused_one_why()
    {
        SignInAs(DocumentFileScenario.Erik);
        var (documentId, draftId) = await DocumentFileScenario.NewDocumentAsync(Database.Services);
        var changes = 0;
        var cut = Render<DraftFiles>(p => p
            .Add(c => c.DocumentId, documentId)
            .Add(c => c.VersionId, draftId)
            .Add(c => c.Changed, () => changes++));
        cut.Find("[data-testid=draft-files-empty]");
        var tooBig = new byte[Database.Get<DocumentFileOptions>().MaxBytes + 1];

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(DocumentFileSamples.Pdf("Handbok"), "Handbok.pdf", contentType: "application/pdf"),
            InputFileContent.CreateFromBinary(DocumentFileSamples.Executable(), "program.pdf", contentType: "application/pdf"),
            InputFileContent.CreateFromBinary(DocumentFileSamples.ZipBombDocx(30), "bomb.docx"),
            InputFileContent.CreateFromBinary(tooBig, "stor.pdf"),
            InputFileContent.CreateFromText("MZ", "verktyg.exe"),
            InputFileContent.CreateFromBinary(DocumentFileSamples.Docx("Rutin"), "../Rutin.docx"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=draft-file]").Select(f => f.GetAttribute("data-file-name"))
            .ShouldBe(["Handbok.pdf", "Rutin.docx"]), TimeSpan.FromSeconds(30));
        Outcome(cut, "program.pdf").ShouldBe("Filens innehåll stämmer inte med filändelsen.");
        Outcome(cut, "bomb.docx").ShouldStartWith("Filen är ett paket som packas upp till mer än vad som tillåts");
        Outcome(cut, "stor.pdf").ShouldBe("Filen är för stor.");
        Outcome(cut, "verktyg.exe").ShouldStartWith("Bara PDF-, Word- (DOCX), Excel- (XLSX) och PowerPoint-filer (PPTX)");
        Outcome(cut, "Handbok.pdf").ShouldBe("Bifogad.");
        Outcome(cut, "../Rutin.docx").ShouldBe("Bifogad som ”Rutin.docx”.");
        cut.FindAll("[data-testid=draft-upload-refusal] [role=alert]").Count.ShouldBe(4);
        changes.ShouldBe(1);
        cut.Find("[data-testid=draft-file-download]").GetAttribute("href").ShouldStartWith("/documents/files/");
    }

    [Fact]
    public async Task An_editor_removes_a_file_and_the_list_follows()
    {
        SignInAs(DocumentFileScenario.Erik);
        var (documentId, draftId) = await DocumentFileScenario.NewDocumentAsync(Database.Services);
        await Database.Get<DocumentFileService>().UploadAsync(DocumentFileScenario.Erik, documentId, draftId, "Handbok.pdf", null,
            new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        var cut = Render<DraftFiles>(p => p.Add(c => c.DocumentId, documentId).Add(c => c.VersionId, draftId));

        cut.Find("[data-testid=draft-file-remove]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-files-empty]"));
    }

    [Fact]
    public async Task A_reviewer_sees_the_files_without_upload_or_remove()
    {
        var (documentId, draftId) = await DocumentFileScenario.NewDocumentAsync(Database.Services);
        await Database.Get<DocumentFileService>().UploadAsync(DocumentFileScenario.Erik, documentId, draftId, "Handbok.pdf", null,
            new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        await DocumentFileScenario.NameKarinReviewerAsync(Database.Services, documentId, draftId);
        SignInAs(DocumentFileScenario.Karin);

        var cut = Render<DraftFiles>(p => p.Add(c => c.DocumentId, documentId).Add(c => c.VersionId, draftId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-file]"));
        cut.FindAll("[data-testid=draft-files-input]").ShouldBeEmpty();
        cut.FindAll("[data-testid=draft-file-remove]").ShouldBeEmpty();
    }

    private static string Outcome(IRenderedComponent<DraftFiles> cut, string name) =>
        cut.FindAll("[data-testid=draft-upload]").Single(u => u.GetAttribute("data-file-name") == name)
            .QuerySelector("[data-testid=draft-upload-refusal], [data-testid=draft-upload-done]")!.TextContent.Trim();
}
