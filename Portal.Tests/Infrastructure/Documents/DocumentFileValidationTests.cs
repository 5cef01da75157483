using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents.Files;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>What an upload must pass before anything is stored: its size counted while reading, its name,
/// its bytes against its extension, and for Office packages the zip-bomb guard.</summary>
public sealed class DocumentFileValidationTests
{
    private static readonly DocumentFileOptions Options = new();

    [Fact]
    public async Task A_200_MB_upload_is_refused_after_reading_little_more_than_the_limit()
    {
        var upload = new GeneratedStream(200L * 1024 * 1024);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => IncomingFile.ReceiveAsync(upload, Options.MaxBytes, CancellationToken.None));

        refusal.Code.ShouldBe(AttachmentRefusals.TooLarge);
        refusal.Field.ShouldBe("files");
        // Stopped at the limit: the rest of the 200 MB was never asked for (nor held in memory: it goes to a temporary file).
        upload.BytesRead.ShouldBeLessThanOrEqualTo(Options.MaxBytes + 81920);
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_received_and_its_temporary_copy_goes_when_disposed()
    {
        var options = new DocumentFileOptions { MaxSizeMegabytes = 1 };
        string path;
        await using (var incoming = await IncomingFile.ReceiveAsync(new GeneratedStream(options.MaxBytes), options.MaxBytes, CancellationToken.None))
        {
            incoming.Size.ShouldBe(options.MaxBytes);
            incoming.Sha256.Length.ShouldBe(64);
            path = incoming.Content.Name;
            File.Exists(path).ShouldBeTrue();
        }
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => IncomingFile.ReceiveAsync(new MemoryStream(), Options.MaxBytes, CancellationToken.None));
        refusal.Code.ShouldBe(AttachmentRefusals.Empty);
    }

    [Fact]
    public void An_executable_renamed_pdf_is_refused()
    {
        var kind = AttachmentKind.ForFileName("rapport.pdf");

        Refusal(kind, DocumentFileSamples.Executable()).ShouldBe(AttachmentRefusals.SignatureMismatch);
    }

    [Fact]
    public void A_pdf_renamed_docx_and_a_docx_renamed_xlsx_are_refused()
    {
        Refusal(AttachmentKind.Docx, DocumentFileSamples.Pdf("Text")).ShouldBe(AttachmentRefusals.SignatureMismatch);
        Refusal(AttachmentKind.Xlsx, DocumentFileSamples.Docx("Text")).ShouldBe(AttachmentRefusals.SignatureMismatch);
        Refusal(AttachmentKind.Pptx, DocumentFileSamples.Xlsx()).ShouldBe(AttachmentRefusals.SignatureMismatch);
    }

    [Fact]
    public void A_docx_that_is_a_zip_bomb_is_refused_from_its_directory()
    {
        Refusal(AttachmentKind.Docx, DocumentFileSamples.ZipBombDocx(30)).ShouldBe(AttachmentRefusals.ZipBomb);
    }

    [Fact]
    public void A_docx_whose_directory_lies_about_its_sizes_is_refused_while_reading()
    {
        Refusal(AttachmentKind.Docx, DocumentFileSamples.LyingZipDocx(2 * 1024 * 1024)).ShouldBe(AttachmentRefusals.ZipBomb);
    }

    [Fact]
    public void A_docx_with_more_entries_than_allowed_is_refused()
    {
        var options = new DocumentFileOptions { MaxPackageEntries = 100 };

        Refusal(AttachmentKind.Docx, DocumentFileSamples.ManyEntriesDocx(150), options).ShouldBe(AttachmentRefusals.ZipBomb);
    }

    [Fact]
    public void A_docx_that_unpacks_to_more_than_allowed_in_total_is_refused()
    {
        var options = new DocumentFileOptions { MaxUnpackedMegabytes = 1, MaxCompressionRatio = 100_000 };

        Refusal(AttachmentKind.Docx, DocumentFileSamples.ZipBombDocx(2), options).ShouldBe(AttachmentRefusals.ZipBomb);
    }

    [Fact]
    public void A_zip_without_the_office_parts_is_not_a_docx()
    {
        Refusal(AttachmentKind.Docx, DocumentFileSamples.ManyEntriesDocx(0)).ShouldBe(AttachmentRefusals.SignatureMismatch);
        Refusal(AttachmentKind.Docx, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).ShouldBe(AttachmentRefusals.SignatureMismatch);
    }

    public static TheoryData<string, byte[]> GoodFiles => new()
    {
        { "Handbok.pdf", DocumentFileSamples.Pdf("Handbok om manniskohandel") },
        { "Rutin.docx", DocumentFileSamples.Docx("Rutin") },
        { "Statistik.xlsx", DocumentFileSamples.Xlsx() },
        { "Utbildning.pptx", DocumentFileSamples.Pptx() },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void A_real_pdf_docx_xlsx_and_pptx_are_accepted(string name, byte[] bytes)
    {
        var kind = AttachmentKind.ForFileName(name);
        using var stream = new MemoryStream(bytes);

        FileSignatures.Check(kind, stream, Options, CancellationToken.None);

        stream.Position.ShouldBe(0);
    }

    [Theory]
    [InlineData("rapport.exe")]
    [InlineData("rapport.doc")]
    [InlineData("rapport.pdf.exe")]
    [InlineData("rapport")]
    public void Other_kinds_are_refused_by_their_extension(string name)
    {
        Should.Throw<DomainRuleException>(() => AttachmentKind.ForFileName(name)).Code.ShouldBe(AttachmentRefusals.WrongKind);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\Windows\\win.ini.docx", "win.ini.docx")]
    [InlineData("C:\\Users\\erik\\Skrivbord\\Handbok.pdf", "Handbok.pdf")]
    [InlineData("rap\u0000p\u0007ort\r\n.pdf", "rapport.pdf")]
    [InlineData("faktura\u202Efdp.exe.pdf", "fakturafdp.exe.pdf")]
    [InlineData("Årsrapport – Östergötland, Malmö.pdf", "Årsrapport – Östergötland, Malmö.pdf")]
    [InlineData("a:b*c?\"d<e>f|g.xlsx", "a_b_c__d_e_f_g.xlsx")]
    [InlineData("  många   mellanslag  .pptx", "många mellanslag.pptx")]
    [InlineData("CON.pdf", "_CON.pdf")]
    [InlineData("A\u030Angstrom.pdf", "Ångstrom.pdf")]
    public void File_names_lose_path_parts_control_and_reserved_characters_and_keep_swedish_letters(string given, string expected)
    {
        AttachmentFileName.Sanitise(given).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("../")]
    [InlineData(".pdf")]
    [InlineData("\u0000\u0001.pdf")]
    [InlineData("   ")]
    public void A_name_with_nothing_usable_left_is_refused(string? given)
    {
        Should.Throw<DomainRuleException>(() => AttachmentFileName.Sanitise(given)).Code.ShouldBe(AttachmentRefusals.BadName);
    }

    [Fact]
    public void A_long_name_is_shortened_and_keeps_its_extension()
    {
        var name = AttachmentFileName.Sanitise(new string('ö', 400) + ".docx");

        name.Length.ShouldBeLessThanOrEqualTo(DocumentAttachment.FileNameMaxLength);
        name.ShouldEndWith("ö.docx");
    }

    [Fact]
    public async Task The_text_of_a_pdf_and_a_docx_is_read_and_bounded_and_an_unreadable_file_has_none()
    {
        var reader = new AttachmentTextReader(new DocumentFileOptions { MaxTextCharacters = 40 }, NullLogger<AttachmentTextReader>.Instance);

        var pdf = await reader.ReadAsync(AttachmentKind.Pdf, new MemoryStream(DocumentFileSamples.Pdf("Arbetsplatsinspektionerna", "Andra raden")), CancellationToken.None);
        var docx = await reader.ReadAsync(AttachmentKind.Docx, new MemoryStream(DocumentFileSamples.Docx("Lönespecifikationerna", new string('x', 100))), CancellationToken.None);
        var broken = await reader.ReadAsync(AttachmentKind.Pdf, new MemoryStream("%PDF-1.7 nothing else"u8.ToArray()), CancellationToken.None);
        var xlsx = await reader.ReadAsync(AttachmentKind.Xlsx, new MemoryStream(DocumentFileSamples.Xlsx()), CancellationToken.None);

        pdf.ShouldNotBeNull().ShouldContain("Arbetsplatsinspektionerna");
        docx.ShouldNotBeNull().ShouldStartWith("Lönespecifikationerna");
        docx.Length.ShouldBeLessThanOrEqualTo(41);
        broken.ShouldBeNull();
        xlsx.ShouldBeNull();
    }

    private static string Refusal(AttachmentKind kind, byte[] bytes, DocumentFileOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return Should.Throw<DomainRuleException>(() => FileSignatures.Check(kind, stream, options ?? Options, CancellationToken.None)).Code;
    }
}
