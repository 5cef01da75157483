using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Features;
using Portal.Web.Resources;

namespace Portal.Web.Features.Meetings.Calendar;

/// <summary>The period "My meetings" shows, read from and written to the address: a view (month, week, agenda)
/// and a Swedish day. Weeks start on Monday; the agenda shows the 30 days from the day.</summary>
public sealed record MyMeetingsPeriod(string View, DateOnly Date)
{
    public static readonly IReadOnlyList<string> Views = ["month", "week", "agenda"];
    public const int AgendaDays = 30;

    /// <summary>Anything unreadable in the address falls back to the month of today, never to an error.</summary>
    public static MyMeetingsPeriod Parse(string? view, string? date, DateOnly today) =>
        new(Views.Contains(view ?? "") ? view! : "month",
            DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day.Year is >= 2000 and <= 2100 ? day : today);

    public DateOnly First => View switch
    {
        "month" => new DateOnly(Date.Year, Date.Month, 1),
        "week" => StartOfWeek(Date),
        _ => Date,
    };

    /// <summary>The day after the last one shown.</summary>
    public DateOnly End => View switch
    {
        "month" => First.AddMonths(1),
        "week" => First.AddDays(7),
        _ => First.AddDays(AgendaDays),
    };

    public MyMeetingsPeriod Previous => this with
    {
        Date = View switch { "month" => First.AddMonths(-1), "week" => First.AddDays(-7), _ => Date.AddDays(-AgendaDays) },
    };

    public MyMeetingsPeriod Next => this with { Date = End };

    public MyMeetingsPeriod With(string? view = null, DateOnly? date = null) => new(view ?? View, date ?? Date);

    public string Link => $"/meetings?view={View}&date={Date:yyyy-MM-dd}";

    public DateTimeOffset FromUtc => StartOfDayUtc(First);
    public DateTimeOffset ToUtc => StartOfDayUtc(End);

    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = First; day < End; day = day.AddDays(1))
                yield return day;
        }
    }

    public string Heading(IStringLocalizer<MeetingCalendarText> text) => View switch
    {
        "month" => First.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        "week" => string.Format(CultureInfo.CurrentCulture, text["Heading.Week"], ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)),
            First.ToString("d MMMM", CultureInfo.CurrentCulture), End.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)),
        _ => string.Format(CultureInfo.CurrentCulture, text["Heading.Agenda"], First.ToString("d MMMM", CultureInfo.CurrentCulture),
            End.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)),
    };

    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly LocalDayOf(DateTimeOffset instant) => StockholmTime.DayOf(instant);

    public static string LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, StockholmTime.Zone).ToString("HH:mm");

    /// <summary>Midnight of a Swedish day as an instant (midnight always exists in Stockholm).</summary>
    private static DateTimeOffset StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, StockholmTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
