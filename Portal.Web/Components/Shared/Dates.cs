namespace Portal.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown in Swedish time.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToStockholm(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Stockholm);

    public static string Show(DateTimeOffset utc) => ToStockholm(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public static string ShowDate(DateTimeOffset utc) => ToStockholm(utc).ToString("d", System.Globalization.CultureInfo.CurrentCulture);
}
