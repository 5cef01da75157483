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
        string.Format(culture, Get($"{kind}.Bell", culture), actorName ?? Get("Someone", culture), subjectTitle, text ?? "");
}
