namespace Portal.Domain.Updates;

/// <summary>When a member last looked at a workspace's updates: what was posted after it is new to them
/// (the updates badge in the workspace's navigation).</summary>
public sealed class UpdatesSeen
{
    private UpdatesSeen() { }

    public UpdatesSeen(Guid memberId, Guid workspaceId)
    {
        MemberId = memberId;
        WorkspaceId = workspaceId;
    }

    public Guid MemberId { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public DateTimeOffset SeenAt { get; private set; }

    /// <summary>Only moves forward: an old tab does not make seen updates new again.</summary>
    public bool See(DateTimeOffset now)
    {
        if (now <= SeenAt)
            return false;
        SeenAt = now;
        return true;
    }
}
