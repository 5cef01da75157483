using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Domain.Discussions;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>Turns a post's Markdown into HTML that is safe to show with MarkupString: Markdig with
/// raw HTML disabled, then an allow-list sanitizer. Links keep only http, https and mailto and open
/// in a new tab without the opener; images are dropped; mentions become links to the person or
/// workspace. The result is stored on the post at save time.</summary>
public sealed partial class MarkdownRenderer
{
    public const string MemberLinkPrefix = "/directory/people/";
    public const string WorkspaceLinkPrefix = "/workspaces/";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                "pre", "code", "em", "strong", "del", "a",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        });
        _sanitizer.PostProcessNode += (_, e) => DecorateLink(e.Node);
    }

    public RenderedPost Render(PostBody body)
    {
        var markdown = PostBody.MentionPattern().Replace(body.Markdown, m =>
        {
            var prefix = m.Groups["kind"].Value == "member" ? MemberLinkPrefix : WorkspaceLinkPrefix;
            var id = Guid.Parse(m.Groups["id"].Value);
            return $"[@{EscapeMarkdown(m.Groups["name"].Value)}]({prefix}{id:D})";
        });
        var document = Markdown.Parse(markdown, _pipeline);
        var droppedImages = document.Descendants<LinkInline>().Any(link => link.IsImage);
        var html = _sanitizer.Sanitize(document.ToHtml(_pipeline)).Trim();
        return new RenderedPost(html, PlainTextOf(html)) { DroppedImages = droppedImages };
    }

    /// <summary>The visible text of sanitised HTML, one line of words, for search and snippets.
    /// Control characters are dropped: the search highlighter uses two of them as markers.</summary>
    public static string PlainTextOf(string html)
    {
        var text = WebUtility.HtmlDecode(TagPattern().Replace(html, " "));
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? ' ' : c);
        return SpacePattern().Replace(builder.ToString(), " ").Trim();
    }

    private static void DecorateLink(INode node)
    {
        if (node is not IElement { LocalName: "a" } link)
            return;
        var href = link.GetAttribute("href") ?? "";
        if (IsMentionLink(href))
        {
            link.SetAttribute("class", "mention");
            return;
        }
        link.SetAttribute("rel", "nofollow noopener noreferrer");
        link.SetAttribute("target", "_blank");
    }

    private static bool IsMentionLink(string href) =>
        (href.StartsWith(MemberLinkPrefix, StringComparison.Ordinal) && Guid.TryParseExact(href[MemberLinkPrefix.Length..], "D", out _))
        || (href.StartsWith(WorkspaceLinkPrefix, StringComparison.Ordinal) && Guid.TryParseExact(href[WorkspaceLinkPrefix.Length..], "D", out _));

    private static string EscapeMarkdown(string text) => MarkdownSpecial().Replace(text, @"\$0");

    [GeneratedRegex(@"[\\`*_{}\[\]()<>#+\-.!|~]")]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
