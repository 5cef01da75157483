using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Scheduling, changing, cancelling and replying to meetings, and the lists and pages that show
/// them. Every call loads the actor, asks the access policy and lets the aggregate decide the rules; the UI
/// hides what the actor may not do, but "no" is said here. A hidden meeting is "not found". Times come in
/// and go out of the pages as Stockholm wall-clock times; everything stored is UTC.</summary>
public sealed partial class MeetingService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, Notifier notifier,
    WriteLimiter limiter)
{
    public const string ChangedConcurrently = "meeting.changed-concurrently";

    private static TimeZoneInfo Zone => StockholmTime.Zone;

    /// <summary>Schedules a meeting or series for the draft's workspaces (the actor leads every one of them).
    /// The invitees are resolved now, hear of it in the portal, and get the invitation by mail through
    /// <see cref="MeetingCalendarChanged"/>, written in the same transaction.</summary>
    public async Task<Guid> ScheduleAsync(Guid actorId, MeetingDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspaces = await SchedulableWorkspacesAsync(db, actor, draft.WorkspaceIds, cancellationToken);
        var invitees = await MeetingInvitees.ResolveAsync(db, workspaces, draft.Invitees, actor.MemberId, cancellationToken);
        var meeting = Meeting.Schedule(draft.Kind, Details(draft), workspaces.Select(w => w.Id).ToList(), actor.MemberId,
            draft.LocalStart, draft.LocalEnd, draft.Recurrence, invitees, draft.Seats, draft.SecretaryId, Zone);
        db.Meetings.Add(meeting);
        var now = clock.GetUtcNow();
        db.Enqueue(new MeetingCalendarChanged(meeting.Id, meeting.Sequence, false, Ids(meeting)), now);
        await SaveAsync(db, actor, now, MeetingWrites.Edit,
            () => notifier.NotifyAsync(db, MeetingNotificationKinds.Invited, MeetingSubjectKind.Of(meeting.Id), null, actor.MemberId,
                Ids(meeting), now, null, cancellationToken), cancellationToken);
        return meeting.Id;
    }

    /// <summary>Changes a meeting from the snapshot the editor loaded (<paramref name="expectedVersion"/>).
    /// The title, description, place, link, kind, seats, secretary and invitees are the meeting's and change
    /// with any scope. The time: <see cref="MeetingChangeScope.Whole"/> reschedules the meeting or series
    /// (for a series the draft's start and end are the FIRST occurrence's, as in
    /// <see cref="MeetingView.SeriesStartLocal"/>, and its recurrence the new rule); <see cref="MeetingChangeScope.Occurrence"/>
    /// moves the one occurrence; <see cref="MeetingChangeScope.Following"/> ends the series before the
    /// occurrence and starts a new series (new UID) from the draft's start with the draft's recurrence.
    /// The workspaces are fixed once scheduled (the draft's are ignored). Returns the id of the meeting the
    /// change lives in: the new series for "following", else <paramref name="meetingId"/>.</summary>
    public async Task<Guid> ChangeAsync(Guid actorId, Guid meetingId, Guid? occurrenceId, MeetingChangeScope scope, MeetingDraft draft,
        long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (meeting, workspaces) = await db.LoadVisibleMeetingAsync(actor, meetingId, cancellationToken);
        RequireEditor(actor, meeting, workspaces);
        if (meeting.Version != expectedVersion)
            throw new DomainRuleException(ChangedConcurrently);
        scope = EffectiveScope(meeting, occurrenceId, scope);
        var before = Ids(meeting);
        var invitees = await MeetingInvitees.ResolveAsync(db, workspaces, draft.Invitees, meeting.OrganiserId, cancellationToken);
        var details = Details(draft);
        var now = clock.GetUtcNow();

        Meeting? split = null;
        if (scope == MeetingChangeScope.Following)
        {
            split = meeting.SplitFrom(occurrenceId!.Value, draft.LocalStart, draft.LocalEnd, draft.Recurrence, details, Zone);
            split.SetInvitees(invitees);
            split.Arrange(draft.Kind, draft.Seats, draft.SecretaryId);
            db.Meetings.Add(split);
        }
        else
        {
            meeting.SetInvitees(invitees);
            meeting.Arrange(draft.Kind, draft.Seats, draft.SecretaryId);
            if (!SameDetails(meeting, details))
                meeting.Describe(details);
            if (scope == MeetingChangeScope.Occurrence)
                meeting.ChangeOccurrence(occurrenceId!.Value, draft.LocalStart, draft.LocalEnd, Zone);
            else if (!SamePattern(meeting, draft))
                meeting.Reschedule(draft.LocalStart, draft.LocalEnd, draft.Recurrence, Zone);
        }

        var target = split ?? meeting;
        var after = Ids(target);
        var removed = before.Except(after).ToList();
        var newlyInvited = after.Except(before).ToList();
        db.Enqueue(new MeetingCalendarChanged(meeting.Id, meeting.Sequence, false, split is null ? after : before), now);
        if (split is not null)
            db.Enqueue(new MeetingCalendarChanged(split.Id, split.Sequence, false, after), now);
        else if (removed.Count > 0)
            // Those no longer invited get the cancellation for their calendars.
            db.Enqueue(new MeetingCalendarChanged(meeting.Id, meeting.Sequence, true, removed), now);
        var subject = MeetingSubjectKind.Of(target.Id);
        await SaveAsync(db, actor, now, MeetingWrites.Edit, async () =>
        {
            await notifier.NotifyAsync(db, MeetingNotificationKinds.Invited, subject, null, actor.MemberId, newlyInvited, now, null,
                cancellationToken);
            await notifier.NotifyAsync(db, MeetingNotificationKinds.Changed, subject, scope == MeetingChangeScope.Occurrence ? occurrenceId : null,
                actor.MemberId, after.Intersect(before), now, null, cancellationToken);
        }, cancellationToken);
        return target.Id;
    }

    /// <summary>Cancels one occurrence, it and all following, or the whole meeting. Invitees see it cancelled
    /// in the portal and get the cancellation (or the updated series) by mail.</summary>
    public async Task CancelAsync(Guid actorId, Guid meetingId, Guid? occurrenceId, MeetingChangeScope scope,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (meeting, workspaces) = await db.LoadVisibleMeetingAsync(actor, meetingId, cancellationToken);
        RequireEditor(actor, meeting, workspaces);
        scope = EffectiveScope(meeting, occurrenceId, scope);
        var now = clock.GetUtcNow();
        switch (scope)
        {
            case MeetingChangeScope.Occurrence:
                meeting.CancelOccurrence(occurrenceId!.Value, now);
                break;
            case MeetingChangeScope.Following:
                meeting.CancelFollowing(occurrenceId!.Value, now);
                break;
            default:
                meeting.Cancel(now);
                break;
        }
        var invitees = Ids(meeting);
        db.Enqueue(new MeetingCalendarChanged(meeting.Id, meeting.Sequence, meeting.IsCancelled, invitees), now);
        await SaveAsync(db, actor, now, MeetingWrites.Edit,
            () => notifier.NotifyAsync(db, MeetingNotificationKinds.Cancelled, MeetingSubjectKind.Of(meeting.Id),
                scope == MeetingChangeScope.Whole ? null : occurrenceId, actor.MemberId, invitees, now, null, cancellationToken),
            cancellationToken);
    }

    /// <summary>An invitee accepts, answers maybe or declines one occurrence, with an optional comment. Replies
    /// from many invitees at once touch the same meeting: a reply that lost the race is tried again on the
    /// fresh meeting (the rules are checked again there).</summary>
    public async Task ReplyAsync(Guid actorId, Guid occurrenceId, ReplyAnswer answer, string? comment,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var actor = await db.LoadActorAsync(actorId, cancellationToken);
            var (meeting, _) = await db.LoadVisibleMeetingOfOccurrenceAsync(actor, occurrenceId, cancellationToken);
            if (!AccessPolicy.CanReplyToMeeting(actor, meeting))
                throw new AccessDeniedException("meeting.reply.denied");
            var now = clock.GetUtcNow();
            meeting.Reply(occurrenceId, actor.MemberId, answer, comment, now);
            try
            {
                await limiter.SaveAsync(db, actor.MemberId, now, [new CountedWrite(MeetingWrites.Reply, Field: "answer")], cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainRuleException(ChangedConcurrently);
            }
        }
    }

    // ---- helpers ----

    /// <summary>The workspaces a meeting is scheduled for, home first: each must be readable (else "not found")
    /// and led by the actor.</summary>
    private static async Task<IReadOnlyList<Workspace>> SchedulableWorkspacesAsync(PortalDbContext db, Actor actor,
        IReadOnlyList<Guid>? workspaceIds, CancellationToken cancellationToken)
    {
        var ids = (workspaceIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainRuleException("meeting.workspaces.required", "workspaces");
        if (ids.Count > Meeting.MaxWorkspaces)
            throw new DomainRuleException("meeting.workspaces.too-many", "workspaces");
        var loaded = await db.LoadMeetingWorkspacesAsync(actor, ids, cancellationToken);
        var byId = loaded.ToDictionary(w => w.Id);
        var ordered = new List<Workspace>();
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var workspace) || !AccessPolicy.CanReadWorkspace(actor, workspace))
                throw new NotFoundException("workspace.notfound");
            if (!AccessPolicy.CanScheduleMeeting(actor, workspace))
                throw new AccessDeniedException("meeting.schedule.denied");
            ordered.Add(workspace);
        }
        return ordered;
    }

    /// <summary>What a scope means for this meeting: a single meeting is always changed as a whole, and
    /// "this and all following" from the first occurrence is the whole series.</summary>
    private static MeetingChangeScope EffectiveScope(Meeting meeting, Guid? occurrenceId, MeetingChangeScope scope)
    {
        if (!Enum.IsDefined(scope))
            throw new DomainRuleException("meeting.scope.invalid", "scope");
        if (!meeting.IsSeries || scope == MeetingChangeScope.Whole)
            return MeetingChangeScope.Whole;
        if (occurrenceId is not { } id)
            throw new DomainRuleException("meeting.scope.invalid", "scope");
        var occurrence = meeting.OccurrenceById(id);
        if (scope == MeetingChangeScope.Following && meeting.OccurrencesInOrder.First().Id == occurrence.Id)
            return MeetingChangeScope.Whole;
        return scope;
    }

    private static bool SameDetails(Meeting meeting, MeetingDetails details)
    {
        static string Norm(string? s) => s?.Trim() ?? "";
        return Norm(meeting.Title) == Norm(details.Title) && Norm(meeting.Description) == Norm(details.Description)
            && Norm(meeting.Address) == Norm(details.Address) && Norm(meeting.OnlineLink) == Norm(details.OnlineLink);
    }

    private static bool SamePattern(Meeting meeting, MeetingDraft draft) =>
        meeting.SeriesStartLocal == DateTime.SpecifyKind(draft.LocalStart, DateTimeKind.Unspecified)
        && meeting.DurationMinutes == (int)(draft.LocalEnd - draft.LocalStart).TotalMinutes
        && (meeting.Recurrence is null ? draft.Recurrence is null : meeting.Recurrence.SameAs(draft.Recurrence))
        && meeting.Occurrences.All(o => !o.IsMoved);

    private static MeetingDetails Details(MeetingDraft draft) => new(draft.Title, draft.Description, draft.Address, draft.OnlineLink);

    private static List<Guid> Ids(Meeting meeting) => meeting.Invitees.Select(i => i.MemberId).ToList();

    private static void RequireEditor(Actor actor, Meeting meeting, IReadOnlyList<Workspace> workspaces)
    {
        if (!AccessPolicy.CanEditMeeting(actor, meeting, workspaces))
            throw new AccessDeniedException("meeting.edit.denied");
    }

    /// <summary>Saves in one transaction: the counted write, the change with its outbox messages (which a
    /// concurrent change to the same meeting refuses), then the notifications, written after the change so
    /// that the notifier's access check sees the new invitees, committed together.</summary>
    private async Task SaveAsync(PortalDbContext db, Actor actor, DateTimeOffset now, string writeKind, Func<Task>? notify,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await limiter.CountAsync(db, actor.MemberId, now, [new CountedWrite(writeKind, Field: "title")], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (notify is not null)
            {
                await notify();
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
