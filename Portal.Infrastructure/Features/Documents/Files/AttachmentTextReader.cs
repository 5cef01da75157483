using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>The text of a PDF (PdfPig) or DOCX (the Open XML SDK) for search, bounded in characters,
/// pages and time. A file whose text cannot be read is still a good attachment: it is kept without text.</summary>
public sealed class AttachmentTextReader(DocumentFileOptions options, ILogger<AttachmentTextReader> logger)
{
    /// <summary>The file's text, or null for a kind without text, an unreadable file or one that took too long.
    /// <paramref name="content"/> must be seekable (an Office package has already passed <see cref="FileSignatures"/>).</summary>
    public async Task<string?> ReadAsync(AttachmentKind kind, Stream content, CancellationToken cancellationToken)
    {
        if (kind != AttachmentKind.Pdf && kind != AttachmentKind.Docx)
            return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.TextTimeout);
        try
        {
            content.Position = 0;
            // Off the caller's thread, and abandoned at the time limit: a pathological file must not hold the upload.
            var text = await Task.Run(() => kind == AttachmentKind.Pdf ? ReadPdf(content, timeout.Token) : ReadDocx(content, timeout.Token), timeout.Token)
                .WaitAsync(timeout.Token);
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading the text of a {Kind} file took longer than {Timeout}; it is kept without text.", kind.Extension, options.TextTimeout);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogInformation(exception, "The text of a {Kind} file could not be read; it is kept without text.", kind.Extension);
            return null;
        }
    }

    private string ReadPdf(Stream content, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var text = new BoundedText(options.MaxTextCharacters);
        var pages = Math.Min(document.NumberOfPages, options.MaxPdfPages);
        for (var number = 1; number <= pages && !text.Full; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.AppendLine(ContentOrderTextExtractor.GetText(document.GetPage(number)));
        }
        return text.ToString();
    }

    private string ReadDocx(Stream content, CancellationToken cancellationToken)
    {
        // The SDK's own part limit as a second guard behind the unpacked sizes already checked.
        var settings = new OpenSettings { MaxCharactersInPart = options.MaxUnpackedBytes };
        using var document = WordprocessingDocument.Open(content, false, settings);
        var text = new BoundedText(options.MaxTextCharacters);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
            return "";
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.AppendLine(paragraph.InnerText);
            if (text.Full)
                break;
        }
        return text.ToString();
    }

    private sealed class BoundedText(int max)
    {
        private readonly StringBuilder _builder = new();

        public bool Full => _builder.Length >= max;

        public void AppendLine(string? line)
        {
            if (string.IsNullOrWhiteSpace(line) || Full)
                return;
            var room = max - _builder.Length;
            _builder.Append(line.Length > room ? line[..room] : line).Append('\n');
        }

        public override string ToString() => _builder.ToString();
    }
}
