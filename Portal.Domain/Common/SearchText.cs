using System.Globalization;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>Text as free-text search compares it: lower-case and without diacritics ("Länssamordnare"
/// → "lanssamordnare", "Åberg" → "aberg"). Users often type Swedish without å, ä and ö, so the stored
/// text and the query words are both folded and either spelling finds the other (ADR 0015). The
/// search index's own terms use the same folding (<c>SwedishStems.Fold</c>).</summary>
public static class SearchText
{
    /// <summary>Lower-case, then Unicode decomposition without the combining marks.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The non-empty parts joined by spaces and folded: one column a query can match with
    /// a plain contains on every database.</summary>
    public static string Of(IEnumerable<string?> parts) =>
        Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
}
