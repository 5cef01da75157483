using Markdig;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>A document body's Markdown as plain text (for search and snippets).</summary>
public static class DocumentText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();
}
