using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>A digest mail for one member and period; what it lists is worked out when it is sent,
/// so an item whose subject the member can no longer see by then is left out.</summary>
[OutboxMessage("notifications.digest")]
public sealed record NotificationDigestMail(Guid MemberId, EmailFrequency Frequency, string Period, DateTimeOffset Since, DateTimeOffset Until)
    : IOutboxMessage;

/// <summary>Once a day after 07:00 Stockholm time (daily digests) and once a week from Monday 07:00
/// (weekly digests), queues one digest mail per member who has unread notifications of kinds they
/// get by digest since their last one. The (member, period) row makes a second run in the same
/// period, on this node or another, queue nothing.</summary>
public sealed class DigestJob(IDbContextFactory<PortalDbContext> contexts, NotificationService notifications)
    : ITimedJob
{
    public const string Name = "notifications.digest";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SendAfter = TimeSpan.FromHours(7);
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public async Task RunAsync(TimedJobRun run, CancellationToken cancellationToken)
    {
        foreach (var (frequency, period, length) in DuePeriods(run.Now))
            await QueueAsync(frequency, period, length, run.Now, cancellationToken);
    }

    /// <summary>The periods whose digest may go now, e.g. ("daily:2026-11-27") from 07:00 that day.</summary>
    public static IEnumerable<(EmailFrequency Frequency, string Period, TimeSpan Length)> DuePeriods(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Stockholm);
        if (local.TimeOfDay >= SendAfter)
            yield return (EmailFrequency.DailyDigest, $"daily:{local:yyyy-MM-dd}", TimeSpan.FromDays(1));
        if (local.DayOfWeek != DayOfWeek.Monday || local.TimeOfDay >= SendAfter)
        {
            var date = local.DateTime;
            yield return (EmailFrequency.WeeklyDigest, $"weekly:{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}", TimeSpan.FromDays(7));
        }
    }

    private async Task QueueAsync(EmailFrequency frequency, string period, TimeSpan length, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earliest = now - length;
        List<Guid> candidates;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            candidates = await db.Notifications.AsNoTracking()
                .Where(n => n.ReadAt == null && n.CreatedAt > earliest)
                .Where(n => !db.NotificationDigests.Any(d => d.MemberId == n.MemberId && d.Period == period))
                .Select(n => n.MemberId).Distinct()
                .ToListAsync(cancellationToken);
        }
        foreach (var memberId in candidates)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var last = await db.NotificationDigests.AsNoTracking()
                .Where(d => d.MemberId == memberId && d.Frequency == frequency)
                .MaxAsync(d => (DateTimeOffset?)d.Until, cancellationToken);
            var since = last is { } l && l > earliest ? l : earliest;
            var count = await notifications.DigestItemsAsync(db, memberId, frequency, since, now, cancellationToken);
            if (count is null or 0)
                continue;
            db.NotificationDigests.Add(new NotificationDigest(memberId, period, frequency, since, now));
            db.Enqueue(new NotificationDigestMail(memberId, frequency, period, since, now), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another run took this member's digest for the period first.
            }
        }
    }
}

/// <summary>Sends one digest: the member's unread notifications of the digest's kinds from the
/// period, about subjects they may still see, each linking back into the portal.</summary>
public sealed class NotificationDigestHandler(IDbContextFactory<PortalDbContext> contexts, NotificationService notifications,
    IMailTransport transport, NotificationMailRenderer renderer, TimeProvider clock) : IOutboxHandler<NotificationDigestMail>
{
    public async Task HandleAsync(NotificationDigestMail message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SentNotificationMails.AnyAsync(s => s.DeliveryId == delivery.MessageId, cancellationToken))
            return;
        var recipient = await MailRecipient.LoadAsync(db, message.MemberId, cancellationToken);
        if (recipient is null)
            return;
        var items = await notifications.DigestViewsAsync(db, recipient.Actor, message.Frequency, message.Since, message.Until, cancellationToken);
        if (items.Count == 0)
            return;
        var culture = recipient.Culture;
        var lines = items
            .Select(v => new NotificationMailLine(
                NotificationText.Wording(v.Kind, v.Actor?.DisplayName, v.SubjectTitle, v.Text, culture),
                v.PartId is { } part && v.Subject.Kind == Subjects.ThreadSubjectKind.Name ? $"{v.SubjectLink}#post-{part}" : v.SubjectLink,
                NotificationText.Worded(v.Text, culture)))
            .ToList();
        var subject = string.Format(culture, NotificationText.Get(Plural.KeyFor($"Digest.Subject.{message.Frequency}", items.Count), culture), items.Count);
        var mail = renderer.Render(recipient.Address, recipient.Name, culture, subject, NotificationText.Get("Digest.Intro", culture), lines,
            $"digest-{message.MemberId:N}-{message.Period.Replace(':', '-')}");
        await transport.SendAsync(mail, cancellationToken);
        db.SentNotificationMails.Add(new SentNotificationMail(delivery.MessageId, message.MemberId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
