namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>The kinds of file a document may carry. The extension chooses the kind, the content must
/// prove it (<see cref="FileSignatures"/>), and the stored content type comes from the kind, never
/// from what the browser declared.</summary>
public sealed record AttachmentKind(string Extension, string ContentType, string? PackageFolder)
{
    public static readonly AttachmentKind Pdf = new(".pdf", "application/pdf", null);
    public static readonly AttachmentKind Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/");
    public static readonly AttachmentKind Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/");
    public static readonly AttachmentKind Pptx = new(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/");

    public static IReadOnlyList<AttachmentKind> All { get; } = [Pdf, Docx, Xlsx, Pptx];

    /// <summary>For a file picker's <c>accept</c>: ".pdf,.docx,.xlsx,.pptx".</summary>
    public static string AcceptList { get; } = string.Join(",", All.Select(k => k.Extension));

    /// <summary>An Office Open XML package (a zip), as opposed to a PDF.</summary>
    public bool IsPackage => PackageFolder is not null;

    /// <summary>The kind a (sanitised) file name's extension names, or a refusal.</summary>
    public static AttachmentKind ForFileName(string fileName) =>
        All.FirstOrDefault(k => fileName.EndsWith(k.Extension, StringComparison.OrdinalIgnoreCase))
        ?? throw new Portal.Domain.Common.DomainRuleException(AttachmentRefusals.WrongKind, AttachmentRefusals.Field);
}

/// <summary>The codes an upload is refused with (texts in ErrorText), all beside the files field.</summary>
public static class AttachmentRefusals
{
    public const string Field = "files";
    public const string TooLarge = "document.file.too-large";
    public const string WrongKind = "document.file.wrong-kind";
    public const string SignatureMismatch = "document.file.signature-mismatch";
    public const string ZipBomb = "document.file.zip-bomb";
    public const string BadName = "document.file.name-invalid";
    public const string ScannerRefused = "document.file.scanner-refused";
    public const string Empty = "document.file.empty";
}
