using System.Buffers;
using System.Security.Cryptography;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>An upload read into a temporary file (deleted when disposed), counted while it is read: the
/// read stops as soon as the size limit is passed, whatever length the sender declared, so a 200 MB
/// upload costs at most the limit in disk and never its size in memory.</summary>
internal sealed class IncomingFile : IAsyncDisposable
{
    private const int BufferSize = 81920;

    private IncomingFile(FileStream content, long size, string sha256)
    {
        Content = content;
        Size = size;
        Sha256 = sha256;
    }

    /// <summary>Seekable, positioned at the start.</summary>
    public FileStream Content { get; }

    public long Size { get; }

    public string Sha256 { get; }

    public static async Task<IncomingFile> ReceiveAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-upload-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                    throw new DomainRuleException(AttachmentRefusals.TooLarge, AttachmentRefusals.Field);
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            if (size == 0)
                throw new DomainRuleException(AttachmentRefusals.Empty, AttachmentRefusals.Field);
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return new IncomingFile(file, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
