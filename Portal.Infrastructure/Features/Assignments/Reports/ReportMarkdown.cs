using System.Text.RegularExpressions;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>Reads a report's Markdown into plain blocks for the Word export: the few forms a report's writer
/// uses (headings, bullet and numbered items, paragraphs). Emphasis markers are dropped and a link keeps its
/// text, so what reaches the document is always text, never markup.</summary>
public static partial class ReportMarkdown
{
    public enum BlockKind
    {
        Paragraph = 1,
        Heading,
        Item,
    }

    public sealed record Block(BlockKind Kind, string Text, int Level = 0);

    public static IReadOnlyList<Block> Blocks(string? markdown)
    {
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
                blocks.Add(new Block(BlockKind.Paragraph, Inline(string.Join(' ', paragraph))));
            paragraph.Clear();
        }
        foreach (var raw in (markdown ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var heading = HeadingLine().Match(line);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Heading, Inline(heading.Groups[2].Value), heading.Groups[1].Length));
                continue;
            }
            var item = ItemLine().Match(line);
            if (item.Success)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Item, Inline(item.Groups[1].Value)));
                continue;
            }
            paragraph.Add(line);
        }
        Flush();
        return blocks;
    }

    private static string Inline(string text)
    {
        text = Link().Replace(text, "$1");
        return Emphasis().Replace(text, "").Trim();
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|`)")]
    private static partial Regex Emphasis();
}
