namespace Portal.Domain.MethodSupport;

/// <summary>How a request reached NMT. Most still come by the support line or e-mail; an NMT member logs them
/// so that the figures count all method support, not only what was typed into the portal.</summary>
public enum SupportChannel
{
    Portal = 1,
    Phone,
    Email,
    Other,
}

/// <summary>How soon the asker needs a first response; each has a limit after which the request is overdue.</summary>
public enum SupportUrgency
{
    Today = 1,
    ThisWeek,
    NoRush,
}

/// <summary>New → InProgress (assigned) → Answered / Referred → Closed.</summary>
public enum SupportStatus
{
    New = 1,
    InProgress,
    Answered,
    Referred,
    Closed,
}

public static class SupportUrgencies
{
    /// <summary>The time from submission within which a first response (a reply or a referral) is due.
    /// "Today" is a working day's hours rather than the calendar day, so a request that arrives at 16:55
    /// is not overdue five minutes later.</summary>
    public static TimeSpan FirstResponseLimit(SupportUrgency urgency) => urgency switch
    {
        SupportUrgency.Today => TimeSpan.FromHours(8),
        SupportUrgency.ThisWeek => TimeSpan.FromDays(5),
        _ => TimeSpan.FromDays(14),
    };
}
