using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Turns an <see cref="InviteeSelection"/> into members, when the meeting is saved (a member who
/// joins the workspace later is not invited by that). Only members of enabled organisations who may read
/// one of the meeting's workspaces are eligible: the whole workspaces' active members, chosen members
/// (a chosen member who is not eligible is refused, so the lead knows) and the eligible members of chosen
/// organisations.</summary>
internal static class MeetingInvitees
{
    /// <summary>More than this many resolved ids are not even counted exactly: the answer is "too many".</summary>
    private const int CountCap = 5 * Domain.Meetings.Meeting.MaxInvitees;

    public static async Task<HashSet<Guid>> ResolveAsync(PortalDbContext db, IReadOnlyCollection<Workspace> workspaces,
        InviteeSelection selection, Guid organiserId, CancellationToken cancellationToken)
    {
        var workspaceIds = workspaces.Select(w => w.Id).ToList();
        var anyOpen = workspaces.Any(w => w.Visibility == WorkspaceVisibility.Open);
        var eligible = Eligible(db, workspaceIds, anyOpen);
        var result = new HashSet<Guid> { organiserId };

        if (selection.WholeWorkspaces)
        {
            var members = await db.Memberships.AsNoTracking()
                .Where(s => workspaceIds.Contains(s.WorkspaceId) && s.Status == MembershipStatus.Active)
                .Select(s => s.MemberId)
                .Where(id => eligible.Any(m => m == id))
                .Distinct().Take(CountCap).ToListAsync(cancellationToken);
            result.UnionWith(members);
        }

        var chosen = (selection.MemberIds ?? []).Distinct().ToList();
        if (chosen.Count > Domain.Meetings.Meeting.MaxInvitees)
            throw new DomainRuleException("meeting.invitees.too-many", "invitees");
        if (chosen.Count > 0)
        {
            var found = await eligible.Where(id => chosen.Contains(id)).ToListAsync(cancellationToken);
            if (found.Count != chosen.Count)
                throw new DomainRuleException("meeting.invitees.not-eligible", "invitees");
            result.UnionWith(found);
        }

        var organisations = (selection.OrganisationIds ?? []).Distinct().ToList();
        if (organisations.Count > 0)
        {
            var members = await db.Members.AsNoTracking()
                .Where(m => organisations.Contains(m.OrganisationId))
                .Select(m => m.Id)
                .Where(id => eligible.Any(e => e == id))
                .Take(CountCap).ToListAsync(cancellationToken);
            result.UnionWith(members);
        }
        return result;
    }

    /// <summary>Members of enabled organisations who may read one of the workspaces.</summary>
    private static IQueryable<Guid> Eligible(PortalDbContext db, List<Guid> workspaceIds, bool anyOpen)
    {
        var members = db.Members.AsNoTracking()
            .Where(m => db.Organisations.Any(o => o.Id == m.OrganisationId && o.Enabled));
        if (!anyOpen)
            members = members.Where(m => db.Memberships.Any(s => workspaceIds.Contains(s.WorkspaceId) && s.MemberId == m.Id
                && s.Status == MembershipStatus.Active));
        return members.Select(m => m.Id);
    }
}
