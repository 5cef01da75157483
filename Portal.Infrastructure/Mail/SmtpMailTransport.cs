using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Mail;

/// <summary>Sends over SMTP with MailKit, one connection per mail: the outbox sends few mails and
/// retries failures, so a held-open connection would only add a way to fail. Any failure throws,
/// which leaves the mail in the outbox for the next attempt.</summary>
public sealed class SmtpMailTransport(MailOptions options, MailMessageFactory messages, ILogger<SmtpMailTransport> logger)
    : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException($"{MailOptions.Section}:Smtp:Host is not set.");
        var message = messages.Create(mail);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        await client.ConnectAsync(host, smtp.Port, SocketOptionsOf(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {MessageId} sent over SMTP to {Host}", message.MessageId, host);
    }

    private static SecureSocketOptions SocketOptionsOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
