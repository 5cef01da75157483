using System.Globalization;
using System.Resources;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>The wording of every kind of notification, Swedish (NotificationText.resx) and English
/// (.en.resx), keyed by the kind: <c>{kind}.Bell</c> ({0} actor, {1} subject title, {2} short text),
/// <c>{kind}.Name</c> for the preferences page. Shared by the bell and the mails, which are rendered
/// outside any request, in the recipient's language.</summary>
public sealed class NotificationText
{
    private static readonly ResourceManager Resources = new(typeof(NotificationText));

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// <summary>What a notification says, e.g. "Karin Lind mentioned you in “Method support”".</summary>
    public static string Wording(string kind, string? actorName, string subjectTitle, string? text, CultureInfo culture) =>
        string.Format(culture, Get($"{kind}.Bell", culture), actorName ?? Get("Someone", culture), subjectTitle, Worded(text, culture));

    /// <summary>A text "res:{key}|{value}" stands for a resource's wording with the value (e.g. "res:deadline.report|2026-03-15"
    /// is "redovisning till regeringen senast 2026-03-15"), so a job's text reaches each member in their language.</summary>
    public static string Worded(string? text, CultureInfo culture) =>
        text is not null && text.StartsWith(WordedPrefix, StringComparison.Ordinal) && text[WordedPrefix.Length..].Split('|', 2) is [var key, var value]
            && Resources.GetString(key, culture) is { } format
            ? string.Format(culture, format, value)
            : text ?? "";

    public const string WordedPrefix = "res:";
}
