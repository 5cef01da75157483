using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>Method-support requests: asking, logging on behalf of someone outside the portal, reading, the
/// lists, and (in <c>SupportRequestService.Work.cs</c>) triage and the work on a request. Every call loads
/// the actor and the actor's standing on the desk, asks the access policy, and writes an audit record of what
/// was read or changed in the same transaction as the change — a read that cannot be audited is not made.</summary>
public sealed partial class SupportRequestService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, Notifier notifier,
    WriteLimiter limiter, SupportSearchIndexer indexer)
{
    public const string Write = "support";
    public const string ChangedConcurrently = "support.changed-concurrently";
    private const int NumberAttempts = 5;

    /// <summary>A member asks. The request carries their organisation (enabled, or they could not act at all).</summary>
    public async Task<SupportSubmitted> SubmitAsync(Caller caller, SupportQuestion question, CancellationToken cancellationToken = default)
    {
        return await WithNextNumberAsync(async (db, year, number, now) =>
        {
            var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);
            var request = SupportRequest.Submit(new SupportAsker(actor.MemberId, organisation.Id, null, organisation.Kind, null), question,
                SupportChannel.Portal, null, year, number, now);
            return (actor, request, SupportAuditActions.Submitted);
        }, caller, cancellationToken);
    }

    /// <summary>An NMT member logs a request that came by phone, e-mail or otherwise, for an asker outside the
    /// portal: a directory organisation (enabled) or a typed name with its kind, and a functional contact.</summary>
    public async Task<SupportSubmitted> LogOnBehalfAsync(Caller caller, OutsideAsker asker, SupportChannel channel, SupportQuestion question,
        CancellationToken cancellationToken = default)
    {
        return await WithNextNumberAsync(async (db, year, number, now) =>
        {
            var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
            var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
            if (!AccessPolicy.CanLogSupportRequest(standing))
                throw new AccessDeniedException("support.log.denied");
            if (channel == SupportChannel.Portal)
                throw new DomainRuleException("support.channel.invalid", "channel");
            OrganisationKind kind;
            if (asker.OrganisationId is { } organisationId)
            {
                var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
                    ?? throw new DomainRuleException("support.organisation.unknown", "support.organisation");
                if (!organisation.Enabled)
                    throw new DomainRuleException("support.organisation.disabled", "support.organisation");
                kind = organisation.Kind;
            }
            else
            {
                kind = asker.OrganisationKind ?? throw new DomainRuleException("support.organisation.kind-invalid", "organisationKind");
            }
            var request = SupportRequest.Submit(new SupportAsker(null, asker.OrganisationId, asker.OrganisationName, kind, asker.FunctionalContact),
                question, channel, actor.MemberId, year, number, now);
            return (actor, request, SupportAuditActions.Logged);
        }, caller, cancellationToken);
    }

    /// <summary>One request as the caller may see it; audited as a view.</summary>
    public async Task<SupportRequestView> GetAsync(Caller caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        var request = await db.LoadVisibleRequestAsync(actor, standing, requestId, cancellationToken, tracked: false);
        var now = clock.GetUtcNow();
        db.Audit(actor.MemberId, SupportAuditActions.Viewed, SupportSubjectKind.Of(request.Id), now, null, caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        return await SupportViews.ViewAsync(db, actor, standing, request, now, cancellationToken);
    }

    /// <summary>The caller's own requests and those shared with them, newest first; one page of them.</summary>
    public async Task<SupportRequestList> MineAsync(Caller caller, int page = 1, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var memberId = actor.MemberId;
        var mine = db.SupportRequests.Where(r => r.AskerId == memberId || r.Viewers.Any(v => v.MemberId == memberId));
        return await PagedAsync(db, actor, caller, mine, byUrgency: false, page, "mine", cancellationToken);
    }

    /// <summary>The triage queue for the members on duty: open requests, the most urgent first and, within an
    /// urgency, the oldest first; overdue ones are flagged. One page of it.</summary>
    public async Task<SupportRequestList> QueueAsync(Caller caller, int page = 1, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        if (!AccessPolicy.CanTriageSupport(standing))
            throw new AccessDeniedException("support.queue.denied");
        var open = db.SupportRequests
            .Where(AccessPolicy.VisibleSupportRequests(actor, standing))
            .Where(r => r.Status != SupportStatus.Closed);
        return await PagedAsync(db, actor, caller, open, byUrgency: true, page, "queue", cancellationToken);
    }

    /// <summary>Open requests assigned to the caller (while on the team), in the queue's order; one page of them.</summary>
    public async Task<SupportRequestList> AssignedToMeAsync(Caller caller, int page = 1, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        if (!standing.IsTeamMember)
            return new SupportRequestList([], 1, 1, 0);
        var memberId = actor.MemberId;
        var assigned = db.SupportRequests.Where(r => r.Status != SupportStatus.Closed && r.Assignees.Any(a => a.MemberId == memberId));
        return await PagedAsync(db, actor, caller, assigned, byUrgency: true, page, "assigned", cancellationToken);
    }

    /// <summary>The team members a request may be assigned to (for the assign form): duty members only.</summary>
    public async Task<IReadOnlyList<SupportPerson>> TeamAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        if (!AccessPolicy.CanTriageSupport(standing))
            throw new AccessDeniedException("support.queue.denied");
        var ids = await TeamMemberIds(db).ToListAsync(cancellationToken);
        var people = await SupportViews.PeopleAsync(db, ids, cancellationToken);
        return people.Values.OrderBy(p => p.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
    }

    private static IQueryable<SupportRequest> ListQuery(PortalDbContext db) =>
        db.SupportRequests.AsNoTracking().Include(r => r.Assignees);

    /// <summary>Active leads and members of the desk's workspace: who may be assigned.</summary>
    internal static IQueryable<Guid> TeamMemberIds(PortalDbContext db) =>
        db.Memberships
            .Where(m => db.SupportDesks.Any(d => d.WorkspaceId == m.WorkspaceId)
                && m.Status == Domain.Workspaces.MembershipStatus.Active
                && (m.Role == Domain.Workspaces.MembershipRole.Lead || m.Role == Domain.Workspaces.MembershipRole.Member))
            .Select(m => m.MemberId);

    /// <summary>One page of a list: the order is made from three small columns of every matching request
    /// (urgency is stored by name, so its order is made here), then only the page's requests are read and
    /// audited as listed — a line not shown is neither read nor recorded.</summary>
    private async Task<SupportRequestList> PagedAsync(PortalDbContext db, Actor actor, Caller caller, IQueryable<SupportRequest> matching,
        bool byUrgency, int page, string list, CancellationToken cancellationToken)
    {
        var keys = await matching.AsNoTracking().Select(r => new { r.Id, r.Urgency, r.SubmittedAt }).ToListAsync(cancellationToken);
        var ordered = byUrgency
            ? keys.OrderBy(k => k.Urgency).ThenBy(k => k.SubmittedAt).ThenBy(k => k.Id)
            : keys.OrderByDescending(k => k.SubmittedAt).ThenBy(k => k.Id);
        var shownPage = SupportRequestList.Clamp(page, keys.Count);
        var ids = ordered.Skip((shownPage - 1) * SupportRequestList.PageSize).Take(SupportRequestList.PageSize).Select(k => k.Id).ToList();
        var loaded = await ListQuery(db).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        // A request closed or unshared between the two reads is left out rather than shown stale.
        var requests = ids.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var now = clock.GetUtcNow();
        foreach (var request in requests)
            db.Audit(actor.MemberId, SupportAuditActions.Listed, SupportSubjectKind.Of(request.Id), now, list, caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        var items = await SupportViews.SummariesAsync(db, requests, now, cancellationToken);
        return new SupportRequestList(items, shownPage, SupportRequestList.PageCountOf(keys.Count), keys.Count);
    }

    /// <summary>Allocates the year's next number and saves; when another request took the same number at the
    /// same moment the unique index refuses it and the whole unit of work runs again with the next one.</summary>
    private async Task<SupportSubmitted> WithNextNumberAsync(
        Func<PortalDbContext, int, int, DateTimeOffset, Task<(Actor Actor, SupportRequest Request, string AuditAction)>> create,
        Caller caller, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var year = StockholmTime.DayOf(now).Year;
            var number = (await db.SupportRequests.Where(r => r.Year == year).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
            var (actor, request, action) = await create(db, year, number, now);
            db.SupportRequests.Add(request);
            db.Audit(actor.MemberId, action, SupportSubjectKind.Of(request.Id), now, request.Reference, caller.ClientAddress);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await limiter.CountAsync(db, actor.MemberId, now, [new CountedWrite(Write, Field: "support.question")], cancellationToken);
                await indexer.IndexAsync(db, request, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var duty = await DutyMemberIdsAsync(db, cancellationToken);
                await notifier.NotifyAsync(db, SupportNotificationKinds.Submitted, SupportSubjectKind.Of(request.Id), null, actor.MemberId,
                    duty, now, null, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new SupportSubmitted(request.Id, request.Reference);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Someone else's request took the number: try again with the next. Any other failure is not ours to hide.
                if (!await NumberTakenAsync(year, number, cancellationToken))
                    throw;
            }
        }
    }

    private async Task<bool> NumberTakenAsync(int year, int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SupportRequests.AnyAsync(r => r.Year == year && r.Number == number, cancellationToken);
    }

    /// <summary>The members on duty who are still on the team.</summary>
    private static async Task<IReadOnlyList<Guid>> DutyMemberIdsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var desk = await db.SupportDesks.AsNoTracking().OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (desk is null)
            return [];
        var duty = desk.DutyMemberIds.ToList();
        return await TeamMemberIds(db).Where(id => duty.Contains(id)).ToListAsync(cancellationToken);
    }
}
