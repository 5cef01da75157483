using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

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
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<DocumentComparer>();
        services.AddSingleton<DocumentLibraryService>();
        services.AddWriteLimit(DocumentLibraryService.AcknowledgeWrite, 60, TimeSpan.FromMinutes(1));
        services.AddSingleton<DocumentWriteService>();
        services.AddDocumentWriteLimits();
        services.AddOutboxHandler<DocumentPublishedMessage, DocumentPublishedHandler>();
        return services;
    }
}
