using System.Globalization;
using Portal.Domain.Meetings;

namespace Portal.Web.Features.Meetings;

/// <summary>How often a meeting repeats, as the form offers it (the domain's recurrence is frequency + interval).</summary>
public enum RepeatChoice { None, Weekly, EveryOtherWeek, Monthly }

/// <summary>What the scheduling form holds while the lead types: days, times and numbers as the inputs'
/// text, so that a half-typed value is kept (and marked beside its field) rather than lost.</summary>
public sealed class MeetingFormModel
{
    public const string DayFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    public MeetingKind Kind { get; set; } = MeetingKind.Meeting;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? StartDay { get; set; }
    public string? StartTime { get; set; } = "09:00";
    public string? EndDay { get; set; }
    public string? EndTime { get; set; } = "10:00";
    public string? Address { get; set; }
    public string? OnlineLink { get; set; }

    public RepeatChoice Repeat { get; set; } = RepeatChoice.None;
    /// <summary>Monthly: 1–4, or -1 for the last such weekday.</summary>
    public int WeekOfMonth { get; set; } = 1;
    public bool EndsByCount { get; set; } = true;
    public string? Count { get; set; } = "10";
    public string? Until { get; set; }

    public bool WholeWorkspaces { get; set; } = true;
    public HashSet<Guid> MemberIds { get; } = [];
    public HashSet<Guid> OrganisationIds { get; } = [];

    public string? Seats { get; set; }
    public Guid? SecretaryId { get; set; }

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A fresh form: tomorrow 09:00–10:00, Swedish time.</summary>
    public static MeetingFormModel Starting(DateOnly today)
    {
        var day = Day(today.AddDays(1));
        return new() { StartDay = day, EndDay = day, Until = Day(today.AddMonths(6)) };
    }

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Accepts what a time input sends (HH:mm, sometimes with seconds) and what a person types (9:00, 09.00).</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var trimmed = text?.Trim().Replace('.', ':');
        string[] formats = ["H:mm", "HH:mm", "HH:mm:ss", "H:mm:ss"];
        return TimeOnly.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public static int? ParseCount(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>The local start, or null when its day or time cannot be read.</summary>
    public DateTime? LocalStart => ParseDay(StartDay) is { } day && ParseTime(StartTime) is { } time ? day.ToDateTime(time) : null;

    public DateTime? LocalEnd => ParseDay(EndDay) is { } day && ParseTime(EndTime) is { } time ? day.ToDateTime(time) : null;

    /// <summary>Sets start and end from a suggested slot (local times), keeping the rest of what was typed.</summary>
    public void Take(DateTime localStart, DateTime localEnd)
    {
        StartDay = Day(DateOnly.FromDateTime(localStart));
        StartTime = Time(TimeOnly.FromDateTime(localStart));
        EndDay = Day(DateOnly.FromDateTime(localEnd));
        EndTime = Time(TimeOnly.FromDateTime(localEnd));
    }

    /// <summary>Moving the start day drags the end day along when they were the same day (the usual case).</summary>
    public void SetStartDay(string? value)
    {
        if (EndDay == StartDay || string.IsNullOrEmpty(EndDay))
            EndDay = value;
        StartDay = value;
    }

    /// <summary>What cannot even be read, by field (the domain judges the rest): key = field name.</summary>
    public Dictionary<string, string> Unreadable(Func<string, string> text)
    {
        var errors = new Dictionary<string, string>();
        if (ParseDay(StartDay) is null) errors["startDay"] = text("Date.Invalid");
        if (ParseTime(StartTime) is null) errors["startTime"] = text("Time.Invalid");
        if (ParseDay(EndDay) is null) errors["endDay"] = text("Date.Invalid");
        if (ParseTime(EndTime) is null) errors["endTime"] = text("Time.Invalid");
        if (Repeat != RepeatChoice.None)
        {
            if (EndsByCount && ParseCount(Count) is null) errors["count"] = text("Count.Invalid");
            if (!EndsByCount && ParseDay(Until) is null) errors["until"] = text("Date.Invalid");
        }
        if (Kind == MeetingKind.Training && ParseCount(Seats) is null) errors["seats"] = text("Count.Invalid");
        return errors;
    }
}
