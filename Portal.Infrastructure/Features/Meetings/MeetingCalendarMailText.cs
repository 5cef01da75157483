using System.Globalization;
using System.Resources;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>The wording of invitation, change and cancellation mails (Swedish .resx, English .en.resx),
/// rendered by the outbox in the recipient's language, outside any request.</summary>
public sealed class MeetingCalendarMailText
{
    private static readonly ResourceManager Resources = new(typeof(MeetingCalendarMailText));

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(string key, CultureInfo culture, params object[] args) => string.Format(culture, Get(key, culture), args);
}
