namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>Attached files (settings <c>Portal:Files:*</c>): where they are stored and the limits every
/// upload is checked against before anything is kept.</summary>
public sealed class DocumentFileOptions
{
    public const string Section = "Portal:Files";

    /// <summary>The folder the files are stored in; the host sets <c>&lt;DataFolder&gt;/files</c>. Several
    /// nodes share one folder (a network share) so that each serves every file.</summary>
    public string Folder { get; set; } = Path.Combine("data", "files");

    /// <summary>The largest file accepted, in megabytes (counted while reading, never from a declared length).</summary>
    public int MaxSizeMegabytes { get; set; } = 25;

    /// <summary>Office files are zip packages: the most their entries may hold unpacked, all together.</summary>
    public int MaxUnpackedMegabytes { get; set; } = 200;

    /// <summary>The most entries an Office package may have.</summary>
    public int MaxPackageEntries { get; set; } = 5000;

    /// <summary>The highest unpacked-to-packed ratio of an entry (larger than 1 MB unpacked) or of the
    /// whole package; real documents stay far below it, a zip bomb far above.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>The most characters of a file's text kept for search.</summary>
    public int MaxTextCharacters { get; set; } = 500_000;

    /// <summary>The most PDF pages read for their text.</summary>
    public int MaxPdfPages { get; set; } = 1000;

    /// <summary>How long reading a file's text may take before the file is kept without text.</summary>
    public TimeSpan TextTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public long MaxBytes => MaxSizeMegabytes * 1024L * 1024L;

    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024L;
}
