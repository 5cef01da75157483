using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>A person in a calendar: the organiser or an attendee. Only members with an address appear.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>One occurrence as calendars know it: <see cref="OriginalStart"/> is its RECURRENCE-ID, which never
/// changes; <see cref="Start"/>/<see cref="End"/> where it is now (all UTC).</summary>
public sealed record CalendarOccurrence(DateTimeOffset OriginalStart, DateTimeOffset Start, DateTimeOffset End, bool Cancelled);

/// <summary>The series rule: weekly every <see cref="Interval"/> weeks, or monthly on the n-th
/// (<see cref="WeekOfMonth"/>, -1 = last) weekday of the first start; ends after <see cref="Count"/> or on
/// the Swedish day <see cref="Until"/>.</summary>
public sealed record CalendarRecurrence(bool Monthly, int Interval, int? WeekOfMonth, int? Count, DateOnly? Until);

/// <summary>What a calendar needs of a meeting, in UTC. Built from the Meeting aggregate by
/// <see cref="MeetingCalendarLoading"/>; kept separate so the calendar text is tested on its own.</summary>
public sealed record CalendarMeeting(Guid Id, string Uid, int Sequence, string Title, string? Address, string? OnlineLink,
    bool Cancelled, CalendarPerson? Organiser, IReadOnlyList<CalendarPerson> Attendees, CalendarRecurrence? Recurrence,
    IReadOnlyList<CalendarOccurrence> Occurrences, DateTimeOffset Stamp);

/// <summary>Writes meetings as iCalendar (RFC 5545) with Ical.Net: one VEVENT per single meeting; for a series a
/// master VEVENT with RRULE, EXDATE for cancelled (or split-off) occurrences and an overriding VEVENT with
/// RECURRENCE-ID for each moved one. Times carry TZID=Europe/Stockholm with its VTIMEZONE, so a calendar keeps a
/// 09:00 meeting at 09:00 across the daylight-saving changes. The description's text never goes in: a calendar
/// (and a mail) carries title, time, place and the portal link, no more.</summary>
public sealed class MeetingCalendar(MailOptions options)
{
    public const string TimeZoneId = "Europe/Stockholm";
    public const string ProductId = "-//Samverkansportalen//Meetings//SV";

    /// <summary>An invitation or a change (<c>METHOD:REQUEST</c>) or a cancellation (<c>METHOD:CANCEL</c>),
    /// with organiser and attendees: what a mail carries and the download returns.</summary>
    public string Invitation(CalendarMeeting meeting, bool cancel)
    {
        var calendar = NewCalendar(cancel ? "CANCEL" : "REQUEST", [meeting]);
        foreach (var calendarEvent in EventsOf(meeting, cancel || meeting.Cancelled, withAttendees: true))
            calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    /// <summary>A subscribed feed or a download (<c>METHOD:PUBLISH</c>): the meetings without attendee lists (a
    /// feed address can leak; who else is invited stays in the portal, behind its own rules). Cancelled meetings
    /// stay in as STATUS:CANCELLED so a subscriber sees them cancelled rather than silently gone.</summary>
    public string Publish(string name, IReadOnlyList<CalendarMeeting> meetings)
    {
        var calendar = NewCalendar("PUBLISH", meetings);
        calendar.AddProperty(new CalendarProperty("X-WR-CALNAME", name));
        calendar.AddProperty(new CalendarProperty("X-WR-TIMEZONE", TimeZoneId));
        foreach (var meeting in meetings)
        foreach (var calendarEvent in EventsOf(meeting, meeting.Cancelled, withAttendees: false))
            calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    public static byte[] Bytes(string calendarText) => Encoding.UTF8.GetBytes(calendarText);

    private static Calendar NewCalendar(string method, IReadOnlyList<CalendarMeeting> meetings)
    {
        var calendar = new Calendar { Method = method, ProductId = ProductId };
        var earliest = meetings.SelectMany(m => m.Occurrences).Select(o => o.OriginalStart < o.Start ? o.OriginalStart : o.Start)
            .DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        calendar.AddTimeZone(TimeZoneId, earliest.UtcDateTime.AddDays(-1), includeHistoricalData: false);
        return calendar;
    }

    private IEnumerable<CalendarEvent> EventsOf(CalendarMeeting meeting, bool cancelled, bool withAttendees)
    {
        var occurrences = meeting.Occurrences.OrderBy(o => o.OriginalStart).ToList();
        if (occurrences.Count == 0)
            yield break;
        if (meeting.Recurrence is null)
        {
            var single = occurrences[0];
            var only = NewEvent(meeting, single.Start, single.End, cancelled || single.Cancelled, withAttendees);
            yield return only;
            yield break;
        }

        var first = occurrences[0];
        var duration = BaseDuration(occurrences);
        var master = NewEvent(meeting, first.OriginalStart, first.OriginalStart + duration, cancelled, withAttendees);
        master.RecurrenceRule = RuleOf(meeting.Recurrence, first.OriginalStart);
        if (cancelled)
        {
            // A cancelled series: the master alone says so; the calendar drops every instance.
            yield return master;
            yield break;
        }

        // The rule's instances as Ical.Net computes them, compared with the occurrences the portal keeps: an
        // instance the portal does not have (split off, or cut by a change) or has cancelled becomes an EXDATE.
        var ruleStarts = master.GetOccurrences(null, null).Select(o => o.Period.StartTime.AsUtc).ToHashSet();
        var kept = occurrences.Where(o => !o.Cancelled).Select(o => o.OriginalStart.UtcDateTime).ToHashSet();
        foreach (var start in ruleStarts.Where(s => !kept.Contains(s)).Order())
            master.ExceptionDates.Add(Local(start));
        foreach (var extra in kept.Where(s => !ruleStarts.Contains(s)).Order())
            master.RecurrenceDates.Add(Local(extra));
        yield return master;

        foreach (var moved in occurrences.Where(o => !o.Cancelled && (o.Start != o.OriginalStart || o.End - o.Start != duration)))
        {
            var change = NewEvent(meeting, moved.Start, moved.End, cancelled: false, withAttendees);
            change.RecurrenceIdentifier = new RecurrenceIdentifier(Local(moved.OriginalStart), null);
            yield return change;
        }
    }

    private CalendarEvent NewEvent(CalendarMeeting meeting, DateTimeOffset start, DateTimeOffset end, bool cancelled, bool withAttendees)
    {
        var link = options.LinkTo($"/meetings/{meeting.Id}");
        var calendarEvent = new CalendarEvent
        {
            Uid = meeting.Uid,
            Sequence = meeting.Sequence,
            Summary = meeting.Title,
            DtStart = Local(start),
            DtEnd = Local(end),
            DtStamp = new CalDateTime(meeting.Stamp.UtcDateTime, "UTC", true),
            Location = meeting.Address ?? meeting.OnlineLink,
            Url = new Uri(link),
            Description = meeting.OnlineLink is { } online ? $"{link}\n{online}" : link,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
        };
        if (meeting.Organiser is { } organiser)
            calendarEvent.Organizer = new Organizer("mailto:" + organiser.Email) { CommonName = organiser.Name };
        if (withAttendees)
        {
            // RSVP=FALSE: replies are given in the portal (per occurrence), not mailed to the organiser.
            foreach (var attendee in meeting.Attendees)
                calendarEvent.Attendees.Add(new Attendee("mailto:" + attendee.Email)
                {
                    CommonName = attendee.Name, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = false,
                });
        }
        return calendarEvent;
    }

    private static RecurrencePattern RuleOf(CalendarRecurrence recurrence, DateTimeOffset firstStart)
    {
        var rule = recurrence.Monthly
            ? new RecurrencePattern(FrequencyType.Monthly, 1)
            : new RecurrencePattern(FrequencyType.Weekly, Math.Max(1, recurrence.Interval));
        if (recurrence.Count is { } count)
            rule.Count = count;
        else if (recurrence.Until is { } until)
            rule.Until = new CalDateTime(EndOfSwedishDay(until).UtcDateTime, "UTC", true);
        if (recurrence.Monthly)
        {
            // The n-th weekday (-1 = last) of the first start's weekday, as in Stockholm.
            var day = TimeZoneInfo.ConvertTime(firstStart, StockholmTime.Zone).DayOfWeek;
            rule.ByDay = [new WeekDay(day, recurrence.WeekOfMonth ?? 1)];
        }
        return rule;
    }

    /// <summary>UNTIL is inclusive and in UTC (RFC 5545 when DTSTART has a TZID): the last second of the Swedish day.</summary>
    private static DateTimeOffset EndOfSwedishDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, StockholmTime.Zone.GetUtcOffset(local));
    }

    /// <summary>The series' usual length: the most common among occurrences that were not moved.</summary>
    private static TimeSpan BaseDuration(IReadOnlyList<CalendarOccurrence> occurrences)
    {
        var unmoved = occurrences.Where(o => o.Start == o.OriginalStart).ToList();
        var source = unmoved.Count > 0 ? unmoved : occurrences;
        return source.GroupBy(o => o.End - o.Start).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    private static CalDateTime Local(DateTimeOffset instant) => Local(instant.UtcDateTime);

    private static CalDateTime Local(DateTime utc) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), StockholmTime.Zone),
            DateTimeKind.Unspecified), TimeZoneId, true);

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
