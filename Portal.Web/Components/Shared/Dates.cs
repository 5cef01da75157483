using System.Globalization;

namespace Portal.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown in Swedish time, in a form no reader can take for
/// another day: Swedish as ISO (2026-11-27 04:14), every other language day first with the month
/// as a word (27 Nov 2026 04:14) — never the US month-first form that "en" gives by default.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToStockholm(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Stockholm);

    /// <summary>Date and time of day, 24-hour clock.</summary>
    public static string Show(DateTimeOffset utc) => Format(utc, "yyyy-MM-dd HH:mm", "d MMM yyyy HH:mm");

    /// <summary>The date alone.</summary>
    public static string ShowDate(DateTimeOffset utc) => Format(utc, "yyyy-MM-dd", "d MMM yyyy");

    private static string Format(DateTimeOffset utc, string swedish, string dayFirst)
    {
        var culture = CultureInfo.CurrentCulture;
        var pattern = culture.TwoLetterISOLanguageName == "sv" ? swedish : dayFirst;
        return ToStockholm(utc).ToString(pattern, culture);
    }
}
