namespace Portal.Domain.Meetings;

/// <summary>One occurrence's instants, in UTC.</summary>
public readonly record struct OccurrenceTime(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Turns a series' local pattern into UTC instants. The pattern is kept in local time so that a
/// weekly 09:00 meeting stays at 09:00 across the March and October changes: each occurrence's local start
/// is converted on its own day. A local time that does not exist (the spring gap) moves forward by the gap;
/// an ambiguous one (the autumn hour that comes twice) takes the first, summer-time, instant.</summary>
public static class MeetingSchedule
{
    public static IReadOnlyList<OccurrenceTime> Expand(DateTime localFirstStart, TimeSpan duration, MeetingRecurrence? recurrence,
        TimeZoneInfo zone)
    {
        var result = new List<OccurrenceTime>();
        foreach (var localStart in LocalStarts(DateTime.SpecifyKind(localFirstStart, DateTimeKind.Unspecified), recurrence))
            result.Add(new OccurrenceTime(ToUtc(localStart, zone), ToUtc(localStart + duration, zone)));
        return result;
    }

    /// <summary>A wall-clock time in <paramref name="zone"/> as a UTC instant, by the gap and overlap rules above.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            // The clocks jumped over it: read it with the offset in force before the jump, which lands the
            // same distance after the jump (02:30 → 03:30 in Stockholm).
            offset = zone.GetUtcOffset(local.AddHours(-3));
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>A UTC instant as wall-clock time in <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    private static IEnumerable<DateTime> LocalStarts(DateTime first, MeetingRecurrence? recurrence)
    {
        if (recurrence is null)
        {
            yield return first;
            yield break;
        }
        var count = 0;
        foreach (var candidate in Candidates(first, recurrence))
        {
            if (recurrence.Until is { } until && DateOnly.FromDateTime(candidate) > until)
                yield break;
            yield return candidate;
            count++;
            if (recurrence.Count is { } max && count >= max)
                yield break;
            // Until is at most two years ahead, so weekly series end by themselves; this is the guard for bad data.
            if (count >= 200)
                yield break;
        }
    }

    private static IEnumerable<DateTime> Candidates(DateTime first, MeetingRecurrence recurrence)
    {
        if (recurrence.Frequency == RecurrenceFrequency.Weekly)
        {
            for (var i = 0; ; i++)
                yield return first.AddDays(7 * recurrence.Interval * i);
        }
        var time = first.TimeOfDay;
        var weekday = first.DayOfWeek;
        var week = recurrence.WeekOfMonth ?? 1;
        for (var month = new DateTime(first.Year, first.Month, 1); ; month = month.AddMonths(1))
        {
            var day = NthWeekday(month.Year, month.Month, weekday, week);
            if (day.Date < first.Date)
                continue;
            yield return day + time;
        }
    }

    /// <summary>The <paramref name="week"/>-th <paramref name="weekday"/> of a month (-1: the last).</summary>
    public static DateTime NthWeekday(int year, int month, DayOfWeek weekday, int week)
    {
        if (week == MeetingRecurrence.LastWeek)
        {
            var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }
        var firstOfMonth = new DateTime(year, month, 1);
        var firstMatch = firstOfMonth.AddDays(((int)weekday - (int)firstOfMonth.DayOfWeek + 7) % 7);
        return firstMatch.AddDays(7 * (week - 1));
    }
}
