namespace Portal.Domain.Meetings;

public enum MeetingKind
{
    Meeting = 1,
    NetworkDay = 2,
    /// <summary>A training day: has seats (and, with the minutes part, registration and a waiting list).</summary>
    Training = 3,
}

public enum ReplyAnswer
{
    Accepted = 1,
    Maybe = 2,
    Declined = 3,
}

public enum RecurrenceFrequency
{
    Weekly = 1,
    Monthly = 2,
}

/// <summary>What a meeting is about and where it is held (either or both of a place and a link).</summary>
public sealed record MeetingDetails(string? Title, string? Description, string? Address, string? OnlineLink);
