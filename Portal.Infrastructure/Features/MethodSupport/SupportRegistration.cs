using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.MethodSupport;

public static class SupportRegistration
{
    /// <summary>Method support: its subject kind, notification kinds, search, use cases, write limit, figures
    /// and the retention job — registered with the shared mechanisms, none of them edited.</summary>
    public static IServiceCollection AddMethodSupport(this IServiceCollection services)
    {
        services.AddSubjectKind<SupportSubjectKind>();
        services.AddSupportNotificationKinds();
        services.AddSingleton<SupportSearchIndexer>();
        services.AddSingleton<ISearchSource, SupportSearchSource>();
        services.AddSingleton<SupportRequestService>();
        services.AddSingleton<SupportDeskService>();
        services.AddSingleton<SupportAuditService>();
        services.AddSingleton<SupportFiguresService>();
        services.AddWriteLimit(SupportRequestService.Write, 30, TimeSpan.FromMinutes(10));
        // "Portal:MethodSupport" when the host binds it.
        services.TryAddSingleton(new SupportRetentionOptions());
        services.AddTimedJob<SupportRetentionJob>(SupportRetentionJob.Name, SupportRetentionJob.Interval);
        return services;
    }
}
