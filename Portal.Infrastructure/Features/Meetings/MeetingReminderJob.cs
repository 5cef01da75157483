using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>A day before each occurrence, reminds its invitees who did not decline it (notification
/// <c>meeting-reminder</c>: in the portal and by mail unless the member chose otherwise or muted the meeting or
/// its workspace). Each occurrence at each start is reminded once: the reminder and its mark
/// (<see cref="MeetingReminderSent"/>) are saved together, and a second run that meets the mark (or loses the
/// race to insert it) sends nothing. A moved occurrence has a new start and is reminded again.</summary>
public sealed class MeetingReminderJob(IDbContextFactory<PortalDbContext> contexts, Notifier notifier) : ITimedJob
{
    public const string Name = "meetings.reminders";
    public const string Kind = "meeting-reminder";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(1);

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var horizon = run.Now + Ahead;
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.MeetingOccurrences.AsNoTracking()
                .Where(o => !o.IsCancelled && o.Start > run.Now && o.Start <= horizon)
                .Where(o => db.Meetings.Any(m => m.Id == o.MeetingId && m.CancelledAt == null))
                .Where(o => !db.MeetingRemindersSent.Any(r => r.OccurrenceId == o.Id && r.Start == o.Start))
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
        }
        foreach (var occurrenceId in due)
            await RemindAsync(occurrenceId, run.Now, horizon, cancellationToken);
    }

    private async Task RemindAsync(Guid occurrenceId, DateTimeOffset now, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var occurrence = await db.MeetingOccurrences.AsNoTracking().Include(o => o.Replies)
            .SingleOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken);
        if (occurrence is null || occurrence.IsCancelled || occurrence.Start <= now || occurrence.Start > horizon
            || await db.MeetingRemindersSent.AnyAsync(r => r.OccurrenceId == occurrenceId && r.Start == occurrence.Start, cancellationToken))
            return;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees)
            .SingleOrDefaultAsync(m => m.Id == occurrence.MeetingId && m.CancelledAt == null, cancellationToken);
        if (meeting is null)
            return;
        var declined = occurrence.Replies.Where(r => r.Answer == ReplyAnswer.Declined).Select(r => r.MemberId).ToHashSet();
        var recipients = meeting.Invitees.Select(i => i.MemberId).Where(id => !declined.Contains(id)).ToList();
        var local = TimeZoneInfo.ConvertTime(occurrence.Start, StockholmTime.Zone);
        // The time as text, the same in both languages (the notification's text is not translated).
        var when = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await notifier.NotifyAsync(db, Kind, MeetingSubjectKind.Of(meeting.Id), occurrence.Id, null, recipients, now, when,
            cancellationToken);
        db.MeetingRemindersSent.Add(new MeetingReminderSent(occurrence.Id, occurrence.Start, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run saved this occurrence's mark (and its reminders) first.
        }
    }
}
