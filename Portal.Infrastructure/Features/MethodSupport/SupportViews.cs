using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>Read models of requests, with the names of the people and organisations they mention.</summary>
internal static class SupportViews
{
    public static async Task<IReadOnlyDictionary<Guid, SupportPerson>> PeopleAsync(PortalDbContext db, IEnumerable<Guid> memberIds,
        CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        var rows = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.DisplayName, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SupportPerson(r.Id, r.DisplayName, r.Organisation));
    }

    public static async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(PortalDbContext db, IEnumerable<Guid> organisationIds,
        CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    public static async Task<IReadOnlyList<SupportRequestSummary>> SummariesAsync(PortalDbContext db, IReadOnlyList<SupportRequest> requests,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(db, requests.SelectMany(r => r.Assignees.Select(a => a.MemberId)), cancellationToken);
        var organisations = await OrganisationNamesAsync(db, requests.Where(r => r.AskerOrganisationId != null).Select(r => r.AskerOrganisationId!.Value),
            cancellationToken);
        return requests.Select(r => new SupportRequestSummary(r.Id, r.Reference, r.Status, r.Urgency, r.ChildConcerned, r.County, r.Forms,
            r.Channel, AskingOrganisation(r, organisations), r.SubmittedAt, r.FirstResponseDue, r.IsOverdue(now),
            r.Assignees.Select(a => people.TryGetValue(a.MemberId, out var p) ? p.Name : "").ToList())).ToList();
    }

    public static async Task<SupportRequestView> ViewAsync(PortalDbContext db, Actor actor, SupportStanding standing, SupportRequest r,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seeNotes = AccessPolicy.CanSeeSupportNotes(actor, standing, r);
        var memberIds = r.Assignees.Select(a => a.MemberId)
            .Concat(r.Viewers.Select(v => v.MemberId))
            .Concat(r.Replies.Select(m => m.AuthorId))
            .Concat(r.Notes.Select(n => n.AuthorId))
            .Concat(r.Referrals.Select(f => f.ReferredBy))
            .Concat(new[] { r.AskerId, r.LoggedById }.Where(id => id is not null).Select(id => id!.Value));
        var people = await PeopleAsync(db, memberIds, cancellationToken);
        var organisations = await OrganisationNamesAsync(db,
            r.Referrals.Select(f => f.OrganisationId).Concat(r.AskerOrganisationId is { } o ? [o] : []), cancellationToken);
        SupportPerson Person(Guid id) => people.TryGetValue(id, out var p) ? p : new SupportPerson(id, "", "");
        var can = new SupportPermissions(
            SeeNotes: seeNotes,
            Assign: AccessPolicy.CanTriageSupport(standing),
            Work: AccessPolicy.CanWorkOnSupportRequest(actor, standing, r),
            FollowUp: AccessPolicy.CanFollowUpSupportRequest(actor, r),
            AddViewer: AccessPolicy.CanAddSupportViewer(actor, r));
        return new SupportRequestView(r.Id, r.Reference, r.Version, r.Status, r.Channel,
            r.AskerId is { } asker ? Person(asker) : null, AskingOrganisation(r, organisations), r.AskerOrganisationKind, r.AskerContact,
            r.LoggedById is { } logger ? Person(logger) : null,
            r.Question, r.DoneSoFar, r.Forms, r.ChildConcerned, r.SocialServicesInvolved, r.County, r.Urgency, r.PreferredContact,
            r.SubmittedAt, r.FirstResponseAt, r.FirstResponseDue, r.IsOverdue(now), r.ClosedAt, r.ErasedAt is not null,
            r.Assignees.Select(a => Person(a.MemberId)).ToList(),
            r.Viewers.Select(v => Person(v.MemberId)).ToList(),
            r.Replies.OrderBy(m => m.At).Select(m => new SupportReplyView(m.Id, Person(m.AuthorId), m.FromTeam, m.Text, m.At)).ToList(),
            seeNotes ? r.Notes.OrderBy(n => n.At).Select(n => new SupportNoteView(n.Id, Person(n.AuthorId), n.Text, n.At)).ToList() : [],
            r.Referrals.OrderBy(f => f.At).Select(f => new SupportReferralView(f.Id, f.OrganisationId,
                organisations.TryGetValue(f.OrganisationId, out var name) ? name : "", f.Contact, f.ReferredOn, f.Reason, Person(f.ReferredBy))).ToList(),
            can);
    }

    private static string AskingOrganisation(SupportRequest r, IReadOnlyDictionary<Guid, string> organisations) =>
        r.AskerOrganisationId is { } id && organisations.TryGetValue(id, out var name) ? name : r.AskerOrganisationName ?? "";
}
