using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Search;

namespace Portal.Bench.Data.Text;

/// <summary>The product's post rendering and index terms, made fast for generated text only. The
/// product's <see cref="MarkdownRenderer"/> runs Markdig and then an HTML sanitizer, whose parsing was
/// most of the generator's time; generated Markdown has no HTML, images or unsafe links, so the
/// sanitizer would change nothing but the links' attributes, which this adds the same way. Index terms
/// are the product's <see cref="SwedishStems"/> per word, remembered (the vocabulary is small).
/// <see cref="Check"/> compares both with the product's own on a sample of posts as they are generated,
/// so a change in the product's rendering stops the generator instead of writing different rows.</summary>
public static partial class FastPostRendering
{
    // The product renderer's pipeline (MarkdownRenderer), option for option.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private static readonly ConcurrentDictionary<string, string[]> TermsOfWord = new(StringComparer.Ordinal);
    private static readonly ThreadLocal<MarkdownRenderer> Product = new(() => new MarkdownRenderer());

    public static RenderedPost Render(PostBody body)
    {
        var markdown = PostBody.MentionPattern().Replace(body.Markdown, m =>
        {
            var prefix = m.Groups["kind"].Value == "member" ? MarkdownRenderer.MemberLinkPrefix : MarkdownRenderer.WorkspaceLinkPrefix;
            return $"[@{MarkdownSpecial().Replace(m.Groups["name"].Value, @"\$0")}]({prefix}{Guid.Parse(m.Groups["id"].Value):D})";
        });
        var html = Markdown.ToHtml(markdown, Pipeline);
        html = LinkOpening().Replace(html, m => m.Groups["href"].Value is var href
            && (href.StartsWith(MarkdownRenderer.MemberLinkPrefix, StringComparison.Ordinal) || href.StartsWith(MarkdownRenderer.WorkspaceLinkPrefix, StringComparison.Ordinal))
                ? $"<a href=\"{href}\" class=\"mention\">"
                : $"<a href=\"{href}\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">").Trim();
        return new RenderedPost(html, MarkdownRenderer.PlainTextOf(html));
    }

    /// <summary>What <see cref="SwedishStems.IndexTerms"/> gives, joined as the search index stores it.</summary>
    public static string IndexTerms(string text)
    {
        var terms = new List<string>();
        foreach (var (word, _) in SwedishStems.Words(text))
            terms.AddRange(TermsOfWord.GetOrAdd(word, w => SwedishStems.IndexTerms(w).ToArray()));
        return string.Join(' ', terms);
    }

    /// <summary>Throws when the fast rendering or terms differ from the product's for this Markdown.</summary>
    public static void Check(string markdown)
    {
        var body = PostBody.Parse(markdown);
        var product = Product.Value!.Render(body);
        var fast = Render(body);
        if (fast != product)
            throw new InvalidOperationException($"The generator's rendering differs from the product's:\n{fast.Html}\n---\n{product.Html}");
        var terms = string.Join(' ', SwedishStems.IndexTerms(product.PlainText));
        if (IndexTerms(product.PlainText) != terms)
            throw new InvalidOperationException($"The generator's index terms differ from the product's for: {product.PlainText}");
    }

    [GeneratedRegex(@"[\\`*_{}\[\]()<>#+\-.!|~]")]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\">")]
    private static partial Regex LinkOpening();
}
