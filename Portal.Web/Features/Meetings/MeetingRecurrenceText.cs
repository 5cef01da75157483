using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Meetings;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Meetings;

/// <summary>A series' rule in words: "varannan vecka, 10 tillfällen", "andra tisdagen i varje månad, till och
/// med 2027-06-01". The weekday is the first start's, as the domain computes it.</summary>
public static class MeetingRecurrenceText
{
    public static string? Of(MeetingRecurrence? recurrence, DateTime localFirstStart, IStringLocalizer<MeetingPageText> text)
    {
        if (recurrence is null)
            return null;
        var culture = CultureInfo.CurrentCulture;
        var rule = recurrence.Frequency switch
        {
            RecurrenceFrequency.Monthly => string.Format(culture, text["Recurrence.Summary.Monthly"],
                LowerFirst(WeekName(recurrence.WeekOfMonth ?? 1, localFirstStart.DayOfWeek, text))),
            _ => recurrence.Interval switch
            {
                1 => text["Recurrence.Summary.Weekly"].Value,
                2 => text["Recurrence.Summary.EveryOtherWeek"].Value,
                var n => string.Format(culture, text["Recurrence.Summary.EveryNWeeks"], n),
            },
        };
        var said = recurrence.Count is { } count
            ? text.Counted("Recurrence.Summary.Count", count, rule)
            : string.Format(culture, text["Recurrence.Summary.Until"], rule, recurrence.Until is { } until ? Day(until) : "");
        return said.Length == 0 ? said : char.ToUpper(said[0], culture) + said[1..];
    }

    /// <summary>"Andra tisdagen" / "Second Tuesday".</summary>
    public static string WeekName(int week, DayOfWeek weekday, IStringLocalizer<MeetingPageText> text) =>
        string.Format(CultureInfo.CurrentCulture, text[$"Recurrence.Week.{week}"], CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(weekday));

    private static string Day(DateOnly day) =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "sv"
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
}
