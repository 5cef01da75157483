using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Features.Documents.Files;
using Portal.Infrastructure.Scheduling;
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
        // Attached files: "Portal:Files" when the host binds it; a virus scanner replaces IFileScanner.
        services.TryAddSingleton(new DocumentFileOptions());
        services.TryAddSingleton<IDocumentFileStore, LocalFolderFileStore>();
        services.TryAddSingleton<IFileScanner, AcceptingFileScanner>();
        services.AddSingleton<AttachmentTextReader>();
        services.AddSingleton<DocumentFileService>();
        services.AddWriteLimit(DocumentFileService.FileWrite, 60, TimeSpan.FromMinutes(10));
        services.AddSingleton<DocumentAcknowledgementService>();
        services.TryAddSingleton(new DocumentReviewOptions());
        services.AddTimedJob<DocumentReviewDueJob>(DocumentReviewDueJob.Name, DocumentReviewDueJob.Interval);
        return services;
    }
}
