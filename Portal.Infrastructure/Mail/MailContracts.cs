namespace Portal.Infrastructure.Mail;

/// <summary>One e-mail to one recipient, already in the recipient's language: plain text plus HTML
/// (HTML built only from encoded text and the portal's own markup). <see cref="MessageId"/> is stable
/// per outbox delivery so that a repeated delivery can be recognised by the receiving side. Attachments are
/// optional (a meeting's <c>.ics</c>); they travel inside the outbox message, so keep them small.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody, string MessageId,
    IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file sent with a mail. <see cref="ContentType"/> is a full MIME type with its parameters
/// (<c>text/calendar; method=REQUEST; charset=utf-8</c>: calendar programs read the method from it).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Hands an e-mail to the outside world: SMTP (MailKit) in production, <c>.eml</c> files in a
/// pickup folder in the embedded default. Only outbox handlers call it, never a use case.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
