using System.Globalization;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Meetings;

/// <summary>A meeting's time as the reader sees it, in Swedish time: "2026-12-08 09:00–10:30", or both
/// ends in full when it runs over more than one day.</summary>
public static class MeetingTimes
{
    /// <summary>A span given in Swedish wall-clock time already (a suggested slot).</summary>
    public static string Local(DateTime localStart, DateTime localEnd) =>
        Span(new DateTimeOffset(localStart, StockholmOffset(localStart)), new DateTimeOffset(localEnd, StockholmOffset(localEnd)));

    private static TimeSpan StockholmOffset(DateTime local) =>
        Portal.Infrastructure.Features.StockholmTime.Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    public static string Span(DateTimeOffset start, DateTimeOffset end)
    {
        var localStart = Dates.ToStockholm(start);
        var localEnd = Dates.ToStockholm(end);
        return localStart.Date == localEnd.Date
            ? $"{Dates.Show(start)}–{localEnd.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{Dates.Show(start)} – {Dates.Show(end)}";
    }
}
