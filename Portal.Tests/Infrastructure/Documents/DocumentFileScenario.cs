using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>Documents for the file tests, made with the domain's own methods: one in NMT (a closed
/// workspace) owned by Erik, its lead; reviewed by Karin (a member, no editor); published and indexed as
/// the write use case does it. Fatima (an NGO member) is outside NMT.</summary>
internal static class DocumentFileScenario
{
    public static readonly Guid Erik = DemoData.Personas.NmtLead;
    public static readonly Guid Karin = DemoData.Personas.NmtPolice;
    public static readonly Guid Fatima = DemoData.Personas.NgoMember;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<(Guid DocumentId, Guid DraftId)> NewDocumentAsync(IServiceProvider services)
    {
        await using var db = await Contexts(services).CreateDbContextAsync();
        var organisation = await db.Members.Where(m => m.Id == Erik).Select(m => m.OrganisationId).SingleAsync();
        var document = GuidanceDocument.Create(DemoData.Workspaces.Nmt, organisation, Erik,
            new DocumentMetadata("Rutin vid kontroller av arbetsplatser", null, DocumentType.Routine, DocumentAudience.Adults, [], Today.AddMonths(6)),
            "## Syfte\n\nRutinen beskriver samverkan.", "Första versionen", Today, DateTimeOffset.UtcNow);
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return (document.Id, document.Draft!.Id);
    }

    public static async Task NameKarinReviewerAsync(IServiceProvider services, Guid documentId, Guid draftId)
    {
        await using var db = await Contexts(services).CreateDbContextAsync();
        var karinsOrganisation = await db.Members.Where(m => m.Id == Karin).Select(m => m.OrganisationId).SingleAsync();
        var document = await LoadAsync(db, documentId);
        document.SetReviewers(draftId, [new DocumentReviewer(Karin, karinsOrganisation)], DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    public static async Task PublishAsync(IServiceProvider services, Guid documentId, Guid draftId)
    {
        await NameKarinReviewerAsync(services, documentId, draftId);
        await using var db = await Contexts(services).CreateDbContextAsync();
        var document = await LoadAsync(db, documentId);
        var now = DateTimeOffset.UtcNow;
        document.Decide(draftId, Karin, ReviewDecision.Approved, null, now);
        document.Publish(draftId, Erik, Today, Today, now);
        await services.GetRequiredService<DocumentSearchIndexer>().IndexAsync(db, document, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> StartDraftAsync(IServiceProvider services, Guid documentId)
    {
        await using var db = await Contexts(services).CreateDbContextAsync();
        var document = await LoadAsync(db, documentId);
        var draft = document.StartDraft(Erik, major: false, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    private static IDbContextFactory<PortalDbContext> Contexts(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    private static Task<GuidanceDocument> LoadAsync(PortalDbContext db, Guid documentId) =>
        db.Documents.Include(d => d.Versions).ThenInclude(v => v.Reviews)
            .Include(d => d.Versions).ThenInclude(v => v.Attachments)
            .AsSplitQuery().SingleAsync(d => d.Id == documentId);
}
