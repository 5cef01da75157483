using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>A meeting, network day or training: a single meeting (one occurrence) or a series. It owns its
/// occurrences, invitees and replies, because its rules span them ("no reply to a cancelled occurrence",
/// "only invitees reply", "this and all following" cuts the series) — so every change touches the root
/// (ADR 0008). <see cref="Sequence"/> counts the changes calendars must see (iCalendar SEQUENCE); replies
/// do not count. A series keeps its pattern in local (Europe/Stockholm) time, <see cref="SeriesStartLocal"/>
/// and <see cref="DurationMinutes"/>, so that it can be expanded again on a change.
/// Partial: the minutes part adds agendas, minutes and training registrations in files of its own.</summary>
public sealed partial class Meeting : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int AddressMaxLength = 300;
    public const int OnlineLinkMaxLength = 1000;
    public const int MaxWorkspaces = 10;
    public const int MaxInvitees = 1000;
    public const int MaxSeats = 10_000;
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3);
    public const string UidDomain = "samverkansportalen";

    private readonly List<MeetingWorkspace> _workspaces = [];
    private readonly List<MeetingOccurrence> _occurrences = [];
    private readonly List<MeetingInvitee> _invitees = [];

    private Meeting() { }

    /// <summary>The stable iCalendar UID; a series split off by "this and all following" gets its own.</summary>
    public string Uid { get; private set; } = "";
    /// <summary>The iCalendar SEQUENCE: +1 on every change calendars must see.</summary>
    public int Sequence { get; private set; }
    public MeetingKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Markdown (plain text is fine); rendered through the sanitiser.</summary>
    public string Description { get; private set; } = "";
    public string? Address { get; private set; }
    /// <summary>An absolute https link, or null.</summary>
    public string? OnlineLink { get; private set; }
    public Guid OrganiserId { get; private set; }
    /// <summary>The first of <see cref="WorkspaceIds"/>: where the meeting lives, whose leads edit it.</summary>
    public Guid HomeWorkspaceId { get; private set; }
    public IReadOnlyCollection<MeetingWorkspace> Workspaces => _workspaces.AsReadOnly();
    /// <summary>The meeting's workspaces, the home workspace first.</summary>
    public IReadOnlyList<Guid> WorkspaceIds =>
        _workspaces.OrderBy(w => w.Position).Select(w => w.WorkspaceId).ToList();
    /// <summary>Null for a single meeting.</summary>
    public MeetingRecurrence? Recurrence { get; private set; }
    /// <summary>The first occurrence's start as wall-clock time in Europe/Stockholm (the series' pattern).</summary>
    public DateTime SeriesStartLocal { get; private set; }
    public int DurationMinutes { get; private set; }
    public IReadOnlyCollection<MeetingOccurrence> Occurrences => _occurrences.AsReadOnly();
    public IReadOnlyCollection<MeetingInvitee> Invitees => _invitees.AsReadOnly();
    public Guid? SecretaryId { get; private set; }
    /// <summary>Trainings only: how many may register.</summary>
    public int? Seats { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>The series this one was split off from by "this and all following", if any.</summary>
    public Guid? SplitFromMeetingId { get; private set; }

    public bool IsSeries => Recurrence is not null;
    public bool IsCancelled => CancelledAt is not null;
    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);
    public IEnumerable<MeetingOccurrence> OccurrencesInOrder => _occurrences.OrderBy(o => o.OriginalStart);
    public bool IsInvited(Guid memberId) => _invitees.Any(i => i.MemberId == memberId);

    public MeetingOccurrence OccurrenceById(Guid occurrenceId) =>
        _occurrences.SingleOrDefault(o => o.Id == occurrenceId) ?? throw new NotFoundException("meeting.occurrence.notfound");

    /// <summary>Schedules a meeting or a series. Times are wall-clock times in <paramref name="zone"/>.</summary>
    public static Meeting Schedule(MeetingKind kind, MeetingDetails details, IReadOnlyList<Guid> workspaceIds, Guid organiserId,
        DateTime localStart, DateTime localEnd, MeetingRecurrence? recurrence, IReadOnlyCollection<Guid> inviteeIds, int? seats,
        Guid? secretaryId, TimeZoneInfo zone)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("meeting.kind.invalid", "kind");
        var meeting = new Meeting { Kind = kind, OrganiserId = organiserId };
        meeting.Uid = $"{meeting.Id}@{UidDomain}";
        meeting.PlaceIn(workspaceIds);
        meeting.Apply(details);
        meeting.ApplySeats(seats);
        meeting.ApplyInvitees(inviteeIds);
        meeting.ApplySecretary(secretaryId);
        meeting.ApplyPattern(localStart, localEnd, recurrence, zone, keepReplies: false);
        meeting.Changed(calendar: false);
        return meeting;
    }

    public void Describe(MeetingDetails details)
    {
        EnsureNotCancelled();
        Apply(details);
        Changed(calendar: true);
    }

    /// <summary>Changes the kind, seats and secretary (nothing a calendar shows).</summary>
    public void Arrange(MeetingKind kind, int? seats, Guid? secretaryId)
    {
        EnsureNotCancelled();
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("meeting.kind.invalid", "kind");
        if (kind == Kind && seats == Seats && secretaryId == SecretaryId)
            return;
        Kind = kind;
        ApplySeats(seats);
        ApplySecretary(secretaryId);
        Changed(calendar: false);
    }

    /// <summary>Replaces the invitees; returns the newly invited. Replies of members no longer invited go.</summary>
    public IReadOnlyList<Guid> SetInvitees(IReadOnlyCollection<Guid> inviteeIds)
    {
        EnsureNotCancelled();
        var wanted = inviteeIds.Where(id => id != Guid.Empty).ToHashSet();
        if (wanted.SetEquals(_invitees.Select(i => i.MemberId)))
            return [];
        var added = ApplyInvitees(wanted);
        if (SecretaryId is { } secretary && !IsInvited(secretary))
            SecretaryId = null;
        Changed(calendar: true);
        return added;
    }

    /// <summary>Changes the whole meeting or series: its time, its pattern. Occurrences that fall on a day
    /// the new pattern still has keep their identity, replies and cancellation; moved ones return to the
    /// pattern; the others go.</summary>
    public void Reschedule(DateTime localStart, DateTime localEnd, MeetingRecurrence? recurrence, TimeZoneInfo zone)
    {
        EnsureNotCancelled();
        ApplyPattern(localStart, localEnd, recurrence, zone, keepReplies: true);
        Changed(calendar: true);
    }

    /// <summary>Moves one occurrence (of a series, or the single one). Its <see cref="MeetingOccurrence.OriginalStart"/>
    /// stays: it is how calendars recognise it.</summary>
    public void ChangeOccurrence(Guid occurrenceId, DateTime localStart, DateTime localEnd, TimeZoneInfo zone)
    {
        EnsureNotCancelled();
        var occurrence = OccurrenceById(occurrenceId);
        if (occurrence.IsCancelled)
            throw new DomainRuleException("meeting.occurrence.cancelled");
        var (start, end) = Times(localStart, localEnd, zone);
        occurrence.MoveTo(start, end);
        if (!IsSeries)
        {
            // A single meeting's pattern is its one occurrence.
            SeriesStartLocal = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
            DurationMinutes = (int)(localEnd - localStart).TotalMinutes;
        }
        Changed(calendar: true);
    }

    /// <summary>Cancels one occurrence of a series; cancelling the only occurrence of a single meeting
    /// cancels the meeting.</summary>
    public void CancelOccurrence(Guid occurrenceId, DateTimeOffset now)
    {
        EnsureNotCancelled();
        var occurrence = OccurrenceById(occurrenceId);
        if (!IsSeries)
        {
            Cancel(now);
            return;
        }
        if (occurrence.IsCancelled)
            throw new DomainRuleException("meeting.occurrence.cancelled");
        occurrence.Cancel();
        if (_occurrences.All(o => o.IsCancelled))
            CancelledAt = now;
        Changed(calendar: true);
    }

    /// <summary>"This and all following" cancelled: the occurrences from this one on are marked cancelled
    /// (they stay visible as cancelled); from the first occurrence it cancels the whole series.</summary>
    public void CancelFollowing(Guid occurrenceId, DateTimeOffset now)
    {
        EnsureNotCancelled();
        var from = OccurrenceById(occurrenceId);
        foreach (var occurrence in _occurrences.Where(o => o.OriginalStart >= from.OriginalStart))
            occurrence.Cancel();
        if (_occurrences.All(o => o.IsCancelled))
            CancelledAt = now;
        Changed(calendar: true);
    }

    public void Cancel(DateTimeOffset now)
    {
        EnsureNotCancelled();
        CancelledAt = now;
        foreach (var occurrence in _occurrences)
            occurrence.Cancel();
        Changed(calendar: true);
    }

    /// <summary>"This and all following" changed: this series ends before <paramref name="occurrenceId"/>
    /// (its rule now counts the occurrences before it) and a new series — with a new UID — takes over from
    /// there with the new time, pattern and details. Replies given for a day the new series still has are
    /// carried over.</summary>
    public Meeting SplitFrom(Guid occurrenceId, DateTime localStart, DateTime localEnd, MeetingRecurrence? recurrence,
        MeetingDetails details, TimeZoneInfo zone)
    {
        EnsureNotCancelled();
        if (!IsSeries)
            throw new DomainRuleException("meeting.split.not-series");
        var from = OccurrenceById(occurrenceId);
        var kept = _occurrences.Where(o => o.OriginalStart < from.OriginalStart).ToList();
        if (kept.Count == 0)
            throw new DomainRuleException("meeting.split.first");
        var moved = _occurrences.Where(o => o.OriginalStart >= from.OriginalStart).ToList();

        var next = Schedule(Kind, details, WorkspaceIds, OrganiserId, localStart, localEnd, recurrence,
            _invitees.Select(i => i.MemberId).ToList(), Seats, SecretaryId, zone);
        next.SplitFromMeetingId = Id;
        var repliesByDay = moved.ToDictionary(o => DateOnly.FromDateTime(MeetingSchedule.ToLocal(o.OriginalStart, zone)), o => o);
        foreach (var occurrence in next._occurrences)
            if (repliesByDay.TryGetValue(DateOnly.FromDateTime(MeetingSchedule.ToLocal(occurrence.OriginalStart, zone)), out var old))
                occurrence.CopyRepliesFrom(old);

        foreach (var occurrence in moved)
            _occurrences.Remove(occurrence);
        Recurrence = Recurrence!.EndingAfter(kept.Count);
        Changed(calendar: true);
        return next;
    }

    /// <summary>An invitee answers for one occurrence (again, if they change their mind).</summary>
    public MeetingReply Reply(Guid occurrenceId, Guid memberId, ReplyAnswer answer, string? comment, DateTimeOffset now)
    {
        if (IsCancelled)
            throw new DomainRuleException("meeting.cancelled");
        if (!IsInvited(memberId))
            throw new DomainRuleException("meeting.reply.not-invited");
        var occurrence = OccurrenceById(occurrenceId);
        if (occurrence.IsCancelled)
            throw new DomainRuleException("meeting.occurrence.cancelled");
        if (occurrence.End <= now)
            throw new DomainRuleException("meeting.reply.past");
        var reply = occurrence.SetReply(memberId, answer, comment, now);
        // A reply is nothing a calendar shows, but it is something the organiser's open page shows.
        Changed(calendar: false);
        return reply;
    }

    // ---- rules ----

    private void PlaceIn(IReadOnlyList<Guid> workspaceIds)
    {
        var ids = workspaceIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainRuleException("meeting.workspaces.required", "workspaces");
        if (ids.Count > MaxWorkspaces)
            throw new DomainRuleException("meeting.workspaces.too-many", "workspaces");
        _workspaces.Clear();
        _workspaces.AddRange(ids.Select((id, i) => new MeetingWorkspace(Id, id, i)));
        HomeWorkspaceId = ids[0];
    }

    private void Apply(MeetingDetails details)
    {
        Title = Guard.RequiredText(details.Title, TitleMaxLength, "meeting.title");
        Description = Guard.OptionalText(details.Description, DescriptionMaxLength, "meeting.description") ?? "";
        Address = Guard.OptionalText(details.Address, AddressMaxLength, "meeting.address");
        OnlineLink = ValidLink(details.OnlineLink);
    }

    private static string? ValidLink(string? link)
    {
        var trimmed = Guard.OptionalText(link, OnlineLinkMaxLength, "meeting.online-link");
        if (trimmed is null)
            return null;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
            throw new DomainRuleException("meeting.online-link.invalid", "onlineLink");
        return uri.AbsoluteUri;
    }

    private void ApplySeats(int? seats)
    {
        if (Kind != MeetingKind.Training)
        {
            if (seats is not null)
                throw new DomainRuleException("meeting.seats.training-only", "seats");
            Seats = null;
            return;
        }
        if (seats is not { } value || value < 1 || value > MaxSeats)
            throw new DomainRuleException("meeting.seats.invalid", "seats");
        Seats = value;
    }

    private IReadOnlyList<Guid> ApplyInvitees(IReadOnlyCollection<Guid> inviteeIds)
    {
        var ids = inviteeIds.Where(id => id != Guid.Empty).ToHashSet();
        if (ids.Count > MaxInvitees)
            throw new DomainRuleException("meeting.invitees.too-many", "invitees");
        _invitees.RemoveAll(i => !ids.Contains(i.MemberId));
        foreach (var occurrence in _occurrences)
            occurrence.RemoveRepliesExcept(ids);
        var added = ids.Where(id => !IsInvited(id)).ToList();
        _invitees.AddRange(added.Select(id => new MeetingInvitee(Id, id)));
        return added;
    }

    private void ApplySecretary(Guid? secretaryId)
    {
        if (secretaryId is { } id && !IsInvited(id))
            throw new DomainRuleException("meeting.secretary.not-invited", "secretary");
        SecretaryId = secretaryId;
    }

    private void ApplyPattern(DateTime localStart, DateTime localEnd, MeetingRecurrence? recurrence, TimeZoneInfo zone, bool keepReplies)
    {
        Times(localStart, localEnd, zone);
        recurrence?.CheckAgainst(localStart);
        var times = MeetingSchedule.Expand(localStart, localEnd - localStart, recurrence, zone);
        var byDay = keepReplies
            ? _occurrences.GroupBy(o => DateOnly.FromDateTime(MeetingSchedule.ToLocal(o.OriginalStart, zone))).ToDictionary(g => g.Key, g => g.First())
            : [];
        var next = new List<MeetingOccurrence>();
        foreach (var time in times)
        {
            var day = DateOnly.FromDateTime(MeetingSchedule.ToLocal(time.Start, zone));
            if (byDay.Remove(day, out var existing))
            {
                existing.Reset(time.Start, time.End);
                next.Add(existing);
            }
            else
                next.Add(new MeetingOccurrence(Id, time.Start, time.End));
        }
        _occurrences.Clear();
        _occurrences.AddRange(next);
        Recurrence = recurrence;
        SeriesStartLocal = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
        DurationMinutes = (int)(localEnd - localStart).TotalMinutes;
    }

    /// <summary>Checks one start and end (wall-clock times) and returns them as UTC instants.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Times(DateTime localStart, DateTime localEnd, TimeZoneInfo zone)
    {
        if (localEnd <= localStart)
            throw new DomainRuleException("meeting.end.before-start", "end");
        var duration = localEnd - localStart;
        if (duration < MinDuration)
            throw new DomainRuleException("meeting.duration.too-short", "end");
        if (duration > MaxDuration)
            throw new DomainRuleException("meeting.duration.too-long", "end");
        if (localStart.Second != 0 || localStart.Millisecond != 0 || localEnd.Second != 0 || localEnd.Millisecond != 0)
            throw new DomainRuleException("meeting.time.whole-minutes", "start");
        var start = MeetingSchedule.ToUtc(localStart, zone);
        var end = MeetingSchedule.ToUtc(localEnd, zone);
        if (end <= start)
            throw new DomainRuleException("meeting.end.before-start", "end");
        return (start, end);
    }

    private void EnsureNotCancelled()
    {
        if (IsCancelled)
            throw new DomainRuleException("meeting.cancelled");
    }

    private void Changed(bool calendar)
    {
        Touch();
        if (calendar)
            Sequence++;
        if (!DomainEvents.OfType<MeetingChanged>().Any())
            Raise(new MeetingChanged(Id, WorkspaceIds));
    }
}

/// <summary>One workspace a meeting belongs to; <see cref="Position"/> 0 is the home workspace.</summary>
public sealed class MeetingWorkspace
{
    private MeetingWorkspace() { }

    internal MeetingWorkspace(Guid meetingId, Guid workspaceId, int position)
    {
        MeetingId = meetingId;
        WorkspaceId = workspaceId;
        Position = position;
    }

    public Guid MeetingId { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public int Position { get; private set; }
    /// <summary>For the access policy's query face only; not loaded in use cases.</summary>
    public Workspaces.Workspace? Workspace { get; private set; }
}

/// <summary>A member invited to a meeting (resolved from the whole workspace, chosen members or
/// organisations when the meeting was saved).</summary>
public sealed class MeetingInvitee
{
    private MeetingInvitee() { }

    internal MeetingInvitee(Guid meetingId, Guid memberId)
    {
        MeetingId = meetingId;
        MemberId = memberId;
    }

    public Guid MeetingId { get; private set; }
    public Guid MemberId { get; private set; }
}
