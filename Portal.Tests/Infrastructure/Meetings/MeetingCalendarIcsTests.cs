using Ical.Net;
using Ical.Net.CalendarComponents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Mail;

namespace Portal.Tests.Infrastructure.Meetings;

/// <summary>The calendar text, read back through Ical.Net's own parser: what Outlook or OX would compute from it.</summary>
public sealed class MeetingCalendarIcsTests
{
    private static readonly MeetingCalendar Calendars = new(new MailOptions { PublicUrl = "https://portal.test" });
    private static readonly Guid MeetingId = Guid.Parse("6f1c9e1e-0000-4000-8000-000000000001");
    private static readonly CalendarPerson Erik = new("Erik Sandberg", "erik.sandberg@lansstyrelsen.se");
    private static readonly CalendarPerson Asa = new("Åsa Östergren", "asa.ostergren@polisen.se");

    /// <summary>A Stockholm wall-clock time as the UTC instant the portal stores.</summary>
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, StockholmTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static CalendarOccurrence At(DateTimeOffset start, int minutes = 60, bool cancelled = false) =>
        new(start, start, start.AddMinutes(minutes), cancelled);

    private static CalendarMeeting Series(CalendarRecurrence? recurrence, params CalendarOccurrence[] occurrences) =>
        new(MeetingId, $"{MeetingId}@samverkansportalen", 3, "Samordningsmöte, vecka; NMT", "Länsstyrelsen, Hantverkargatan 29",
            null, false, Erik, [Erik, Asa], recurrence, occurrences, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static List<DateTime> StartsUtc(Calendar calendar) =>
        calendar.GetOccurrences(null, null).Select(o => o.Period.StartTime.AsUtc).Order().ToList();

    [Fact]
    public void Weekly_series_across_the_March_change_stays_at_nine_in_Stockholm_after_a_round_trip()
    {
        var starts = new[] { Local(2026, 3, 17, 9), Local(2026, 3, 24, 9), Local(2026, 3, 31, 9), Local(2026, 4, 7, 9) };
        var text = Calendars.Invitation(Series(new CalendarRecurrence(false, 1, null, 4, null), starts.Select(s => At(s)).ToArray()),
            cancel: false);

        text.ShouldContain("METHOD:REQUEST");
        text.ShouldContain("BEGIN:VTIMEZONE");
        text.ShouldContain("TZID:Europe/Stockholm");
        text.ShouldContain("DTSTART;TZID=Europe/Stockholm:20260317T090000");
        text.ShouldContain("RRULE:FREQ=WEEKLY;COUNT=4");
        var parsed = Calendar.Load(text)!;
        parsed.Method.ShouldBe("REQUEST");
        var master = parsed.Events.ShouldHaveSingleItem();
        master.Uid.ShouldBe($"{MeetingId}@samverkansportalen");
        master.Sequence.ShouldBe(3);
        master.Summary.ShouldBe("Samordningsmöte, vecka; NMT");
        master.Location.ShouldBe("Länsstyrelsen, Hantverkargatan 29");
        master.Organizer!.Value.ShouldBe(new Uri("mailto:erik.sandberg@lansstyrelsen.se"));
        master.Attendees.Select(a => a.CommonName).ShouldBe(["Erik Sandberg", "Åsa Östergren"]);
        master.Url.ShouldBe(new Uri($"https://portal.test/meetings/{MeetingId}"));
        // 08:00 UTC in winter time, 07:00 UTC after the change: 09:00 in Stockholm throughout.
        StartsUtc(parsed).ShouldBe([.. starts.Select(s => s.UtcDateTime)]);
        StartsUtc(parsed).Select(s => s.Hour).ShouldBe([8, 8, 7, 7]);
    }

    [Fact]
    public void Every_other_week_until_a_day_across_the_October_change_keeps_nine_and_ends_on_that_day()
    {
        var starts = new[] { Local(2026, 10, 13, 9), Local(2026, 10, 27, 9), Local(2026, 11, 10, 9) };
        var text = Calendars.Invitation(
            Series(new CalendarRecurrence(false, 2, null, null, new DateOnly(2026, 11, 10)), starts.Select(s => At(s)).ToArray()),
            cancel: false);

        var rule = text.Split("\r\n").SkipWhile(line => line != "BEGIN:VEVENT").Single(line => line.StartsWith("RRULE:"));
        rule.Split(':')[1].Split(';').Order().ShouldBe(["FREQ=WEEKLY", "INTERVAL=2", "UNTIL=20261110T225959Z"]);
        var parsed = Calendar.Load(text)!;
        StartsUtc(parsed).ShouldBe([.. starts.Select(s => s.UtcDateTime)]);
        StartsUtc(parsed).Select(s => s.Hour).ShouldBe([7, 8, 8]);
    }

    [Fact]
    public void Cancelled_occurrence_is_an_exdate_and_a_moved_one_an_override_with_its_recurrence_id()
    {
        var first = Local(2026, 3, 17, 9);
        var cancelled = Local(2026, 3, 24, 9);
        var movedFrom = Local(2026, 3, 31, 9);
        var movedTo = Local(2026, 3, 31, 13, 30);
        var text = Calendars.Invitation(Series(new CalendarRecurrence(false, 1, null, 4, null),
            At(first), At(cancelled, cancelled: true), new CalendarOccurrence(movedFrom, movedTo, movedTo.AddMinutes(90), false),
            At(Local(2026, 4, 7, 9))), cancel: false);

        text.ShouldContain("EXDATE;TZID=Europe/Stockholm:20260324T090000");
        text.ShouldContain("RECURRENCE-ID;TZID=Europe/Stockholm:20260331T090000");
        var parsed = Calendar.Load(text)!;
        parsed.Events.Count.ShouldBe(2);
        parsed.Events.ShouldAllBe(e => e.Uid == $"{MeetingId}@samverkansportalen" && e.Sequence == 3);
        var occurrences = parsed.GetOccurrences(null, null).OrderBy(o => o.Period.StartTime.AsUtc).ToList();
        occurrences.Select(o => o.Period.StartTime.AsUtc).ShouldBe([first.UtcDateTime, movedTo.UtcDateTime, Local(2026, 4, 7, 9).UtcDateTime]);
        occurrences[1].Period.EffectiveEndTime!.AsUtc.ShouldBe(movedTo.AddMinutes(90).UtcDateTime);
    }

    [Fact]
    public void Series_ended_by_a_split_keeps_only_its_own_occurrences()
    {
        // The rule still says six, but "this and all following" moved the last three to a new series.
        var kept = new[] { Local(2026, 5, 5, 10), Local(2026, 5, 12, 10), Local(2026, 5, 19, 10) };
        var parsed = Calendar.Load(Calendars.Invitation(
            Series(new CalendarRecurrence(false, 1, null, 6, null), kept.Select(s => At(s)).ToArray()), cancel: false))!;

        StartsUtc(parsed).ShouldBe([.. kept.Select(s => s.UtcDateTime)]);
    }

    [Theory]
    [InlineData(2, "2TU", 13)]
    [InlineData(-1, "-1TU", 27)]
    public void Monthly_on_the_nth_weekday_has_its_byday_and_comes_out_on_those_days(int weekOfMonth, string byDay, int januaryDay)
    {
        var starts = Enumerable.Range(0, 4).Select(i => NthTuesday(2026, 1 + i, weekOfMonth)).Select(d => Local(2026, d.Month, d.Day, 9)).ToArray();
        starts[0].ShouldBe(Local(2026, 1, januaryDay, 9));
        var text = Calendars.Invitation(Series(new CalendarRecurrence(true, 1, weekOfMonth, 4, null), starts.Select(s => At(s)).ToArray()),
            cancel: false);

        text.ShouldContain($"BYDAY={byDay}");
        StartsUtc(Calendar.Load(text)!).ShouldBe([.. starts.Select(s => s.UtcDateTime)]);
    }

    [Fact]
    public void Cancellation_has_method_cancel_the_same_uid_and_a_cancelled_status()
    {
        var meeting = Series(null, At(Local(2026, 12, 7, 13))) with { Sequence = 5, Cancelled = true };

        var parsed = Calendar.Load(Calendars.Invitation(meeting, cancel: true))!;

        parsed.Method.ShouldBe("CANCEL");
        var cancelled = parsed.Events.ShouldHaveSingleItem();
        cancelled.Uid.ShouldBe(meeting.Uid);
        cancelled.Sequence.ShouldBe(5);
        cancelled.Status.ShouldBe("CANCELLED");
        cancelled.RecurrenceRule.ShouldBeNull();
        cancelled.DtStart!.TzId.ShouldBe("Europe/Stockholm");
        cancelled.DtStart.AsUtc.ShouldBe(Local(2026, 12, 7, 13).UtcDateTime);
    }

    [Fact]
    public void Feed_carries_every_meeting_without_attendees_and_marks_a_cancelled_one()
    {
        var single = Series(null, At(Local(2026, 12, 7, 13), 120));
        var other = Series(new CalendarRecurrence(false, 1, null, 2, null), At(Local(2026, 12, 8, 9)), At(Local(2026, 12, 15, 9))) with
        {
            Id = Guid.NewGuid(), Uid = "other@samverkansportalen", Cancelled = true, Address = null, OnlineLink = "https://meet.example.se/abc",
        };

        var text = Calendars.Publish("Mina möten", [single, other]);

        text.ShouldNotContain("ATTENDEE");
        text.ShouldContain("X-WR-CALNAME:Mina möten");
        var parsed = Calendar.Load(text)!;
        parsed.Method.ShouldBe("PUBLISH");
        parsed.Events.Select(e => e.Uid).Order().ShouldBe([single.Uid, "other@samverkansportalen"]);
        var cancelled = parsed.Events.Single(e => e.Uid == "other@samverkansportalen");
        cancelled.Status.ShouldBe("CANCELLED");
        cancelled.Location.ShouldBe("https://meet.example.se/abc");
        parsed.Events.Single(e => e.Uid == single.Uid).Status.ShouldBe("CONFIRMED");
    }

    private static DateOnly NthTuesday(int year, int month, int n)
    {
        var days = Enumerable.Range(1, DateTime.DaysInMonth(year, month)).Select(d => new DateOnly(year, month, d))
            .Where(d => d.DayOfWeek == DayOfWeek.Tuesday).ToList();
        return n > 0 ? days[n - 1] : days[^1];
    }
}
