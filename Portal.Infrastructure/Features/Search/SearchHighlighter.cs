namespace Portal.Infrastructure.Features.Search;

/// <summary>A piece of a snippet: plain text, or a word that matched the query. The UI renders
/// these as text (matches in a mark element), so no HTML is ever built from user text.</summary>
public sealed record TextSegment(string Text, bool IsMatch);

public static class SearchHighlighter
{
    /// <summary>A window of <paramref name="maxWords"/> words around the first word that matches one
    /// of the query's <paramref name="stems"/>, with every such word marked.</summary>
    public static IReadOnlyList<TextSegment> Highlight(string text, IReadOnlySet<string> stems, int maxWords = 30)
    {
        var words = SwedishStems.Words(text).ToList();
        if (words.Count == 0)
            return text.Length == 0 ? [] : [new TextSegment(text, false)];
        var matches = words.Select(w => SwedishStems.Matches(w.Word, stems)).ToList();
        var first = Math.Max(0, matches.IndexOf(true));
        var from = Math.Max(0, first - maxWords / 3);
        var to = Math.Min(words.Count, from + maxWords);
        var segments = new List<TextSegment>();
        var position = from == 0 ? 0 : words[from].Start;
        if (from > 0)
            segments.Add(new TextSegment("… ", false));
        for (var i = from; i < to; i++)
        {
            var (word, start) = words[i];
            if (start > position)
                Append(segments, text[position..start], false);
            Append(segments, word, matches[i]);
            position = start + word.Length;
        }
        var end = to == words.Count ? text.Length : position;
        if (end > position)
            Append(segments, text[position..end], false);
        if (to < words.Count)
            Append(segments, " …", false);
        return segments;
    }

    private static void Append(List<TextSegment> segments, string text, bool isMatch)
    {
        if (segments.Count > 0 && segments[^1].IsMatch == isMatch && !isMatch)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new TextSegment(text, isMatch));
    }
}
