using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Reminds the invitees once per deadline, a day before an occurrence's proposal deadline, that they
/// can still propose agenda items. Only deadlines an editor set explicitly are reminded of (without one,
/// proposals are open until the start, and the meeting reminder covers that).</summary>
public sealed class MeetingAgendaDeadlineJob(IDbContextFactory<PortalDbContext> contexts, Notifier notifier) : ITimedJob
{
    public const string Name = "meetings.agenda-deadline";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan RemindBefore = TimeSpan.FromDays(1);

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var horizon = run.Now + RemindBefore;
        List<(Guid MeetingId, Guid OccurrenceId)> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = (await db.Set<MeetingAgendaDeadline>().AsNoTracking()
                    .Where(d => d.Deadline > run.Now && d.Deadline <= horizon && (d.ReminderSentFor == null || d.ReminderSentFor != d.Deadline))
                    .Select(d => new { d.MeetingId, d.OccurrenceId })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.MeetingId, d.OccurrenceId)).ToList();
        }
        foreach (var (meetingId, occurrenceId) in due)
            await RemindAsync(meetingId, occurrenceId, run.Now, horizon, cancellationToken);
    }

    private async Task RemindAsync(Guid meetingId, Guid occurrenceId, DateTimeOffset now, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings
            .Include(m => m.Invitees)
            .Include(m => m.Occurrences.Where(o => o.Id == occurrenceId))
            .Include(m => m.AgendaDeadlines.Where(d => d.OccurrenceId == occurrenceId))
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var deadline = meeting?.AgendaDeadlines.SingleOrDefault();
        var occurrence = meeting?.Occurrences.SingleOrDefault();
        if (meeting is null || deadline is null || occurrence is null || deadline.ReminderSentFor == deadline.Deadline
            || deadline.Deadline <= now || deadline.Deadline > horizon)
            return;
        if (meeting.CancelledAt is null && !occurrence.IsCancelled)
        {
            var local = MeetingMinutesTime.ToLocal(deadline.Deadline).ToString("yyyy-MM-dd HH:mm");
            await notifier.NotifyAsync(db, MeetingMinutesNotificationKinds.AgendaDeadline, MeetingSubjectKind.Of(meeting.Id), occurrenceId, null,
                meeting.Invitees.Select(i => i.MemberId), now, local, cancellationToken);
        }
        meeting.ProposalDeadlineReminderSent(occurrenceId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run (or an edit of the meeting) saved first; the next run looks again.
        }
    }
}
