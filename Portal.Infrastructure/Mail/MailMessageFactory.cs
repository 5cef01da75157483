using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both transports send:
/// multipart/alternative (plain text first, HTML preferred; inside multipart/mixed when files are attached), the portal as sender, and a Message-Id
/// derived only from <see cref="OutgoingMail.MessageId"/> so a repeated delivery carries the same one.</summary>
public sealed class MailMessageFactory(MailOptions options, TimeProvider time)
{
    public MimeMessage Create(OutgoingMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = time.GetUtcNow(),
            MessageId = MessageIdOf(mail),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments ?? [])
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The id as <c>local@domain</c>: an id without a domain gets the portal's host, and
    /// characters a Message-Id cannot carry become dots.</summary>
    public string MessageIdOf(OutgoingMail mail)
    {
        var id = mail.MessageId.Trim().TrimStart('<').TrimEnd('>');
        var at = id.LastIndexOf('@');
        var local = at < 0 ? id : id[..at];
        var domain = at < 0 ? DefaultDomain() : id[(at + 1)..];
        return $"{Clean(local)}@{Clean(domain)}";
    }

    private string DefaultDomain() =>
        Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) ? url.Host : "samverkansportalen.local";

    private static string Clean(string part)
    {
        var kept = part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '=' ? c : '.').ToArray();
        var clean = string.Join('.', new string(kept).Split('.', StringSplitOptions.RemoveEmptyEntries));
        return clean.Length > 0 ? clean : "mail";
    }
}
