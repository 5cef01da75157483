using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>How a series repeats: weekly every <see cref="Interval"/> weeks (1–4) on the first start's
/// weekday, or monthly on "the n-th weekday" (<see cref="WeekOfMonth"/> 1–4, or -1 for the last) with the
/// first start's weekday. A series always ends: after <see cref="Count"/> occurrences (at most 100) or on
/// <see cref="Until"/> (a Swedish day, at most two years after the first start) — exactly one of the two.</summary>
public sealed class MeetingRecurrence
{
    public const int MaxCount = 100;
    public const int MaxWeeklyInterval = 4;
    public const int LastWeek = -1;

    private MeetingRecurrence() { }

    public RecurrenceFrequency Frequency { get; private set; }
    public int Interval { get; private set; }
    /// <summary>Monthly only: 1–4 or -1 (last); null for weekly.</summary>
    public int? WeekOfMonth { get; private set; }
    public int? Count { get; private set; }
    public DateOnly? Until { get; private set; }

    public static MeetingRecurrence Weekly(int interval, int? count, DateOnly? until) =>
        Create(RecurrenceFrequency.Weekly, interval, null, count, until);

    public static MeetingRecurrence Monthly(int weekOfMonth, int? count, DateOnly? until) =>
        Create(RecurrenceFrequency.Monthly, 1, weekOfMonth, count, until);

    /// <summary>Checks the rules that do not depend on the first start (see <see cref="CheckAgainst"/>).</summary>
    public static MeetingRecurrence Create(RecurrenceFrequency frequency, int interval, int? weekOfMonth, int? count, DateOnly? until)
    {
        if (!Enum.IsDefined(frequency))
            throw new DomainRuleException("meeting.recurrence.frequency.invalid", "recurrence");
        if (frequency == RecurrenceFrequency.Weekly)
        {
            if (interval is < 1 or > MaxWeeklyInterval)
                throw new DomainRuleException("meeting.recurrence.interval.invalid", "recurrence");
            weekOfMonth = null;
        }
        else
        {
            if (interval != 1)
                throw new DomainRuleException("meeting.recurrence.interval.invalid", "recurrence");
            if (weekOfMonth is not (>= 1 and <= 4 or LastWeek))
                throw new DomainRuleException("meeting.recurrence.week-of-month.invalid", "recurrence");
        }
        if (count is null && until is null)
            throw new DomainRuleException("meeting.recurrence.end.required", "recurrenceEnd");
        if (count is not null && until is not null)
            throw new DomainRuleException("meeting.recurrence.end.both", "recurrenceEnd");
        if (count is < 1 or > MaxCount)
            throw new DomainRuleException("meeting.recurrence.count.invalid", "recurrenceEnd");
        return new MeetingRecurrence { Frequency = frequency, Interval = interval, WeekOfMonth = weekOfMonth, Count = count, Until = until };
    }

    /// <summary>The rules that look at the series' first (local) start: the end day is not before it and
    /// at most two years after it.</summary>
    public void CheckAgainst(DateTime localFirstStart)
    {
        if (Until is not { } until)
            return;
        var firstDay = DateOnly.FromDateTime(localFirstStart);
        if (until < firstDay)
            throw new DomainRuleException("meeting.recurrence.until.before-start", "recurrenceEnd");
        if (until > firstDay.AddYears(2))
            throw new DomainRuleException("meeting.recurrence.until.too-far", "recurrenceEnd");
    }

    /// <summary>The same rule ending after <paramref name="count"/> occurrences (a series cut short by
    /// "this and all following").</summary>
    public MeetingRecurrence EndingAfter(int count) =>
        new() { Frequency = Frequency, Interval = Interval, WeekOfMonth = WeekOfMonth, Count = count, Until = null };

    public bool SameAs(MeetingRecurrence? other) =>
        other is not null && other.Frequency == Frequency && other.Interval == Interval && other.WeekOfMonth == WeekOfMonth
        && other.Count == Count && other.Until == Until;
}
