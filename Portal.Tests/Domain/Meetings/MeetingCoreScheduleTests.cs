using Portal.Domain.Meetings;

namespace Portal.Tests.Domain.Meetings;

/// <summary>Expanding a series into UTC instants in Europe/Stockholm: a 09:00 meeting stays at 09:00 across
/// both daylight-saving changes, the spring gap moves forward, the autumn overlap takes summer time, and
/// "the second Tuesday" / "the last Friday" land on the right days.</summary>
public sealed class MeetingCoreScheduleTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static IReadOnlyList<DateTime> LocalStarts(IReadOnlyList<OccurrenceTime> times) =>
        times.Select(t => MeetingSchedule.ToLocal(t.Start, Stockholm)).ToList();

    [Fact]
    public void Weekly_meeting_stays_at_nine_local_across_the_March_change()
    {
        // Summer time starts on Sunday 28 March 2027.
        var times = MeetingSchedule.Expand(new DateTime(2027, 3, 22, 9, 0, 0), Hour, MeetingRecurrence.Weekly(1, 3, null), Stockholm);

        times.Select(t => t.Start).ShouldBe([Utc(2027, 3, 22, 8), Utc(2027, 3, 29, 7), Utc(2027, 4, 5, 7)]);
        times.Select(t => t.End - t.Start).ShouldAllBe(d => d == Hour);
        LocalStarts(times).ShouldAllBe(local => local.Hour == 9 && local.Minute == 0);
    }

    [Fact]
    public void Weekly_meeting_stays_at_nine_local_across_the_October_change()
    {
        // Summer time ends on Sunday 31 October 2027.
        var times = MeetingSchedule.Expand(new DateTime(2027, 10, 25, 9, 0, 0), Hour, MeetingRecurrence.Weekly(1, 2, null), Stockholm);

        times.Select(t => t.Start).ShouldBe([Utc(2027, 10, 25, 7), Utc(2027, 11, 1, 8)]);
        LocalStarts(times).ShouldAllBe(local => local.Hour == 9);
    }

    [Fact]
    public void A_meeting_over_the_change_night_keeps_its_local_end()
    {
        // Saturday 22:00 to Sunday 10:00 across the spring change: 11 hours of real time, 12 on the clock.
        var times = MeetingSchedule.Expand(new DateTime(2027, 3, 27, 22, 0, 0), TimeSpan.FromHours(12), null, Stockholm);

        var only = times.ShouldHaveSingleItem();
        only.Start.ShouldBe(Utc(2027, 3, 27, 21));
        only.End.ShouldBe(Utc(2027, 3, 28, 8));
        MeetingSchedule.ToLocal(only.End, Stockholm).ShouldBe(new DateTime(2027, 3, 28, 10, 0, 0));
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // 02:30 on 28 March 2027 does not exist: the clocks go from 02:00 to 03:00.
        var instant = MeetingSchedule.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0), Stockholm);

        instant.ShouldBe(Utc(2027, 3, 28, 1, 30));
        MeetingSchedule.ToLocal(instant, Stockholm).ShouldBe(new DateTime(2027, 3, 28, 3, 30, 0));
    }

    [Fact]
    public void An_ambiguous_autumn_time_takes_the_first_summer_time_instant()
    {
        // 02:30 on 31 October 2027 comes twice: first at +02:00, then at +01:00.
        MeetingSchedule.ToUtc(new DateTime(2027, 10, 31, 2, 30, 0), Stockholm).ShouldBe(Utc(2027, 10, 31, 0, 30));
    }

    [Fact]
    public void Monthly_on_the_second_Tuesday()
    {
        var times = MeetingSchedule.Expand(new DateTime(2027, 1, 12, 13, 0, 0), Hour, MeetingRecurrence.Monthly(2, 4, null), Stockholm);

        LocalStarts(times).ShouldBe([
            new DateTime(2027, 1, 12, 13, 0, 0), new DateTime(2027, 2, 9, 13, 0, 0),
            new DateTime(2027, 3, 9, 13, 0, 0), new DateTime(2027, 4, 13, 13, 0, 0)]);
        // April is in summer time: the same 13:00 is an hour earlier in UTC.
        times[3].Start.ShouldBe(Utc(2027, 4, 13, 11));
    }

    [Fact]
    public void Monthly_on_the_last_Friday()
    {
        var times = MeetingSchedule.Expand(new DateTime(2027, 1, 29, 10, 0, 0), Hour, MeetingRecurrence.Monthly(-1, 4, null), Stockholm);

        LocalStarts(times).Select(DateOnly.FromDateTime).ShouldBe([
            new DateOnly(2027, 1, 29), new DateOnly(2027, 2, 26), new DateOnly(2027, 3, 26), new DateOnly(2027, 4, 30)]);
        LocalStarts(times).ShouldAllBe(d => d.DayOfWeek == DayOfWeek.Friday);
    }

    [Fact]
    public void Monthly_starting_after_this_months_nth_weekday_begins_next_month()
    {
        // The first start is a Tuesday after the second Tuesday of January: the series starts in February.
        var times = MeetingSchedule.Expand(new DateTime(2027, 1, 19, 13, 0, 0), Hour, MeetingRecurrence.Monthly(2, 2, null), Stockholm);

        LocalStarts(times).Select(DateOnly.FromDateTime).ShouldBe([new DateOnly(2027, 2, 9), new DateOnly(2027, 3, 9)]);
    }

    [Fact]
    public void Every_other_week_until_a_day_includes_that_day()
    {
        var times = MeetingSchedule.Expand(new DateTime(2027, 2, 1, 9, 0, 0), Hour,
            MeetingRecurrence.Weekly(2, null, new DateOnly(2027, 3, 1)), Stockholm);

        LocalStarts(times).Select(DateOnly.FromDateTime).ShouldBe([
            new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 15), new DateOnly(2027, 3, 1)]);
    }

    [Fact]
    public void A_single_meeting_has_one_occurrence()
    {
        MeetingSchedule.Expand(new DateTime(2027, 6, 1, 9, 0, 0), Hour, null, Stockholm)
            .ShouldHaveSingleItem().ShouldBe(new OccurrenceTime(Utc(2027, 6, 1, 7), Utc(2027, 6, 1, 8)));
    }
}
