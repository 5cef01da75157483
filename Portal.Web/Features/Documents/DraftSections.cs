using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Web.Features.Documents;

/// <summary>A section of a draft that a comment can be about: its number ("4.2"), its heading's text and
/// its anchor ("avsnitt-4-2").</summary>
public sealed record DraftSection(string Number, string Title, string Anchor);

/// <summary>The sections of a draft, numbered from its Markdown headings the way the reading view numbers
/// them (the highest heading level used is chapter 1, 2, 3…, the next 1.1, 1.2…), so that a comment's
/// anchor leads to the same section there. H1's <c>DocumentRenderer</c> numbers headings for reading;
/// when both are merged this helper should use it instead of numbering on its own.</summary>
public static class DraftSections
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IReadOnlyList<DraftSection> Of(string? markdown)
    {
        var headings = Markdown.Parse(markdown ?? "", Pipeline).Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
            return [];
        var top = headings.Min(h => h.Level);
        var counters = new int[7];
        var sections = new List<DraftSection>();
        foreach (var heading in headings)
        {
            var depth = heading.Level - top;
            counters[depth]++;
            Array.Clear(counters, depth + 1, counters.Length - depth - 1);
            // A skipped level (## straight under nothing) counts from 1 rather than showing a 0.
            var parts = counters.Take(depth + 1).Select(c => Math.Max(c, 1)).ToList();
            var number = string.Join('.', parts);
            sections.Add(new DraftSection(number, TextOf(heading), "avsnitt-" + string.Join('-', parts)));
        }
        return sections;
    }

    private static string TextOf(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
}
