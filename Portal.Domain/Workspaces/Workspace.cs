using Portal.Domain.Common;

namespace Portal.Domain.Workspaces;

public enum WorkspaceKind
{
    /// <summary>A standing team such as NMT.</summary>
    Team = 1,
    /// <summary>A network such as LAMP or the regional coordinators.</summary>
    Network,
    /// <summary>A time-boxed group, for example the one revising the manual.</summary>
    WorkingGroup,
    /// <summary>A wide information network that anyone in the portal may join.</summary>
    InformationNetwork,
}

public enum WorkspaceVisibility
{
    /// <summary>Listed, readable and joinable by every member of the portal.</summary>
    Open = 1,
    /// <summary>Listed with its purpose and leads; contents and roster for its members only;
    /// joining needs a lead's approval.</summary>
    Closed,
    /// <summary>Not listed at all: only its members, invitees and administrators know it.</summary>
    Hidden,
}

/// <summary>A network's or team's shared space. Owns its memberships so that the rules about
/// joining, roles and the last lead are checked in one place; every change to them touches the
/// root's version, so two leads leaving at once from the same snapshot cannot both succeed.</summary>
public sealed class Workspace : AggregateRoot
{
    public const int NameMaxLength = 120;
    public const int PurposeMaxLength = 4000;

    private readonly List<Membership> _memberships = [];

    private Workspace() { }

    public string Name { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public WorkspaceKind Kind { get; private set; }
    public WorkspaceVisibility Visibility { get; private set; }
    public IReadOnlyCollection<Membership> Memberships => _memberships.AsReadOnly();

    public static Workspace Create(string name, WorkspaceKind kind, WorkspaceVisibility visibility, string? purpose)
    {
        var workspace = new Workspace();
        workspace.Describe(name, kind, visibility, purpose);
        return workspace;
    }

    public void Describe(string name, WorkspaceKind kind, WorkspaceVisibility visibility, string? purpose)
    {
        var before = Visibility;
        Name = Guard.RequiredText(name, NameMaxLength, "workspace.name");
        Purpose = Guard.OptionalText(purpose, PurposeMaxLength, "workspace.purpose") ?? "";
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("workspace.kind.invalid", "workspace.kind");
        if (!Enum.IsDefined(visibility))
            throw new DomainRuleException("workspace.visibility.invalid", "workspace.visibility");
        Kind = kind;
        Visibility = visibility;
        // Visibility decides who may join: a join checked against the old one must not be saved.
        Touch();
        // A new workspace (before is 0) has had no readers to lose.
        if (before != visibility && Enum.IsDefined(before))
            Raise(new WorkspaceVisibilityChanged(Id, before, visibility));
    }

    public Membership? MembershipOf(Guid memberId) => _memberships.FirstOrDefault(m => m.MemberId == memberId);

    public bool IsActiveMember(Guid memberId) => MembershipOf(memberId)?.Status == MembershipStatus.Active;

    public bool IsLead(Guid memberId) => MembershipOf(memberId) is { Status: MembershipStatus.Active, Role: MembershipRole.Lead };

    public IEnumerable<Membership> ActiveMemberships => _memberships.Where(m => m.Status == MembershipStatus.Active);

    /// <summary>An open workspace is joined at once as a member.</summary>
    public Membership Join(Guid memberId, DateTimeOffset now)
    {
        if (Visibility != WorkspaceVisibility.Open)
            throw new DomainRuleException("membership.join.not-open");
        var membership = ReopenOrAdd(memberId);
        membership.Activate(MembershipRole.Member, memberId, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Active));
        return membership;
    }

    /// <summary>A closed workspace is joined by a request that a lead decides.</summary>
    public Membership RequestToJoin(Guid memberId, string? message, DateTimeOffset now)
    {
        if (Visibility == WorkspaceVisibility.Open)
            throw new DomainRuleException("membership.request.open-workspace");
        var current = MembershipOf(memberId);
        if (current?.Status == MembershipStatus.Invited)
            throw new DomainRuleException("membership.request.already-invited");
        var membership = ReopenOrAdd(memberId);
        membership.MarkRequested(message, now);
        Touch();
        Raise(new MembershipRequested(Id, memberId));
        return membership;
    }

    public void WithdrawRequest(Guid memberId, DateTimeOffset now)
    {
        var membership = Pending(memberId, MembershipStatus.Requested);
        membership.Close(MembershipStatus.Withdrawn, memberId, null, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Withdrawn));
    }

    public void ApproveRequest(Guid memberId, Guid decidedBy, DateTimeOffset now)
    {
        var membership = Pending(memberId, MembershipStatus.Requested);
        membership.Activate(MembershipRole.Member, decidedBy, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Active));
    }

    public void DeclineRequest(Guid memberId, Guid decidedBy, string? reason, DateTimeOffset now)
    {
        var membership = Pending(memberId, MembershipStatus.Requested);
        membership.Close(MembershipStatus.Declined, decidedBy, reason, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Declined));
    }

    public Membership Invite(Guid memberId, MembershipRole role, Guid invitedBy, DateTimeOffset now)
    {
        var current = MembershipOf(memberId);
        if (current?.Status == MembershipStatus.Requested)
        {
            // Inviting someone who already asked is the same as saying yes.
            current.Activate(role, invitedBy, now);
            Touch();
            Raise(new MembershipChanged(Id, memberId, MembershipStatus.Active));
            return current;
        }
        var membership = ReopenOrAdd(memberId);
        membership.MarkInvited(role, invitedBy, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Invited));
        return membership;
    }

    /// <summary>A lead takes back an invitation that has not been answered.</summary>
    public void CancelInvitation(Guid memberId, Guid cancelledBy, DateTimeOffset now)
    {
        var membership = Pending(memberId, MembershipStatus.Invited);
        membership.Close(MembershipStatus.Withdrawn, cancelledBy, null, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Withdrawn));
    }

    public void AcceptInvitation(Guid memberId, DateTimeOffset now)
    {
        var membership = Pending(memberId, MembershipStatus.Invited);
        membership.Activate(membership.Role, memberId, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Active));
    }

    public void DeclineInvitation(Guid memberId, DateTimeOffset now)
    {
        var membership = Pending(memberId, MembershipStatus.Invited);
        membership.Close(MembershipStatus.Declined, memberId, null, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Declined));
    }

    public void Leave(Guid memberId, DateTimeOffset now)
    {
        var membership = Active(memberId);
        EnsureNotLastLead(membership);
        membership.Close(MembershipStatus.Left, memberId, null, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Left));
    }

    public void Remove(Guid memberId, Guid removedBy, string? reason, DateTimeOffset now)
    {
        var membership = Active(memberId);
        EnsureNotLastLead(membership);
        membership.Close(MembershipStatus.Removed, removedBy, reason, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Removed));
    }

    public void ChangeRole(Guid memberId, MembershipRole role, Guid changedBy, DateTimeOffset now)
    {
        if (!Enum.IsDefined(role))
            throw new DomainRuleException("membership.role.invalid", "role");
        var membership = Active(memberId);
        if (membership.Role == role)
            return;
        if (role != MembershipRole.Lead)
            EnsureNotLastLead(membership);
        membership.ChangeRole(role, changedBy, now);
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Active));
    }

    /// <summary>An administrator appoints a lead directly, whatever the member's standing.</summary>
    public void AppointLead(Guid memberId, Guid appointedBy, DateTimeOffset now)
    {
        var membership = MembershipOf(memberId);
        if (membership is { Status: MembershipStatus.Active })
        {
            membership.ChangeRole(MembershipRole.Lead, appointedBy, now);
        }
        else
        {
            membership = ReopenOrAdd(memberId);
            membership.Activate(MembershipRole.Lead, appointedBy, now);
        }
        Touch();
        Raise(new MembershipChanged(Id, memberId, MembershipStatus.Active));
    }

    private Membership ReopenOrAdd(Guid memberId)
    {
        var current = MembershipOf(memberId);
        switch (current?.Status)
        {
            case null:
                var membership = new Membership(Id, memberId);
                _memberships.Add(membership);
                return membership;
            case MembershipStatus.Active:
                throw new DomainRuleException("membership.already-member");
            case MembershipStatus.Requested:
                throw new DomainRuleException("membership.request.already-pending");
            case MembershipStatus.Invited:
                throw new DomainRuleException("membership.invitation.already-pending");
            default:
                return current; // left, removed, declined or withdrawn: a new round on the same row
        }
    }

    private Membership Pending(Guid memberId, MembershipStatus expected)
    {
        var membership = MembershipOf(memberId);
        if (membership?.Status != expected)
            throw new DomainRuleException(expected == MembershipStatus.Requested
                ? "membership.request.not-pending"
                : "membership.invitation.not-pending");
        return membership;
    }

    private Membership Active(Guid memberId) =>
        MembershipOf(memberId) is { Status: MembershipStatus.Active } membership
            ? membership
            : throw new DomainRuleException("membership.not-member");

    private void EnsureNotLastLead(Membership membership)
    {
        if (membership.Role == MembershipRole.Lead && ActiveMemberships.Count(m => m.Role == MembershipRole.Lead) == 1)
            throw new DomainRuleException("membership.last-lead");
    }
}

[EventName("workspace.membership-requested")]
public sealed record MembershipRequested(Guid WorkspaceId, Guid MemberId) : IDomainEvent;

[EventName("workspace.membership-changed")]
public sealed record MembershipChanged(Guid WorkspaceId, Guid MemberId, MembershipStatus Status) : IDomainEvent;

/// <summary>A workspace was made more or less visible. From open to closed or hidden, everyone who
/// read it without being a member has lost it: live views re-check what they show.</summary>
[EventName("workspace.visibility-changed")]
public sealed record WorkspaceVisibilityChanged(Guid WorkspaceId, WorkspaceVisibility From, WorkspaceVisibility To) : IDomainEvent
{
    /// <summary>True when someone may see less than before.</summary>
    public bool Narrows => To > From;
}
