using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Assignments.Reports;

public static class ReportRegistration
{
    /// <summary>Reports on government assignments: the assembler, the use cases and their write limit.</summary>
    public static IServiceCollection AddAssignmentReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportAssembler>();
        services.AddSingleton<ReportService>();
        services.AddWriteLimit(ReportService.Write, 120, TimeSpan.FromMinutes(10));
        return services;
    }
}
