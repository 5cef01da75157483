using System.Linq.Expressions;
using Portal.Domain.MethodSupport;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

/// <summary>The actor's place on the method-support desk, loaded fresh with the actor for each use case:
/// on the team (an active lead or member of the desk's NMT workspace) and on duty (on the team and on the
/// desk's duty roster). Administrators get nothing from being administrators.</summary>
public sealed record SupportStanding(bool IsTeamMember, bool IsOnDuty)
{
    public static SupportStanding None { get; } = new(false, false);
}

public static partial class AccessPolicy
{
    // ---- Method-support requests ----
    // Need-to-know, stricter than anything inside a workspace: the asker, the viewers the asker added, the
    // assigned NMT members while they are still on the team, and the NMT members on duty. Nobody else — not
    // administrators, not the asker's colleagues, not the rest of NMT. Internal notes are NMT's only.

    /// <summary>The actor's standing from the desk and the actor's membership of the desk's workspace.</summary>
    public static SupportStanding StandingOnDesk(Actor actor, SupportDesk? desk, Membership? membership)
    {
        var team = desk is not null && membership is not null && membership.WorkspaceId == desk.WorkspaceId
            && membership.MemberId == actor.MemberId && IsTeamMembership(membership);
        return new SupportStanding(team, team && desk!.IsOnDuty(actor.MemberId));
    }

    private static bool IsTeamMembership(Membership membership) =>
        membership.Status == MembershipStatus.Active && membership.Role is MembershipRole.Lead or MembershipRole.Member;

    /// <summary>The query face that works the standing out in the same query (for search and subjects, which
    /// know only the actor): the same rule as <see cref="StandingOnDesk"/> and <see cref="CanSeeSupportRequest"/>.</summary>
    public static Expression<Func<SupportRequest, bool>> VisibleSupportRequestsFromDesk(Actor actor, IQueryable<SupportDesk> desks,
        IQueryable<Membership> memberships)
    {
        var memberId = actor.MemberId;
        return r => r.AskerId == memberId
            || r.Viewers.Any(v => v.MemberId == memberId)
            || desks.Any(d => memberships.Any(m => m.WorkspaceId == d.WorkspaceId && m.MemberId == memberId
                && m.Status == MembershipStatus.Active && (m.Role == MembershipRole.Lead || m.Role == MembershipRole.Member))
                && (d.DutyMemberIds.Contains(memberId) || r.Assignees.Any(a => a.MemberId == memberId)));
    }

    public static bool CanSeeSupportRequest(Actor actor, SupportStanding standing, SupportRequest request) =>
        request.AskerId == actor.MemberId
        || request.IsViewer(actor.MemberId)
        || standing.IsOnDuty
        || (standing.IsTeamMember && request.IsAssigned(actor.MemberId));

    public static Expression<Func<SupportRequest, bool>> VisibleSupportRequests(Actor actor, SupportStanding standing)
    {
        var memberId = actor.MemberId;
        var onDuty = standing.IsOnDuty;
        var team = standing.IsTeamMember;
        return r => r.AskerId == memberId
            || r.Viewers.Any(v => v.MemberId == memberId)
            || onDuty
            || (team && r.Assignees.Any(a => a.MemberId == memberId));
    }

    /// <summary>NMT's side of a request it may see: the internal notes, the assignees' names.</summary>
    public static bool CanSeeSupportNotes(Actor actor, SupportStanding standing, SupportRequest request) =>
        standing.IsOnDuty || (standing.IsTeamMember && request.IsAssigned(actor.MemberId));

    /// <summary>The queue and assigning: the members on duty.</summary>
    public static bool CanTriageSupport(SupportStanding standing) => standing.IsOnDuty;

    /// <summary>Answering, referring, confirming social services and closing: the assignees (on the team).</summary>
    public static bool CanWorkOnSupportRequest(Actor actor, SupportStanding standing, SupportRequest request) =>
        standing.IsTeamMember && request.IsAssigned(actor.MemberId);

    /// <summary>A follow-up from the asker's side: the asker and the viewers.</summary>
    public static bool CanFollowUpSupportRequest(Actor actor, SupportRequest request) =>
        request.AskerId == actor.MemberId || request.IsViewer(actor.MemberId);

    /// <summary>Only the asker lets others see their request.</summary>
    public static bool CanAddSupportViewer(Actor actor, SupportRequest request) => request.AskerId == actor.MemberId;

    /// <summary>Logging a request that came by phone or e-mail, and the figures and their export: the team.</summary>
    public static bool CanLogSupportRequest(SupportStanding standing) => standing.IsTeamMember;

    public static bool CanSeeSupportFigures(SupportStanding standing) => standing.IsTeamMember;

    /// <summary>The audit trail of a request (who looked, who changed what) — never its content — is for the
    /// administrators, who answer for the portal's security.</summary>
    public static bool CanReadSupportAudit(Actor actor) => actor.IsAdministrator;
}
