using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Features.Workspaces;

public sealed record PersonRef(Guid MemberId, string DisplayName, Guid OrganisationId, string OrganisationName);

public sealed record MyMembership(MembershipStatus Status, MembershipRole Role, string? Message, DateTimeOffset ChangedAt);

public sealed record WorkspaceSummary(
    Guid Id,
    string Name,
    WorkspaceKind Kind,
    WorkspaceVisibility Visibility,
    string Purpose,
    int ActiveMemberCount,
    IReadOnlyList<string> LeadNames,
    MyMembership? Mine);

public sealed record RosterEntry(PersonRef Person, MembershipRole Role, DateTimeOffset? JoinedAt);

public sealed record PendingRequest(PersonRef Person, string? Message, DateTimeOffset RequestedAt);

public sealed record PendingInvitation(PersonRef Person, MembershipRole Role, DateTimeOffset InvitedAt);

public sealed record OrganisationRef(Guid Id, string Name, int MemberCount);

/// <summary>One workspace as the actor may see it: the roster and pending lists are null where the
/// policy does not let the actor see them (not merely empty).</summary>
public sealed record WorkspaceDetails(
    Guid Id,
    string Name,
    WorkspaceKind Kind,
    WorkspaceVisibility Visibility,
    string Purpose,
    IReadOnlyList<PersonRef> Leads,
    MyMembership? Mine,
    bool CanRead,
    bool CanContribute,
    bool CanManage,
    IReadOnlyList<RosterEntry>? Roster,
    IReadOnlyList<OrganisationRef>? MemberOrganisations,
    IReadOnlyList<PendingRequest>? PendingRequests,
    IReadOnlyList<PendingInvitation>? PendingInvitations);

/// <summary>The actor's own standing across workspaces, for the home page.</summary>
public sealed record MyWorkspaceStanding(Guid WorkspaceId, string WorkspaceName, WorkspaceVisibility Visibility, MyMembership Membership);
