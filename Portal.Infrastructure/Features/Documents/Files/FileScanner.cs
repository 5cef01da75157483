namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>Where a virus scanner plugs in (register another <see cref="IFileScanner"/> after
/// <c>AddDocuments</c>): every upload that passed the portal's own checks is shown to it before it is
/// stored. A refusal reaches the member as <c>document.file.scanner-refused</c>; its reason is logged.</summary>
public interface IFileScanner
{
    Task<FileScanVerdict> ScanAsync(Stream content, string fileName, CancellationToken cancellationToken);
}

public sealed record FileScanVerdict(bool Clean, string? Reason = null)
{
    public static FileScanVerdict Accepted { get; } = new(true);

    public static FileScanVerdict Refused(string reason) => new(false, reason);
}

/// <summary>The default: no scanner installed, every file that passed the checks is accepted.</summary>
internal sealed class AcceptingFileScanner : IFileScanner
{
    public Task<FileScanVerdict> ScanAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult(FileScanVerdict.Accepted);
}
