using Portal.Infrastructure.Outbox;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Outbox message: a meeting was scheduled, changed or cancelled in a way calendars must see.
/// <paramref name="MemberIds"/> are who must hear of it (the invitees, plus those just uninvited on a
/// change, who get a cancellation). Enqueued in the same transaction as the change; the calendar part
/// handles it (one mail per member with the <c>.ics</c>). <paramref name="Sequence"/> is the meeting's
/// iCalendar SEQUENCE after the change: a handler that finds a higher one in the database may skip.</summary>
[OutboxMessage("meetings.calendar-changed")]
public sealed record MeetingCalendarChanged(Guid MeetingId, int Sequence, bool Cancelled, IReadOnlyList<Guid> MemberIds) : IOutboxMessage;
