using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Mail;

/// <summary>Writes each mail as an <c>.eml</c> file into the pickup folder (the embedded default, and
/// what a relay or a developer reads). The file is written under a temporary name and renamed, so a
/// reader never sees half a mail; its name comes from the Message-Id, so a repeated delivery
/// replaces the file instead of adding a second copy.</summary>
public sealed class PickupFolderMailTransport(MailOptions options, MailMessageFactory messages, ILogger<PickupFolderMailTransport> logger)
    : IMailTransport
{
    public string Folder => Path.GetFullPath(options.PickupFolder);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = messages.Create(mail);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileNameOf(messages.MessageIdOf(mail)));
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
        logger.LogInformation("Mail {MessageId} written to {Path}", message.MessageId, path);
    }

    /// <summary>A readable prefix plus a hash of the whole id, so two ids that clean to the same
    /// prefix still get different files.</summary>
    public static string FileNameOf(string messageId)
    {
        var readable = new string(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        if (readable.Length > 80)
            readable = readable[..80];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..16];
        return $"{readable}-{hash}.eml";
    }
}
