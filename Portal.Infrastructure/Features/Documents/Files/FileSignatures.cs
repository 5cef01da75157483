using System.IO.Compression;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>Checks that a file's bytes are what its extension says, and that an Office package is no zip
/// bomb: from its central directory first (entry count, unpacked total, compression ratio), then by
/// unpacking every entry through a counter, so that a directory that lies about its sizes is caught too
/// and whatever reads the package afterwards (the text reader) meets only sizes that were checked.</summary>
public static class FileSignatures
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private const string ContentTypesPart = "[Content_Types].xml";
    /// <summary>Small entries (XML of a few kB) compress far above any sane ratio; only big ones are judged.</summary>
    private const long RatioFloor = 1024 * 1024;

    /// <summary>Refuses with <see cref="AttachmentRefusals.SignatureMismatch"/> or <see cref="AttachmentRefusals.ZipBomb"/>.
    /// <paramref name="content"/> must be seekable; it is left at its start.</summary>
    public static void Check(AttachmentKind kind, Stream content, DocumentFileOptions options, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var expected = kind.IsPackage ? Zip : Pdf;
        Span<byte> head = stackalloc byte[expected.Length];
        if (content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.SequenceEqual(expected))
            throw Refuse(AttachmentRefusals.SignatureMismatch);
        content.Position = 0;
        if (kind.IsPackage)
        {
            try
            {
                CheckPackage(kind, content, options, cancellationToken);
            }
            catch (InvalidDataException)
            {
                // Not a readable zip (or one whose entries do not unpack as declared): not the Office file it claims to be.
                throw Refuse(AttachmentRefusals.SignatureMismatch);
            }
            finally
            {
                content.Position = 0;
            }
        }
    }

    private static void CheckPackage(AttachmentKind kind, Stream content, DocumentFileOptions options, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var entries = zip.Entries;
        if (entries.Count > options.MaxPackageEntries)
            throw Refuse(AttachmentRefusals.ZipBomb);
        long declared = 0, packed = 0;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            packed += entry.CompressedLength;
            if (entry.Length < 0 || declared > options.MaxUnpackedBytes || TooCompressed(entry.Length, entry.CompressedLength, options))
                throw Refuse(AttachmentRefusals.ZipBomb);
        }
        if (TooCompressed(declared, packed, options))
            throw Refuse(AttachmentRefusals.ZipBomb);
        if (!entries.Any(e => e.FullName == ContentTypesPart)
            || !entries.Any(e => e.FullName.StartsWith(kind.PackageFolder!, StringComparison.Ordinal)))
            throw Refuse(AttachmentRefusals.SignatureMismatch);

        // The directory's sizes are the sender's claim: unpack each entry and count what really comes out.
        // An entry whose data is more than its directory says comes out cut at the claimed size, with a
        // checksum that no longer matches: that is the lie, refused like the bomb it hides.
        var buffer = new byte[81920];
        long unpacked = 0;
        var crc = new System.IO.Hashing.Crc32();
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = entry.Open();
            crc.Reset();
            long read = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
                unpacked += n;
                if (read > entry.Length || unpacked > options.MaxUnpackedBytes)
                    throw Refuse(AttachmentRefusals.ZipBomb);
                crc.Append(buffer.AsSpan(0, n));
            }
            if (read != entry.Length || crc.GetCurrentHashAsUInt32() != entry.Crc32)
                throw Refuse(AttachmentRefusals.ZipBomb);
        }
    }

    private static bool TooCompressed(long unpacked, long packed, DocumentFileOptions options) =>
        unpacked > RatioFloor && unpacked > Math.Max(packed, 1) * options.MaxCompressionRatio;

    private static DomainRuleException Refuse(string code) => new(code, AttachmentRefusals.Field);
}
