using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.MethodSupport;

public sealed partial class SupportRequestService
{
    /// <summary>What a change records and whom it tells (the reference and a link, never the text).</summary>
    private sealed record SupportChange(string AuditAction, string? Detail, string? NotificationKind = null, IReadOnlyCollection<Guid>? Recipients = null);

    /// <summary>A member on duty sets who works on the request: NMT members (the desk's workspace's active leads
    /// and members). The newly assigned are told.</summary>
    public Task AssignAsync(Caller caller, Guid requestId, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.assignees", async (db, actor, standing, request, now) =>
        {
            if (!AccessPolicy.CanTriageSupport(standing))
                throw new AccessDeniedException("support.assign.denied");
            var ids = memberIds.Distinct().ToList();
            var team = await TeamMemberIds(db).Where(id => ids.Contains(id)).CountAsync(cancellationToken);
            if (team != ids.Count)
                throw new DomainRuleException("support.assignees.not-team", "support.assignees");
            var added = request.Assign(ids, actor.MemberId, now);
            return new SupportChange(SupportAuditActions.Assigned, string.Join(",", ids), SupportNotificationKinds.Assigned, added);
        }, cancellationToken);

    /// <summary>A reply the asker sees: from an assignee it answers; from the asker or a viewer it follows up
    /// (the assignees are told).</summary>
    public Task ReplyAsync(Caller caller, Guid requestId, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.reply", (_, actor, standing, request, now) =>
        {
            SupportChange change;
            if (AccessPolicy.CanWorkOnSupportRequest(actor, standing, request))
            {
                request.Reply(actor.MemberId, fromTeam: true, text, now);
                change = new SupportChange(SupportAuditActions.Replied, "team", SupportNotificationKinds.Replied, AskerSide(request));
            }
            else if (AccessPolicy.CanFollowUpSupportRequest(actor, request))
            {
                request.Reply(actor.MemberId, fromTeam: false, text, now);
                change = new SupportChange(SupportAuditActions.Replied, "asker", SupportNotificationKinds.FollowedUp,
                    request.Assignees.Select(a => a.MemberId).ToList());
            }
            else
            {
                throw new AccessDeniedException("support.reply.denied");
            }
            return Task.FromResult(change);
        }, cancellationToken);

    /// <summary>An internal note, for NMT only (the members on duty and the assignees).</summary>
    public Task NoteAsync(Caller caller, Guid requestId, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.note", (_, actor, standing, request, now) =>
        {
            if (!AccessPolicy.CanSeeSupportNotes(actor, standing, request))
                throw new AccessDeniedException("support.note.denied");
            request.Note(actor.MemberId, text, now);
            return Task.FromResult(new SupportChange(SupportAuditActions.Noted, null));
        }, cancellationToken);

    /// <summary>An assignee refers the asker to an organisation in the directory (not a disabled one), with an
    /// optional functional contact there, the day and the reason. The asker sees where.</summary>
    public Task ReferAsync(Caller caller, Guid requestId, Guid organisationId, string? contact, DateOnly referredOn, string? reason,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.referral.organisation", async (db, actor, standing, request, now) =>
        {
            RequireAssignee(actor, standing, request, "support.refer.denied");
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
                ?? throw new DomainRuleException("support.referral.organisation-unknown", "support.referral.organisation");
            if (!organisation.Enabled)
                throw new DomainRuleException("support.referral.organisation-disabled", "support.referral.organisation");
            request.Refer(organisation.Id, contact, referredOn, reason, actor.MemberId, now);
            return new SupportChange(SupportAuditActions.Referred, organisation.Id.ToString(), SupportNotificationKinds.Referred, AskerSide(request));
        }, cancellationToken);

    /// <summary>An assignee confirms whether social services are involved (a child is concerned).</summary>
    public Task ConfirmSocialServicesAsync(Caller caller, Guid requestId, bool involved, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.social-services", (_, actor, standing, request, _) =>
        {
            RequireAssignee(actor, standing, request, "support.social-services.denied");
            request.ConfirmSocialServices(involved, actor.MemberId);
            return Task.FromResult(new SupportChange(SupportAuditActions.SocialServicesConfirmed, involved ? "involved" : "not-involved"));
        }, cancellationToken);

    /// <summary>Only an assignee closes a request (a member on duty who is not assigned is told so).</summary>
    public Task CloseAsync(Caller caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.status", (_, actor, standing, request, now) =>
        {
            RequireAssignee(actor, standing, request, "support.close.not-assignee");
            request.Close(actor.MemberId, now);
            return Task.FromResult(new SupportChange(SupportAuditActions.Closed, null, SupportNotificationKinds.Closed, AskerSide(request)));
        }, cancellationToken);

    /// <summary>The asker lets another member of the portal (of an enabled organisation) see the request.</summary>
    public Task AddViewerAsync(Caller caller, Guid requestId, Guid memberId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.viewer", async (db, actor, _, request, now) =>
        {
            if (!AccessPolicy.CanAddSupportViewer(actor, request))
                throw new AccessDeniedException("support.viewer.denied");
            var known = await db.Members.AnyAsync(m => m.Id == memberId
                && db.Organisations.Any(o => o.Id == m.OrganisationId && o.Enabled), cancellationToken);
            if (!known)
                throw new DomainRuleException("support.viewer.unknown", "support.viewer");
            request.AddViewer(memberId, actor.MemberId, now);
            return new SupportChange(SupportAuditActions.ViewerAdded, memberId.ToString(), SupportNotificationKinds.Shared, [memberId]);
        }, cancellationToken);

    /// <summary>The asker stops sharing the request with a colleague: the colleague's open page loses it.</summary>
    public Task RemoveViewerAsync(Caller caller, Guid requestId, Guid memberId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, "support.viewer", (_, actor, _, request, _) =>
        {
            if (!AccessPolicy.CanAddSupportViewer(actor, request))
                throw new AccessDeniedException("support.viewer.denied");
            request.RemoveViewer(memberId);
            return Task.FromResult(new SupportChange(SupportAuditActions.ViewerRemoved, memberId.ToString()));
        }, cancellationToken);

    private static void RequireAssignee(Actor actor, SupportStanding standing, SupportRequest request, string code)
    {
        if (!AccessPolicy.CanWorkOnSupportRequest(actor, standing, request))
            throw new AccessDeniedException(code);
    }

    private static List<Guid> AskerSide(SupportRequest request) =>
        request.Viewers.Select(v => v.MemberId).Concat(request.AskerId is { } asker ? [asker] : []).ToList();

    /// <summary>Load → policy (inside the change) → domain → save with the audit record, the counted write and
    /// the notifications in one transaction. A change made from a stale snapshot (another NMT member saved
    /// first) is refused as a whole.</summary>
    private async Task ChangeAsync(Caller caller, Guid requestId, string field,
        Func<PortalDbContext, Actor, SupportStanding, SupportRequest, DateTimeOffset, Task<SupportChange>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        var request = await db.LoadVisibleRequestAsync(actor, standing, requestId, cancellationToken);
        var now = clock.GetUtcNow();
        var done = await change(db, actor, standing, request, now);
        db.Audit(actor.MemberId, done.AuditAction, SupportSubjectKind.Of(request.Id), now, done.Detail, caller.ClientAddress);
        await indexer.IndexAsync(db, request, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await limiter.CountAsync(db, actor.MemberId, now, [new CountedWrite(Write, Field: field)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (done.NotificationKind is { } kind && done.Recipients is { Count: > 0 } recipients)
            {
                await notifier.NotifyAsync(db, kind, SupportSubjectKind.Of(request.Id), null, actor.MemberId, recipients, now, null,
                    cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }
}
