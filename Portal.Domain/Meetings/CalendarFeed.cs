using System.Security.Cryptography;
using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>A member's personal calendar feed: an address with a secret in it that Outlook or OX subscribe to
/// without signing in. Only the secret's SHA-256 is kept, so the database (or a backup) cannot give the address
/// away; the member sees the address once, when it is made. Renewing revokes the old one.</summary>
public sealed class CalendarFeed : Entity
{
    public const int SecretBytes = 32;

    private CalendarFeed() { }

    public Guid MemberId { get; private set; }
    public byte[] SecretHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new feed and its secret (URL-safe Base64 of 32 random bytes), which is not stored.</summary>
    public static (CalendarFeed Feed, string Secret) Create(Guid memberId, DateTimeOffset now)
    {
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var feed = new CalendarFeed { MemberId = memberId, SecretHash = SHA256.HashData(secret), CreatedAt = now };
        return (feed, Base64Url(secret));
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>The hash a presented secret would have, or null for anything that is not a secret of ours
    /// (wrong length or alphabet): such a request is answered like a revoked one.</summary>
    public static byte[]? HashOf(string presented)
    {
        if (presented.Length != 43 || !presented.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return null;
        var base64 = presented.Replace('-', '+').Replace('_', '/') + "=";
        var bytes = new byte[SecretBytes];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == SecretBytes ? SHA256.HashData(bytes) : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Marks that the day-before reminder of an occurrence at a given start went out, so each is sent once
/// (a moved occurrence has a new start and is reminded again).</summary>
public sealed class MeetingReminderSent
{
    private MeetingReminderSent() { }

    public MeetingReminderSent(Guid occurrenceId, DateTimeOffset start, DateTimeOffset sentAt)
    {
        OccurrenceId = occurrenceId;
        Start = start;
        SentAt = sentAt;
    }

    public Guid OccurrenceId { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
