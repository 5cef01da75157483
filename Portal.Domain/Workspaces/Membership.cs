using Portal.Domain.Common;

namespace Portal.Domain.Workspaces;

public enum MembershipRole
{
    Lead = 1,
    Member,
    /// <summary>Reads everything, posts nothing.</summary>
    Observer,
}

public enum MembershipStatus
{
    Requested = 1,
    Invited,
    Active,
    Declined,
    Withdrawn,
    Left,
    Removed,
}

/// <summary>One member's standing in one workspace. One row per pair: a new request after leaving
/// reopens the same row, so the latest who-and-when is always on it.</summary>
public sealed class Membership : AuditableEntity
{
    public const int MessageMaxLength = 1000;

    private Membership() { }

    internal Membership(Guid workspaceId, Guid memberId)
    {
        WorkspaceId = workspaceId;
        MemberId = memberId;
        Role = MembershipRole.Member;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid MemberId { get; private set; }
    public MembershipRole Role { get; private set; }
    public MembershipStatus Status { get; private set; }
    /// <summary>The requester's message, or the reason given when declining or removing.</summary>
    public string? Message { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public Guid StatusChangedBy { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    /// <summary>Changes with every change of standing, so that two people deciding the same
    /// request at once cannot both win (optimistic concurrency).</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    internal void MarkRequested(string? message, DateTimeOffset now)
    {
        Message = Guard.OptionalText(message, MessageMaxLength, "membership.message");
        Role = MembershipRole.Member;
        SetStatus(MembershipStatus.Requested, MemberId, now);
    }

    internal void MarkInvited(MembershipRole role, Guid invitedBy, DateTimeOffset now)
    {
        if (!Enum.IsDefined(role))
            throw new DomainRuleException("membership.role.invalid", "role");
        Role = role;
        Message = null;
        SetStatus(MembershipStatus.Invited, invitedBy, now);
    }

    internal void Activate(MembershipRole role, Guid by, DateTimeOffset now)
    {
        Role = role;
        JoinedAt = now;
        SetStatus(MembershipStatus.Active, by, now);
    }

    internal void Close(MembershipStatus status, Guid by, string? reason, DateTimeOffset now)
    {
        // The reason replaces the request's own message, so a decline without a reason never
        // shows the requester's words back to them as if they were the lead's.
        Message = Guard.OptionalText(reason, MessageMaxLength, "membership.message");
        SetStatus(status, by, now);
    }

    internal void ChangeRole(MembershipRole role, Guid by, DateTimeOffset now)
    {
        Role = role;
        StatusChangedBy = by;
        StatusChangedAt = now;
        Version = Guid.NewGuid();
    }

    private void SetStatus(MembershipStatus status, Guid by, DateTimeOffset now)
    {
        Status = status;
        StatusChangedBy = by;
        StatusChangedAt = now;
        Version = Guid.NewGuid();
    }
}
