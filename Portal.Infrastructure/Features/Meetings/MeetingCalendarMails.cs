using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Handles <see cref="MeetingCalendarChanged"/>: one mail per member with the meeting's <c>.ics</c>
/// (METHOD:REQUEST, or CANCEL for a cancelled meeting and for a member no longer invited). Each mail is put in
/// the outbox as a prepared <see cref="SendMail"/>, all in one transaction with the mark of this delivery, so a
/// repeated delivery sends nobody a second mail and one unreachable recipient does not hold up the others. The
/// mail says title, when, where and the link, never the description (it may be sensitive).</summary>
public sealed class MeetingCalendarMailHandler(IDbContextFactory<PortalDbContext> contexts, MeetingCalendar calendars, MailOptions options,
    TimeProvider clock) : IOutboxHandler<MeetingCalendarChanged>
{
    public async Task HandleAsync(MeetingCalendarChanged message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.SentNotificationMails.AnyAsync(s => s.DeliveryId == delivery.MessageId, cancellationToken))
            return;
        var now = clock.GetUtcNow();
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Invitees)
            .Include(m => m.Occurrences)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == message.MeetingId, cancellationToken);
        // A later change has its own message with the newer state for the same members; a cancellation for
        // those just uninvited is sent whatever came after.
        var superseded = meeting is not null && !message.Cancelled && meeting.Sequence > message.Sequence;
        if (meeting is not null && !superseded)
        {
            var people = await db.PeopleAsync([meeting.OrganiserId, .. meeting.Invitees.Select(i => i.MemberId)], cancellationToken);
            var calendar = MeetingCalendarLoading.ToCalendar(meeting, people, withAttendees: true, now);
            foreach (var memberId in message.MemberIds.Distinct())
            {
                var recipient = await MailRecipient.LoadAsync(db, memberId, cancellationToken);
                if (recipient is null)
                    continue;
                var cancel = message.Cancelled || meeting.IsCancelled || !meeting.IsInvited(memberId);
                db.EnqueueMail(Compose(calendar, recipient.Address, recipient.Name, recipient.Culture, cancel, memberId), now);
            }
        }
        db.SentNotificationMails.Add(new SentNotificationMail(delivery.MessageId, Guid.Empty, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The mail to one member, in their language, with the calendar file attached.</summary>
    public OutgoingMail Compose(CalendarMeeting meeting, string address, string name, CultureInfo culture, bool cancel, Guid memberId)
    {
        var wording = cancel ? "Cancelled" : meeting.Sequence == 0 ? "Invited" : "Changed";
        var subject = MeetingCalendarMailText.Format($"Subject.{wording}", culture, meeting.Title);
        var intro = MeetingCalendarMailText.Format($"Intro.{wording}", culture, meeting.Title);
        var link = options.LinkTo(MeetingLink(meeting.Id));
        var lines = new List<(string Label, string Value, bool IsLink)> { (Text("When"), When(meeting, culture), false) };
        if (!string.IsNullOrWhiteSpace(meeting.Address))
            lines.Add((Text("Where"), meeting.Address, false));
        if (!string.IsNullOrWhiteSpace(meeting.OnlineLink))
            lines.Add((Text("Online"), meeting.OnlineLink, true));
        lines.Add((Text("Open"), link, true));

        var text = new StringBuilder().AppendLine(intro).AppendLine();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>")
            .Append(WebUtility.HtmlEncode(intro)).Append("</p><dl>");
        foreach (var (label, value, isLink) in lines)
        {
            text.Append(label).Append(": ").AppendLine(value);
            html.Append("<dt>").Append(WebUtility.HtmlEncode(label)).Append("</dt><dd>");
            html.Append(isLink
                ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
                : WebUtility.HtmlEncode(value));
            html.Append("</dd>");
        }
        var attached = Text("Attached");
        text.AppendLine().AppendLine(attached);
        html.Append("</dl><p style=\"color:#555\">").Append(WebUtility.HtmlEncode(attached)).Append("</p></body></html>");

        var method = cancel ? "CANCEL" : "REQUEST";
        var ics = cancel ? calendars.Invitation(meeting with { Cancelled = true }, cancel: true) : calendars.Invitation(meeting, cancel: false);
        var attachment = new MailAttachment(cancel ? "cancel.ics" : "invite.ics", $"text/calendar; method={method}; charset=utf-8",
            MeetingCalendar.Bytes(ics));
        // One Message-Id per meeting, SEQUENCE, member and method: a repeat replaces, a later change is a new mail.
        var messageId = $"meeting-{meeting.Id:N}-{meeting.Sequence}-{method.ToLowerInvariant()}-{memberId:N}";
        return new OutgoingMail(address, name, $"{subject} – {Product.Name}", text.ToString(), html.ToString(), messageId, [attachment]);

        string Text(string key) => MeetingCalendarMailText.Get(key, culture);
    }

    public static string MeetingLink(Guid meetingId) => $"/meetings/{meetingId}";

    /// <summary>A single meeting's day and time in Stockholm; for a series the number of occurrences left and the next.</summary>
    private static string When(CalendarMeeting meeting, CultureInfo culture)
    {
        // What is still to come (the stamp is the time of writing); a meeting wholly past or cancelled shows all.
        var occurrences = meeting.Occurrences.Where(o => !o.Cancelled && o.End >= meeting.Stamp).OrderBy(o => o.Start).ToList();
        if (occurrences.Count == 0)
            occurrences = meeting.Occurrences.OrderBy(o => o.Start).ToList();
        if (occurrences.Count == 0)
            return "";
        var first = Span(occurrences[0], culture);
        return occurrences.Count == 1 ? first : MeetingCalendarMailText.Format("Series", culture, occurrences.Count, first);
    }

    public static string Span(CalendarOccurrence occurrence, CultureInfo culture)
    {
        var start = TimeZoneInfo.ConvertTime(occurrence.Start, StockholmTime.Zone);
        var end = TimeZoneInfo.ConvertTime(occurrence.End, StockholmTime.Zone);
        var from = start.ToString("dddd d MMMM yyyy HH:mm", culture);
        return start.Date == end.Date ? $"{from}–{end:HH:mm}" : $"{from} – {end.ToString("dddd d MMMM yyyy HH:mm", culture)}";
    }
}
