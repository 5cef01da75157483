using System.Globalization;
using System.Text;
using Portal.Domain.Common;
using Portal.Domain.Documents;

namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>The name a file is shown and downloaded under. It never names anything on disk (files are
/// stored under random keys), but it goes into a Content-Disposition header and onto the reader's own
/// disk: so no path parts, no control or bidirectional-override characters, none of the characters
/// Windows reserves, and a bounded length. Letters of every language (å, ä, ö) stay.</summary>
public static class AttachmentFileName
{
    private const string Reserved = "<>:\"/\\|?*";
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The cleaned name, or <see cref="AttachmentRefusals.BadName"/> when nothing usable is left.</summary>
    public static string Sanitise(string? name)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        // The last path part only: "../../x.pdf" and "C:\temp\x.pdf" are x.pdf.
        var slash = text.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
            text = text[(slash + 1)..];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                continue;
            builder.Append(Reserved.Contains(c) ? '_' : char.IsWhiteSpace(c) ? ' ' : c);
        }
        // Windows drops trailing dots and spaces; leading dots would hide the file on the reader's disk.
        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');
        var extension = Path.GetExtension(cleaned);
        var stem = cleaned[..^extension.Length].Trim('.', ' ');
        if (stem.Length == 0)
            throw new DomainRuleException(AttachmentRefusals.BadName, AttachmentRefusals.Field);
        if (DeviceNames.Contains(stem.Split('.')[0]))
            stem = "_" + stem;
        var room = DocumentAttachment.FileNameMaxLength - extension.Length;
        if (extension.Length > 16 || room < 1)
            throw new DomainRuleException(AttachmentRefusals.BadName, AttachmentRefusals.Field);
        if (stem.Length > room)
            stem = new StringInfo(stem).SubstringByTextElements(0, TextElementsWithin(stem, room)).TrimEnd('.', ' ');
        return stem + extension;
    }

    /// <summary>How many whole text elements (a letter with its accents) fit in <paramref name="room"/> chars.</summary>
    private static int TextElementsWithin(string text, int room)
    {
        var count = 0;
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (length + element.Length > room)
                break;
            length += element.Length;
            count++;
        }
        return count;
    }
}
