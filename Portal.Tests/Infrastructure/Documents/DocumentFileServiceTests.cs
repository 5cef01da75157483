using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Infrastructure.Features.Documents.Files;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>Attached files through the use case on each database: who may add, remove and download them,
/// that a refusal keeps nothing (no row, no stored file), and that a published file's text is found by
/// search in another Swedish word form, only by those who may see the document.</summary>
public abstract class DocumentFileServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Erik = DocumentFileScenario.Erik;
    private static readonly Guid Karin = DocumentFileScenario.Karin;
    private static readonly Guid Fatima = DocumentFileScenario.Fatima;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DocumentFileService Files => _database.Get<DocumentFileService>();

    private int StoredFileCount
    {
        get
        {
            var folder = _database.Get<DocumentFileOptions>().Folder;
            return System.IO.Directory.Exists(folder) ? System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
        }
    }

    [Fact]
    public async Task An_editor_uploads_to_a_draft_and_the_file_is_stored_with_its_text_under_a_random_key()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        var pdf = DocumentFileSamples.Pdf("Checklista for arbetsplatsinspektionerna");

        var view = await Files.UploadAsync(Erik, documentId, draftId, "../../Checklista.pdf", "application/octet-stream", new MemoryStream(pdf));

        view.FileName.ShouldBe("Checklista.pdf");
        view.ContentType.ShouldBe("application/pdf");
        view.Size.ShouldBe(pdf.Length);
        view.HasText.ShouldBeTrue();
        (await Files.ListAsync(Erik, documentId, draftId)).ShouldSatisfyAllConditions(
            list => list.CanChange.ShouldBeTrue(),
            list => list.Files.ShouldHaveSingleItem().Id.ShouldBe(view.Id));
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var row = await db.DocumentAttachments.SingleAsync(a => a.Id == view.Id);
            row.StorageKey.ShouldMatch("^[0-9a-f]{32}$");
            row.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
            row.ExtractedText.ShouldNotBeNull().ShouldContain("arbetsplatsinspektionerna");
        }
        await using var download = await Files.OpenForDownloadAsync(Erik, view.Id);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        copy.ToArray().ShouldBe(pdf);
        StoredFileCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_named_reviewer_who_is_no_editor_may_not_upload_and_nothing_is_stored()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        await NameKarinReviewerAsync(documentId, draftId);

        var refusal = await Should.ThrowAsync<AccessDeniedException>(() =>
            Files.UploadAsync(Karin, documentId, draftId, "a.pdf", "application/pdf", new MemoryStream(DocumentFileSamples.Pdf("x"))));

        refusal.Code.ShouldBe("document.files.denied");
        (await Files.ListAsync(Karin, documentId, draftId)).ShouldSatisfyAllConditions(
            list => list.CanChange.ShouldBeFalse(),
            list => list.Files.ShouldBeEmpty());
        StoredFileCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_member_who_may_not_see_the_draft_is_told_it_does_not_exist()
    {
        var (documentId, draftId) = await NewDocumentAsync();

        await Should.ThrowAsync<NotFoundException>(() =>
            Files.UploadAsync(Karin, documentId, draftId, "a.pdf", "application/pdf", new MemoryStream(DocumentFileSamples.Pdf("x"))));
        await Should.ThrowAsync<NotFoundException>(() => Files.ListAsync(Fatima, documentId, draftId));
    }

    [Fact]
    public async Task A_published_version_takes_no_files_and_nothing_is_stored()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        await PublishAsync(documentId, draftId);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Files.UploadAsync(Erik, documentId, draftId, "a.pdf", "application/pdf", new MemoryStream(DocumentFileSamples.Pdf("x"))));

        refusal.Code.ShouldBe("document.version.published-is-read-only");
        (await Files.ListAsync(Erik, documentId, draftId)).CanChange.ShouldBeFalse();
        StoredFileCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_file_and_a_refused_save_keep_nothing_stored()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        await Files.UploadAsync(Erik, documentId, draftId, "Rutin.docx", null, new MemoryStream(DocumentFileSamples.Docx("Rutin")));

        (await Should.ThrowAsync<DomainRuleException>(() =>
            Files.UploadAsync(Erik, documentId, draftId, "program.pdf", "application/pdf", new MemoryStream(DocumentFileSamples.Executable()))))
            .Code.ShouldBe(AttachmentRefusals.SignatureMismatch);
        (await Should.ThrowAsync<DomainRuleException>(() =>
            Files.UploadAsync(Erik, documentId, draftId, "bomb.docx", null, new MemoryStream(DocumentFileSamples.ZipBombDocx(30)))))
            .Code.ShouldBe(AttachmentRefusals.ZipBomb);
        // The same name again: stored first, refused by the domain when attached, and the stored copy deleted.
        (await Should.ThrowAsync<DomainRuleException>(() =>
            Files.UploadAsync(Erik, documentId, draftId, "rutin.docx", null, new MemoryStream(DocumentFileSamples.Docx("Annan")))))
            .Code.ShouldBe("document.file.duplicate-name");

        (await Files.ListAsync(Erik, documentId, draftId)).Files.ShouldHaveSingleItem().FileName.ShouldBe("Rutin.docx");
        StoredFileCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_scanner_refusal_is_a_clear_refusal_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync(provider, configure: services =>
            services.AddSingleton<IFileScanner>(new RefusingScanner()));
        var (documentId, draftId) = await NewDocumentAsync(database);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => database.Get<DocumentFileService>()
            .UploadAsync(Erik, documentId, draftId, "a.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("x"))));

        refusal.Code.ShouldBe(AttachmentRefusals.ScannerRefused);
        refusal.Field.ShouldBe("files");
    }

    [Fact]
    public async Task A_reader_of_the_published_version_downloads_its_file_but_not_a_file_of_the_next_draft()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        var published = await Files.UploadAsync(Erik, documentId, draftId, "Handbok.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        await PublishAsync(documentId, draftId);
        var nextDraft = await StartDraftAsync(documentId);
        var unpublished = await Files.UploadAsync(Erik, documentId, nextDraft, "Bilaga.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Bilaga")));

        await using (var download = await Files.OpenForDownloadAsync(Karin, published.Id))
        {
            download.FileName.ShouldBe("Handbok.pdf");
            download.ContentType.ShouldBe("application/pdf");
        }
        (await Should.ThrowAsync<NotFoundException>(() => Files.OpenForDownloadAsync(Karin, unpublished.Id))).Code.ShouldBe("document.file.notfound");
    }

    [Fact]
    public async Task A_non_member_gets_not_found_by_attachment_id_as_for_an_unknown_id()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        var file = await Files.UploadAsync(Erik, documentId, draftId, "Handbok.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        await PublishAsync(documentId, draftId);

        (await Should.ThrowAsync<NotFoundException>(() => Files.OpenForDownloadAsync(Fatima, file.Id))).Code.ShouldBe("document.file.notfound");
        (await Should.ThrowAsync<NotFoundException>(() => Files.OpenForDownloadAsync(Fatima, Guid.NewGuid()))).Code.ShouldBe("document.file.notfound");
    }

    [Fact]
    public async Task Removing_a_carried_file_from_a_draft_keeps_the_published_copy_and_removing_a_new_one_deletes_it()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        var published = await Files.UploadAsync(Erik, documentId, draftId, "Handbok.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        await PublishAsync(documentId, draftId);
        var nextDraft = await StartDraftAsync(documentId);
        var carried = (await Files.ListAsync(Erik, documentId, nextDraft)).Files.ShouldHaveSingleItem();
        var added = await Files.UploadAsync(Erik, documentId, nextDraft, "Bilaga.docx", null, new MemoryStream(DocumentFileSamples.Docx("Bilaga")));
        StoredFileCount.ShouldBe(2);

        await Files.RemoveAsync(Erik, documentId, nextDraft, carried.Id);
        await Files.RemoveAsync(Erik, documentId, nextDraft, added.Id);

        (await Files.ListAsync(Erik, documentId, nextDraft)).Files.ShouldBeEmpty();
        StoredFileCount.ShouldBe(1);
        await using var download = await Files.OpenForDownloadAsync(Karin, published.Id);
        download.FileName.ShouldBe("Handbok.pdf");
        await Should.ThrowAsync<DomainRuleException>(() => Files.RemoveAsync(Erik, documentId, draftId, published.Id));
    }

    [Fact]
    public async Task A_discarded_drafts_own_files_are_deleted_and_the_files_it_carried_stay()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        var published = await Files.UploadAsync(Erik, documentId, draftId, "Handbok.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Handbok")));
        await PublishAsync(documentId, draftId);
        var nextDraft = await StartDraftAsync(documentId);
        await Files.UploadAsync(Erik, documentId, nextDraft, "Bilaga.pdf", null, new MemoryStream(DocumentFileSamples.Pdf("Bilaga")));
        List<string> keys;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var document = await db.Documents.Include(d => d.Versions).ThenInclude(v => v.Attachments).SingleAsync(d => d.Id == documentId);
            keys = document.VersionById(nextDraft).Attachments.Select(a => a.StorageKey).ToList();
            document.DiscardDraft(nextDraft);
            await db.SaveChangesAsync();
        }
        StoredFileCount.ShouldBe(2);

        await Files.DeleteUnreferencedAsync(keys);

        StoredFileCount.ShouldBe(1);
        await using var download = await Files.OpenForDownloadAsync(Karin, published.Id);
        download.FileName.ShouldBe("Handbok.pdf");
    }

    [Fact]
    public async Task Search_finds_a_published_document_by_a_word_form_that_only_its_pdf_or_docx_holds_and_only_for_those_who_see_it()
    {
        var (documentId, draftId) = await NewDocumentAsync();
        await Files.UploadAsync(Erik, documentId, draftId, "Inspektion.pdf", null,
            new MemoryStream(DocumentFileSamples.Pdf("Resultat av arbetsplatsinspektionerna i skogen")));
        await Files.UploadAsync(Erik, documentId, draftId, "Löner.docx", null,
            new MemoryStream(DocumentFileSamples.Docx("Genomgång av lönespecifikationerna")));
        var search = _database.Get<SearchService>();
        (await search.SearchAsync(Erik, "arbetsplatsinspektion")).Hits.ShouldNotContain(h => h.Subject.Id == documentId);

        await PublishAsync(documentId, draftId);

        (await search.SearchAsync(Karin, "arbetsplatsinspektion")).Hits.ShouldContain(h => h.Subject.Id == documentId);
        (await search.SearchAsync(Karin, "lönespecifikation")).Hits.ShouldContain(h => h.Subject.Id == documentId);
        (await search.SearchAsync(Fatima, "arbetsplatsinspektion")).Hits.ShouldNotContain(h => h.Subject.Id == documentId);
        (await search.SearchAsync(Fatima, "lönespecifikation")).Hits.ShouldNotContain(h => h.Subject.Id == documentId);
    }

    private Task<(Guid DocumentId, Guid DraftId)> NewDocumentAsync() => DocumentFileScenario.NewDocumentAsync(_database.Services);

    private static Task<(Guid DocumentId, Guid DraftId)> NewDocumentAsync(TestDatabase database) => DocumentFileScenario.NewDocumentAsync(database.Services);

    private Task NameKarinReviewerAsync(Guid documentId, Guid draftId) => DocumentFileScenario.NameKarinReviewerAsync(_database.Services, documentId, draftId);

    private Task PublishAsync(Guid documentId, Guid draftId) => DocumentFileScenario.PublishAsync(_database.Services, documentId, draftId);

    private Task<Guid> StartDraftAsync(Guid documentId) => DocumentFileScenario.StartDraftAsync(_database.Services, documentId);

    private sealed class RefusingScanner : IFileScanner
    {
        public Task<FileScanVerdict> ScanAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
            Task.FromResult(FileScanVerdict.Refused("EICAR test signature"));
    }
}

public sealed class SqliteDocumentFileServiceTests() : DocumentFileServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentFileServiceTests() : DocumentFileServiceTests(DatabaseProvider.Postgres);
