using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Meetings;

public static class MeetingRegistration
{
    /// <summary>Meetings: the subject kind, notification kinds, write limits and use cases — registered with
    /// the shared mechanisms, none of them edited. The calendar part registers the outbox handler for
    /// <see cref="MeetingCalendarChanged"/>; the minutes part its own services.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSubjectKind<MeetingSubjectKind>();
        services.AddMeetingNotificationKinds();
        services.AddMeetingWriteLimits();
        services.AddSingleton<MeetingService>();
        return services;
    }
}
