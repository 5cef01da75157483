using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Turns Meeting aggregates into what <see cref="MeetingCalendar"/> writes: occurrences in UTC, the
/// organiser and (for invitations) the invitees who have an address.</summary>
internal static class MeetingCalendarLoading
{
    public static async Task<IReadOnlyList<CalendarMeeting>> LoadCalendarMeetingsAsync(this PortalDbContext db, IQueryable<Meeting> meetings,
        bool withAttendees, DateTimeOffset stamp, CancellationToken cancellationToken)
    {
        var loaded = await meetings.AsNoTracking()
            .Include(m => m.Invitees)
            .Include(m => m.Occurrences)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ids = loaded.Select(m => m.OrganiserId)
            .Concat(withAttendees ? loaded.SelectMany(m => m.Invitees.Select(i => i.MemberId)) : [])
            .Distinct().ToList();
        var people = await db.PeopleAsync(ids, cancellationToken);
        return loaded.Select(m => ToCalendar(m, people, withAttendees, stamp)).ToList();
    }

    public static CalendarMeeting ToCalendar(Meeting meeting, IReadOnlyDictionary<Guid, CalendarPerson> people, bool withAttendees,
        DateTimeOffset stamp)
    {
        var attendees = withAttendees
            ? meeting.Invitees.Select(i => people.GetValueOrDefault(i.MemberId)).OfType<CalendarPerson>().OrderBy(p => p.Name).ToList()
            : [];
        var recurrence = meeting.Recurrence is { } r
            ? new CalendarRecurrence(r.Frequency == RecurrenceFrequency.Monthly, r.Interval, r.WeekOfMonth, r.Count, r.Until)
            : null;
        var occurrences = meeting.OccurrencesInOrder.Select(o => new CalendarOccurrence(o.OriginalStart, o.Start, o.End, o.IsCancelled)).ToList();
        return new CalendarMeeting(meeting.Id, meeting.Uid, meeting.Sequence, meeting.Title, meeting.Address, meeting.OnlineLink,
            meeting.IsCancelled, people.GetValueOrDefault(meeting.OrganiserId), attendees, recurrence, occurrences, stamp);
    }

    public static async Task<IReadOnlyDictionary<Guid, CalendarPerson>> PeopleAsync(this PortalDbContext db, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.Email != null && m.Email != "")
            .Select(m => new { m.Id, m.DisplayName, m.Email })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new CalendarPerson(r.DisplayName, r.Email!));
    }
}
