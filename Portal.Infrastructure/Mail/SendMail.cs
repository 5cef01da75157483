using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>One prepared mail waiting in the outbox. Features that have already written a mail's
/// text enqueue this; features that write the text at delivery time have a message of their own.</summary>
[OutboxMessage("mail.send")]
public sealed record SendMail(OutgoingMail Mail) : IOutboxMessage;

/// <summary>Hands the mail to the transport. A transport failure throws, so the outbox keeps the
/// message and tries again; the stable Message-Id lets the receiving side spot a repeat.</summary>
public sealed class SendMailHandler(IMailTransport transport) : IOutboxHandler<SendMail>
{
    public Task HandleAsync(SendMail message, OutboxDelivery delivery, CancellationToken cancellationToken) =>
        transport.SendAsync(message.Mail, cancellationToken);
}

public static class MailOutbox
{
    /// <summary>Puts the mail into this unit of work's outbox; it is stored by the caller's SaveChanges
    /// and sent after the commit.</summary>
    public static Guid EnqueueMail(this PortalDbContext db, OutgoingMail mail, DateTimeOffset now) =>
        db.Enqueue(new SendMail(mail), now);
}
