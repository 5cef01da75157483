using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Meetings;

public static class MeetingMinutesRegistration
{
    /// <summary>The minutes part of meetings: agenda, minutes, action items and trainings — its notification
    /// kinds, search texts, use cases, write limits and timed jobs, registered with the shared mechanisms.</summary>
    public static IServiceCollection AddMeetingMinutes(this IServiceCollection services)
    {
        services.AddMeetingMinutesNotificationKinds();
        services.AddMeetingMinutesWriteLimits();
        services.AddSingleton<MeetingMinutesIndexer>();
        services.AddSingleton<ISearchSource, MeetingMinutesSearchSource>();
        services.AddSingleton<MeetingMinutesService>();
        services.AddSingleton<MeetingAgendaService>();
        services.AddSingleton<TrainingParticipantService>();
        services.AddSingleton<TrainingFiguresService>();
        services.AddTimedJob<MeetingActionOverdueJob>(MeetingActionOverdueJob.Name, MeetingActionOverdueJob.Interval);
        services.AddTimedJob<MeetingAgendaDeadlineJob>(MeetingAgendaDeadlineJob.Name, MeetingAgendaDeadlineJob.Interval);
        return services;
    }
}
