using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>When the owner of a document is reminded of its review date ("Portal:Documents:Review" when the host binds it).</summary>
public sealed class DocumentReviewOptions
{
    /// <summary>How many days before the review date the owner is reminded (and at once when it has passed).</summary>
    public int RemindDaysBefore { get; set; } = 30;
}

/// <summary>Reminds each document's owner once per review date that the date is near or has passed
/// (notification <c>document.review-due</c>, mailed at once through the shared mechanisms). The scheduler runs
/// it on one node at a time; should two runs still meet, each document is its own unit of work saved with the
/// aggregate's concurrency token together with the notification, so the slower run's save fails and it sends
/// nothing. The notifier asks the subject kind whether the owner may still see the document: an owner who
/// lost the workspace is not told about it.</summary>
public sealed class DocumentReviewDueJob(IDbContextFactory<PortalDbContext> contexts, Notifier notifier, DocumentReviewOptions options)
    : ITimedJob
{
    public const string Name = "documents.review-due";
    /// <summary>Checked every few hours so a day is not missed after a restart; a date is reminded once.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        var today = StockholmTime.DayOf(run.Now);
        var horizon = today.AddDays(options.RemindDaysBefore);
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Documents.AsNoTracking()
                .Where(d => d.ReviewDueOn <= horizon && (d.ReviewReminderSentFor == null || d.ReviewReminderSentFor != d.ReviewDueOn))
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
        }
        foreach (var id in due)
            await RemindAsync(id, horizon, run.Now, cancellationToken);
    }

    private async Task RemindAsync(Guid documentId, DateOnly horizon, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || document.ReviewDueOn > horizon || document.ReviewReminderSentFor == document.ReviewDueOn)
            return;
        await notifier.NotifyAsync(db, DocumentNotificationKinds.ReviewDue, DocumentSubjectKind.Of(document.Id), null, null,
            [document.OwnerId], now, document.ReviewDueOn.ToString("yyyy-MM-dd"), cancellationToken);
        // Marked even when the owner may no longer see it: the date is dealt with; a new date reminds again.
        document.ReviewReminderSent(document.ReviewDueOn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run (or an edit of the document) saved it first; the next run looks again.
        }
    }
}
