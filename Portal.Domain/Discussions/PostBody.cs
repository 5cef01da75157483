using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.Discussions;

public enum MentionKind
{
    Member = 1,
    Workspace,
}

public sealed record Mention(MentionKind Kind, Guid Id, string Name);

/// <summary>A post's Markdown, checked for length and read for mentions. A mention is written
/// <c>@[Name](member:GUID)</c> or <c>@[Name](workspace:GUID)</c>; the editor inserts it, the
/// renderer turns it into a link and the use case notifies whoever it names.</summary>
public sealed partial class PostBody
{
    public const int MaxLength = 20_000;

    private PostBody(string markdown, IReadOnlyList<Mention> mentions)
    {
        Markdown = markdown;
        Mentions = mentions;
    }

    public string Markdown { get; }
    public IReadOnlyList<Mention> Mentions { get; }

    public static PostBody Parse(string? markdown)
    {
        // Length is checked first so that a huge paste (a 5 MB data: image) is refused before any parsing.
        if (markdown is not null && markdown.Length > MaxLength)
            throw new DomainRuleException("post.body.too-long", "body");
        var text = markdown?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleException("post.body.required", "body");
        var mentions = MentionPattern().Matches(text)
            .Select(m => new Mention(m.Groups["kind"].Value == "member" ? MentionKind.Member : MentionKind.Workspace,
                Guid.Parse(m.Groups["id"].Value), m.Groups["name"].Value))
            .DistinctBy(m => (m.Kind, m.Id))
            .ToList();
        return new PostBody(text, mentions);
    }

    [GeneratedRegex(@"@\[(?<name>[^\[\]\r\n]{1,200})\]\((?<kind>member|workspace):(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)")]
    public static partial Regex MentionPattern();
}
