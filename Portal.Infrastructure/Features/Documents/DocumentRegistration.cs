using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Documents;

public static class DocumentRegistration
{
    /// <summary>The guidance library: its subject kind, notification kinds, search texts, use cases,
    /// write limits and timed jobs — registered with the shared mechanisms, none of them edited.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSubjectKind<DocumentSubjectKind>();
        services.AddDocumentNotificationKinds();
        services.AddSingleton<DocumentSearchIndexer>();
        services.AddSingleton<ISearchSource, DocumentSearchSource>();
        services.AddSingleton<DocumentAcknowledgementService>();
        services.TryAddSingleton(new DocumentReviewOptions());
        services.AddTimedJob<DocumentReviewDueJob>(DocumentReviewDueJob.Name, DocumentReviewDueJob.Interval);
        return services;
    }
}
