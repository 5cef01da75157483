using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Assignments;

public static class AssignmentJobsRegistration
{
    /// <summary>Deadlines reaching people (the timed job and its kinds of notification) and assignments and
    /// activities in the one search box. A deadline is worth a mail at once: by default each notice is both a
    /// bell row and an e-mail; a member may choose otherwise in their preferences.</summary>
    public static IServiceCollection AddAssignmentJobs(this IServiceCollection services)
    {
        services.AddNotificationKind(new NotificationKindDefinition(AssignmentDeadlineJob.DeadlineKind, InPortal: true, EmailFrequency.Immediately));
        services.AddNotificationKind(new NotificationKindDefinition(AssignmentDeadlineJob.ActivityEndingKind, InPortal: true, EmailFrequency.Immediately));
        services.AddNotificationKind(new NotificationKindDefinition(AssignmentDeadlineJob.OverdueKind, InPortal: true, EmailFrequency.Immediately));
        services.AddTimedJob<AssignmentDeadlineJob>(AssignmentDeadlineJob.Name, AssignmentDeadlineJob.Interval);
        services.AddSingleton<AssignmentSearchIndexer>();
        services.AddSingleton<ISearchSource, AssignmentSearchSource>();
        return services;
    }
}
