using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>The agenda of an occurrence: editors build it, invitees propose items until the deadline and an
/// editor accepts or declines them. Links go to threads and documents the member setting them may see; a
/// reader who may not see the target gets the item without the link.</summary>
public sealed class MeetingAgendaService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock,
    WriteLimiter limiter, MeetingMinutesIndexer indexer, SubjectRegistry subjects)
{
    private const int LinkOptionsTake = 40;

    public async Task<AgendaView> GetAsync(Guid actorId, Guid meetingId, Guid occurrenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Agenda, cancellationToken);
        var meeting = context.Meeting;
        var now = clock.GetUtcNow();
        var items = meeting.AgendaItems.Where(i => i.OccurrenceId == occurrenceId).ToList();
        var shown = items.Where(i => i.Status == AgendaItemStatus.Accepted
            || (i.Status == AgendaItemStatus.Proposed && (context.CanEdit || i.ProposedById == context.Actor.MemberId))
            || (i.Status == AgendaItemStatus.Declined && i.ProposedById == context.Actor.MemberId)).ToList();
        var invitees = meeting.Invitees.Select(i => i.MemberId).ToList();
        var people = await db.PeopleAsync(shown.SelectMany(i => new[] { i.OwnerId ?? Guid.Empty, i.ProposedById })
            .Concat(context.CanEdit ? invitees : []), cancellationToken);
        var links = await subjects.DescribeVisibleAsync(db, context.Actor,
            shown.Where(i => i.Link is not null).Select(i => LinkSubject(i.Link!)), cancellationToken);
        AgendaItemView View(MeetingAgendaItem i) => new(i.Id, i.Order, i.Title, i.OwnerId is { } o ? people.GetValueOrDefault(o) : null,
            i.MinutesAllotted, i.Status, people.GetValueOrDefault(i.ProposedById),
            i.Link is { } link && links.TryGetValue(LinkSubject(link), out var info) ? new AgendaLinkView(link.Kind, link.TargetId, info.Title, info.Link) : null);
        var deadline = meeting.ProposalDeadlineOf(occurrenceId);
        var open = !context.Occurrence.IsCancelled && meeting.CancelledAt is null;
        return new AgendaView(meeting.Id, occurrenceId, meeting.Version, context.CanEdit && open,
            context.IsInvitee && open && now < deadline, deadline, meeting.AgendaDeadlines.Any(d => d.OccurrenceId == occurrenceId),
            now >= deadline,
            shown.Where(i => i.Status == AgendaItemStatus.Accepted).OrderBy(i => i.Order).Select(View).ToList(),
            shown.Where(i => i.Status != AgendaItemStatus.Accepted).OrderBy(i => i.ProposedAt).Select(View).ToList(),
            context.CanEdit ? invitees.Where(people.ContainsKey).Select(id => people[id]).OrderBy(p => p.Name).ToList() : [],
            context.CanEdit || context.IsInvitee ? await LinkOptionsAsync(db, context, cancellationToken) : []);
    }

    public async Task<Guid> AddAsync(Guid actorId, Guid meetingId, Guid occurrenceId, string? title, Guid? ownerId, int? minutes,
        AgendaLink? link, CancellationToken cancellationToken = default)
    {
        Guid id = default;
        await ChangeAsync(actorId, meetingId, occurrenceId, editor: true, "title", async (db, context, now) =>
        {
            await RequireLinkAsync(db, context.Actor, link, cancellationToken);
            RequireInvitee(context.Meeting, ownerId);
            var item = context.Meeting.AddAgendaItem(occurrenceId, title, ownerId, minutes, link, context.Actor.MemberId, now);
            id = item.Id;
            await indexer.IndexAgendaItemAsync(db, context.Meeting, item, context.Occurrence, cancellationToken);
        }, cancellationToken);
        return id;
    }

    /// <summary>An invitee proposes an item (they present it themselves) before the deadline.</summary>
    public async Task<Guid> ProposeAsync(Guid actorId, Guid meetingId, Guid occurrenceId, string? title, int? minutes, AgendaLink? link,
        CancellationToken cancellationToken = default)
    {
        Guid id = default;
        await ChangeAsync(actorId, meetingId, occurrenceId, editor: false, "title", async (db, context, now) =>
        {
            if (!context.IsInvitee)
                throw new AccessDeniedException("meeting.agenda.propose.denied");
            await RequireLinkAsync(db, context.Actor, link, cancellationToken);
            id = context.Meeting.ProposeAgendaItem(occurrenceId, title, minutes, link, context.Actor.MemberId, now).Id;
        }, cancellationToken);
        return id;
    }

    public Task DecideAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid itemId, bool accept, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, editor: true, null, async (db, context, now) =>
        {
            var item = context.Meeting.DecideAgendaItem(itemId, accept, now);
            if (accept)
                await indexer.IndexAgendaItemAsync(db, context.Meeting, item, context.Occurrence, cancellationToken);
        }, cancellationToken);

    public Task RemoveAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid itemId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, editor: true, null, async (db, context, _) =>
        {
            context.Meeting.RemoveAgendaItem(itemId);
            await indexer.RemoveAgendaItemAsync(db, context.Meeting.Id, itemId, cancellationToken);
        }, cancellationToken);

    public Task MoveAsync(Guid actorId, Guid meetingId, Guid occurrenceId, Guid itemId, int step, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, editor: true, null, (_, context, _) =>
        {
            context.Meeting.MoveAgendaItem(itemId, step);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Sets the proposal deadline as a Stockholm local time (null clears it: proposals until the start).</summary>
    public Task SetDeadlineAsync(Guid actorId, Guid meetingId, Guid occurrenceId, DateTime? localDeadline, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, meetingId, occurrenceId, editor: true, "deadline", (_, context, now) =>
        {
            context.Meeting.SetProposalDeadline(occurrenceId, localDeadline is { } local ? MeetingMinutesTime.ToUtc(local) : null, now);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task ChangeAsync(Guid actorId, Guid meetingId, Guid occurrenceId, bool editor, string? field,
        Func<PortalDbContext, MinutesContext, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await db.LoadForMinutesAsync(actorId, meetingId, occurrenceId, MinutesParts.Agenda, cancellationToken, tracked: true);
        if (editor && !context.CanEdit)
            throw new AccessDeniedException("meeting.agenda.denied");
        var now = clock.GetUtcNow();
        await change(db, context, now);
        await limiter.SaveAsync(db, context.Actor, now, MeetingMinutesWrites.Agenda, field, null, cancellationToken);
    }

    private static void RequireInvitee(Meeting meeting, Guid? ownerId)
    {
        if (ownerId is { } id && meeting.Invitees.All(i => i.MemberId != id))
            throw new DomainRuleException("meeting.agenda.owner.invalid", "owner");
    }

    private async Task RequireLinkAsync(PortalDbContext db, Actor actor, AgendaLink? link, CancellationToken cancellationToken)
    {
        if (link is null)
            return;
        var visible = await subjects.DescribeVisibleAsync(db, actor, [LinkSubject(link)], cancellationToken);
        if (visible.Count == 0)
            throw new DomainRuleException("meeting.agenda.link.invalid", "link");
    }

    /// <summary>The latest threads and documents of the meeting's workspaces that the actor may see.</summary>
    private static async Task<IReadOnlyList<AgendaLinkView>> LinkOptionsAsync(PortalDbContext db, MinutesContext context,
        CancellationToken cancellationToken)
    {
        var workspaceIds = context.WorkspaceIds;
        var threads = await db.Threads.AsNoTracking()
            .Where(AccessPolicy.VisibleThreads(context.Actor))
            .Where(t => db.ThreadWorkspaces.Any(w => w.ThreadId == t.Id && workspaceIds.Contains(w.WorkspaceId)))
            .OrderByDescending(t => t.LastActivityAt).Take(LinkOptionsTake)
            .Select(t => new { t.Id, t.Title }).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(AccessPolicy.VisibleDocuments(context.Actor))
            .Where(d => d.WorkspaceId != null && workspaceIds.Contains(d.WorkspaceId.Value))
            .OrderBy(d => d.Title).Take(LinkOptionsTake)
            .Select(d => new { d.Id, d.Title }).ToListAsync(cancellationToken);
        return threads.Select(t => new AgendaLinkView(AgendaLinkKind.Thread, t.Id, t.Title, $"/threads/{t.Id}"))
            .Concat(documents.Select(d => new AgendaLinkView(AgendaLinkKind.Document, d.Id, d.Title, DocumentSubjectKind.LinkTo(d.Id))))
            .ToList();
    }

    internal static SubjectRef LinkSubject(AgendaLink link) => link.Kind == AgendaLinkKind.Thread
        ? ThreadSubjectKind.Of(link.TargetId)
        : DocumentSubjectKind.Of(link.TargetId);
}
