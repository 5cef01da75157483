using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>Real files made in the test: a PDF (PdfPig's builder), Office packages (the Open XML SDK),
/// and hostile ones (an executable renamed, zip bombs: one honest about its sizes, one that lies).</summary>
internal static class DocumentFileSamples
{
    public static byte[] Pdf(params string[] lines)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 750.0;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new PdfPoint(40, y), font);
            y -= 20;
        }
        return builder.Build();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        }
        return stream.ToArray();
    }

    public static byte[] Pptx()
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            presentation.Presentation = new DocumentFormat.OpenXml.Presentation.Presentation();
        }
        return stream.ToArray();
    }

    /// <summary>What a Windows program starts with ("MZ", then the DOS stub).</summary>
    public static byte[] Executable() =>
        [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];

    /// <summary>A DOCX-shaped zip whose document part is <paramref name="megabytes"/> MB of zeros (a ratio near 1000:1).</summary>
    public static byte[] ZipBombDocx(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>"));
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal);
            using var part = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
                part.Write(zeros);
        }
        return stream.ToArray();
    }

    /// <summary>A DOCX-shaped zip whose directory says its document part holds 1,000 bytes while it unpacks to
    /// <paramref name="actualBytes"/> of barely compressible data: only counting while reading catches it.</summary>
    public static byte[] LyingZipDocx(int actualBytes)
    {
        var random = new Random(42);
        var data = new byte[actualBytes];
        random.NextBytes(data);
        byte[] bytes;
        using (var stream = new MemoryStream())
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                WriteEntry(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>"));
                WriteEntry(zip, "word/document.xml", data);
            }
            bytes = stream.ToArray();
        }
        // Patch the uncompressed size of word/document.xml in its local header (offset 22) and its
        // central directory record (offset 24).
        var name = Encoding.ASCII.GetBytes("word/document.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 && Named(bytes, i + 30, name))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 1000u);
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 && Named(bytes, i + 46, name))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 1000u);
        }
        return bytes;
    }

    /// <summary>A DOCX-shaped zip with many tiny entries.</summary>
    public static byte[] ManyEntriesDocx(int entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>"));
            for (var i = 0; i < entries; i++)
                WriteEntry(zip, $"word/media/{i}.xml", [1]);
        }
        return stream.ToArray();
    }

    private static bool Named(byte[] bytes, int at, byte[] name) =>
        at + name.Length <= bytes.Length && bytes.AsSpan(at, name.Length).SequenceEqual(name);

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(content);
    }
}

/// <summary>A stream of <paramref name="length"/> bytes made as they are read, counting how many were asked
/// for: a 200 MB upload that never exists in memory.</summary>
internal sealed class GeneratedStream(long length) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - BytesRead);
        buffer.AsSpan(offset, n).Fill((byte)'%');
        BytesRead += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
