using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>One numbered section of a document: "4.2", its title and its anchor ("avsnitt-4-2").</summary>
public sealed record DocumentSection(string Anchor, string Number, string Title, int Level);

/// <summary>A version's body as safe HTML with its numbered sections (the table of contents).</summary>
public sealed record RenderedDocument(string Html, IReadOnlyList<DocumentSection> Sections);

/// <summary>Turns a document's Markdown into HTML that is safe to show with MarkupString: Markdig with raw
/// HTML disabled, then an allow-list sanitizer. Headings ## to #### are numbered by their place (## → 1,
/// ### → 1.1, #### → 1.1.1) and get the anchor <c>avsnitt-1-1</c>: a link to "section 4.2" keeps working in
/// every version where that section keeps its place, whatever text around it changes. The number is written
/// into the heading so that the printed page and the screen say the same.</summary>
public sealed class DocumentRenderer
{
    public const string AnchorPrefix = "avsnitt-";
    private const int FirstNumberedLevel = 2;
    private const int LastNumberedLevel = 4;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public DocumentRenderer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                "pre", "code", "em", "strong", "del", "a", "table", "thead", "tbody", "tr", "th", "td", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start", "id", "class" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal) { "section-number" },
        });
        _sanitizer.PostProcessNode += (_, e) => DecorateLink(e.Node);
    }

    public RenderedDocument Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", _pipeline);
        var sections = Number(document);
        var html = _sanitizer.Sanitize(document.ToHtml(_pipeline)).Trim();
        return new RenderedDocument(html, sections);
    }

    /// <summary>The sections alone (for section comments and the compare view), without rendering HTML.</summary>
    public IReadOnlyList<DocumentSection> SectionsOf(string? markdown) => Number(Markdown.Parse(markdown ?? "", _pipeline));

    /// <summary>For each line of the text (0-based), the section it belongs to; null before the first
    /// numbered heading. The compare view names the sections a change falls in with it.</summary>
    public DocumentSection?[] SectionsByLine(string markdown)
    {
        var text = (markdown ?? "").Replace("\r\n", "\n");
        var document = Markdown.Parse(text, _pipeline);
        var starts = new List<(int Line, DocumentSection Section)>();
        Number(document, starts);
        var byLine = new DocumentSection?[text.Split('\n').Length];
        DocumentSection? current = null;
        var next = 0;
        for (var line = 0; line < byLine.Length; line++)
        {
            while (next < starts.Count && starts[next].Line <= line)
                current = starts[next++].Section;
            byLine[line] = current;
        }
        return byLine;
    }

    public static string AnchorFor(string number) => AnchorPrefix + number.Replace('.', '-');

    private static List<DocumentSection> Number(MarkdownDocument document, List<(int Line, DocumentSection Section)>? starts = null)
    {
        var counters = new int[LastNumberedLevel - FirstNumberedLevel + 1];
        var sections = new List<DocumentSection>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level is < FirstNumberedLevel or > LastNumberedLevel)
                continue;
            var depth = heading.Level - FirstNumberedLevel;
            counters[depth]++;
            for (var deeper = depth + 1; deeper < counters.Length; deeper++)
                counters[deeper] = 0;
            var number = string.Join('.', counters.Take(depth + 1));
            var anchor = AnchorFor(number);
            var title = TextOf(heading.Inline);
            heading.GetAttributes().Id = anchor;
            // The number goes in front of the heading's own text, marked so that styles may set it apart.
            heading.Inline ??= new ContainerInline();
            var mark = new HtmlInline($"<span class=\"section-number\">{number}</span> ");
            if (heading.Inline.FirstChild is { } first)
                first.InsertBefore(mark);
            else
                heading.Inline.AppendChild(mark);
            var section = new DocumentSection(anchor, number, title, heading.Level);
            sections.Add(section);
            starts?.Add((heading.Line, section));
        }
        return sections;
    }

    private static string TextOf(ContainerInline? inline)
    {
        if (inline is null)
            return "";
        var text = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString().Trim();
    }

    private static void DecorateLink(INode node)
    {
        if (node is not IElement { LocalName: "a" } link)
            return;
        var href = link.GetAttribute("href") ?? "";
        if (href.StartsWith('#') || href.StartsWith('/'))
            return;
        link.SetAttribute("rel", "nofollow noopener noreferrer");
        link.SetAttribute("target", "_blank");
    }
}
