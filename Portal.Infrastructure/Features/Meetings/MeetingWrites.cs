using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>The kinds of write meetings count against a member's write limits (ADR 0019). Scheduling,
/// changing and cancelling mail every invitee, so they have a tight limit of their own.</summary>
public static class MeetingWrites
{
    /// <summary>Scheduling, changing and cancelling meetings (each mails the invitees).</summary>
    public const string Edit = "meeting-edit";

    /// <summary>Replies (accept, maybe, decline).</summary>
    public const string Reply = "meeting-reply";

    public static IServiceCollection AddMeetingWriteLimits(this IServiceCollection services) => services
        .AddWriteLimit(Edit, 30, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Reply, 120, TimeSpan.FromMinutes(10));
}
