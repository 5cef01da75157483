using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Assignments;

public static class AssignmentRegistration
{
    /// <summary>Government assignments and the activity plan: subject kinds, use cases and the write limit —
    /// registered with the shared mechanisms, none of them edited.</summary>
    public static IServiceCollection AddAssignments(this IServiceCollection services)
    {
        // "Portal:Assignments" when the host binds it.
        services.TryAddSingleton(new AssignmentOptions());
        services.AddSubjectKind<AssignmentSubjectKind>();
        services.AddSubjectKind<ActivitySubjectKind>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<ActivityPlanService>();
        services.AddSingleton<AssignmentDeadlineService>();
        services.AddWriteLimit(AssignmentService.Write, 60, TimeSpan.FromMinutes(10));
        return services;
    }
}
