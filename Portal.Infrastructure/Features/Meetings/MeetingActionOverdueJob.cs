using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Flags each open action item once per due day when that day has passed: to the assignee and to the
/// meeting's organiser (the lead who follows up). Each item is its own unit of work saved with the meeting's
/// concurrency token together with the notifications, so two runs that meet cannot both notify; the notifier
/// leaves out anyone who may no longer see the meeting.</summary>
public sealed class MeetingActionOverdueJob(IDbContextFactory<PortalDbContext> contexts, Notifier notifier) : ITimedJob
{
    public const string Name = "meetings.action-overdue";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var today = StockholmTime.DayOf(run.Now);
        List<(Guid MeetingId, Guid ItemId)> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = (await db.Set<MeetingActionItem>().AsNoTracking()
                    .Where(a => a.DoneAt == null && a.DueOn < today && (a.OverdueNotifiedFor == null || a.OverdueNotifiedFor != a.DueOn))
                    .Select(a => new { a.MeetingId, a.Id })
                    .ToListAsync(cancellationToken))
                .Select(a => (a.MeetingId, a.Id)).ToList();
        }
        foreach (var (meetingId, itemId) in due)
            await FlagAsync(meetingId, itemId, today, run.Now, cancellationToken);
    }

    private async Task FlagAsync(Guid meetingId, Guid itemId, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings
            .Include(m => m.ActionItems.Where(a => a.Id == itemId))
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var item = meeting?.ActionItems.SingleOrDefault();
        if (meeting is null || item is null || !item.IsOverdueOn(today) || item.OverdueNotifiedFor == item.DueOn)
            return;
        await notifier.NotifyAsync(db, MeetingMinutesNotificationKinds.ActionOverdue, MeetingSubjectKind.Of(meeting.Id), item.Id, null,
            [item.AssigneeId, meeting.OrganiserId], now, MeetingMinutesService.Excerpt(item.Text), cancellationToken);
        meeting.ActionItemOverdueNotified(item.Id);
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
