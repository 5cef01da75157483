using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>One line of a notification mail: what happened and where to open it.</summary>
public sealed record NotificationMailLine(string Wording, string Link, string? Text);

/// <summary>Renders notification mails in the recipient's language: plain text plus HTML built only
/// from encoded text and the portal's own markup, every line linking back into the portal.</summary>
public sealed class NotificationMailRenderer(MailOptions options)
{
    public OutgoingMail Render(string toAddress, string toName, CultureInfo culture, string subject, string? intro,
        IReadOnlyList<NotificationMailLine> lines, string messageId)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        if (intro is not null)
        {
            text.AppendLine(intro).AppendLine();
            html.Append("<p>").Append(WebUtility.HtmlEncode(intro)).Append("</p>");
        }
        html.Append("<ul>");
        var open = NotificationText.Get("Mail.Open", culture);
        foreach (var line in lines)
        {
            var link = options.LinkTo(line.Link);
            text.AppendLine("- " + line.Wording);
            if (!string.IsNullOrWhiteSpace(line.Text) && !line.Wording.Contains(line.Text, StringComparison.Ordinal))
                text.AppendLine("  " + line.Text);
            text.AppendLine("  " + link);
            html.Append("<li><p>").Append(WebUtility.HtmlEncode(line.Wording)).Append("</p>");
            if (!string.IsNullOrWhiteSpace(line.Text) && !line.Wording.Contains(line.Text, StringComparison.Ordinal))
                html.Append("<blockquote>").Append(WebUtility.HtmlEncode(line.Text)).Append("</blockquote>");
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(open)).Append("</a></p></li>");
        }
        html.Append("</ul>");
        var footer = NotificationText.Get("Mail.Footer", culture);
        text.AppendLine().AppendLine(footer);
        html.Append("<p style=\"color:#555\">").Append(WebUtility.HtmlEncode(footer)).Append("</p></body></html>");
        // The portal's name closes the subject, so a reader (and a mail rule) knows where it is from.
        return new OutgoingMail(toAddress, toName, $"{subject} – {Product.Name}", text.ToString(), html.ToString(), messageId);
    }
}

/// <summary>Sends the e-mail about one notification. At send time the member must still exist, have
/// an address and an enabled organisation, and may still see the subject; otherwise nothing goes.
/// A repeated delivery of the same outbox message finds its mark and sends nothing.</summary>
public sealed class NotificationMailHandler(IDbContextFactory<PortalDbContext> contexts, SubjectRegistry subjects,
    IMailTransport transport, NotificationMailRenderer renderer, TimeProvider clock) : IOutboxHandler<NotificationMail>
{
    public async Task HandleAsync(NotificationMail message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SentNotificationMails.AnyAsync(s => s.DeliveryId == delivery.MessageId, cancellationToken))
            return;
        var recipient = await MailRecipient.LoadAsync(db, message.MemberId, cancellationToken);
        if (recipient is null)
            return;
        var subject = new SubjectRef(message.SubjectKind, message.SubjectId);
        var visible = await subjects.DescribeVisibleAsync(db, recipient.Actor, [subject], cancellationToken);
        if (!visible.TryGetValue(subject, out var info))
            return;
        var actorName = message.ActorId is { } a
            ? await db.Members.Where(m => m.Id == a).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var wording = NotificationText.Wording(message.Kind, actorName, info.Title, message.Text, recipient.Culture);
        var link = message.PartId is { } part && subject.Kind == ThreadSubjectKind.Name ? $"{info.Link}#post-{part}" : info.Link;
        var mail = renderer.Render(recipient.Address, recipient.Name, recipient.Culture, wording, null,
            [new NotificationMailLine(wording, link, NotificationText.Worded(message.Text, recipient.Culture))], $"notification-{delivery.MessageId:N}");
        await transport.SendAsync(mail, cancellationToken);
        db.SentNotificationMails.Add(new SentNotificationMail(delivery.MessageId, message.MemberId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A member who can receive mail now: an address, an enabled organisation, their language.</summary>
internal sealed record MailRecipient(Actor Actor, string Address, string Name, CultureInfo Culture)
{
    public static async Task<MailRecipient?> LoadAsync(PortalDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        var row = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Join(db.Organisations.Where(o => o.Enabled), m => m.OrganisationId, o => o.Id,
                (m, o) => new { m.Id, m.OrganisationId, m.IsAdministrator, m.Email, m.DisplayName, m.PreferredCulture })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || string.IsNullOrWhiteSpace(row.Email))
            return null;
        var culture = row.PreferredCulture == "en" ? new CultureInfo("en") : new CultureInfo("sv");
        return new MailRecipient(new Actor(row.Id, row.OrganisationId, row.IsAdministrator), row.Email, row.DisplayName, culture);
    }
}
