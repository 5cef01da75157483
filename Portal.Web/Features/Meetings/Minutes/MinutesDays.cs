using System.Globalization;

namespace Portal.Web.Features.Meetings.Minutes;

/// <summary>Due days are Swedish days: shown as the UI language writes a date, entered as ISO dates.</summary>
public static class MinutesDays
{
    public static string Show(DateOnly day) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv"
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static DateTime? ParseLocal(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;
}
