using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Updates;

/// <summary>A short post to one workspace's update feed, with an optional link. Leads pin updates
/// to the top of their members' home feed.</summary>
public sealed class WorkspaceUpdate : Entity
{
    public const int TextMaxLength = 2000;
    public const int LinkMaxLength = 500;

    private WorkspaceUpdate() { }

    public Guid WorkspaceId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public string? AttachmentUrl { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public bool IsPinned { get; private set; }
    public DateTimeOffset? PinnedAt { get; private set; }
    public Guid? PinnedBy { get; private set; }
    /// <summary>For the access policy's query face only.</summary>
    public Workspace? Workspace { get; private set; }

    public static WorkspaceUpdate Post(Guid workspaceId, Guid authorId, string? text, string? attachmentUrl, DateTimeOffset now)
    {
        var update = new WorkspaceUpdate
        {
            WorkspaceId = workspaceId,
            AuthorId = authorId,
            Text = Guard.RequiredText(text, TextMaxLength, "update.text"),
            AttachmentUrl = ValidLink(attachmentUrl),
            PostedAt = now,
        };
        update.Raise(new UpdatePosted(workspaceId, update.Id));
        return update;
    }

    public void Pin(bool pinned, Guid leadId, DateTimeOffset now)
    {
        IsPinned = pinned;
        PinnedAt = pinned ? now : null;
        PinnedBy = pinned ? leadId : null;
    }

    /// <summary>Only absolute http and https links: no javascript:, data: or relative tricks.</summary>
    private static string? ValidLink(string? value)
    {
        var link = Guard.OptionalText(value, LinkMaxLength, "update.link");
        if (link is null)
            return null;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
            throw new DomainRuleException("update.link.invalid", "update.link");
        return uri.AbsoluteUri;
    }
}
