using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>Builds documents through the domain's own lifecycle for the reading tests (acknowledgements,
/// review reminders): create, name a reviewer, approve, publish.</summary>
internal static class DocumentTestDocuments
{
    public static async Task<Guid> OrganisationOfAsync(this PortalDbContext db, Guid memberId) =>
        await db.Members.Where(m => m.Id == memberId).Select(m => m.OrganisationId).SingleAsync();

    /// <summary>A document with version 1.0 published and in force from <paramref name="today"/>.</summary>
    public static async Task<GuidanceDocument> PublishedAsync(PortalDbContext db, Guid? workspaceId, Guid ownerId, Guid reviewerId,
        DateOnly today, DateTimeOffset now, DateOnly? reviewDueOn = null, string title = "Rutin vid första kontakt")
    {
        var document = GuidanceDocument.Create(workspaceId, await db.OrganisationOfAsync(ownerId), ownerId,
            new DocumentMetadata(title, null, DocumentType.Routine, DocumentAudience.Both, [], reviewDueOn ?? today.AddMonths(12)),
            "## Första steg\n\nKontakta socialtjänsten.", "Första versionen", today, now);
        await SignOffAndPublishAsync(db, document, ownerId, reviewerId, today, now);
        db.Documents.Add(document);
        return document;
    }

    /// <summary>Starts, edits, signs off and publishes the next version (major or minor).</summary>
    public static async Task<DocumentVersion> NextVersionAsync(PortalDbContext db, GuidanceDocument document, Guid reviewerId, bool major,
        DateOnly today, DateTimeOffset now, DateOnly? effectiveFrom = null)
    {
        var draft = document.StartDraft(document.OwnerId, major, now);
        document.EditDraft(draft.Id, draft.Body + "\n\nTillägg.", major ? "Omarbetad" : "Rättelse", major, now);
        return await SignOffAndPublishAsync(db, document, document.OwnerId, reviewerId, today, now, effectiveFrom);
    }

    private static async Task<DocumentVersion> SignOffAndPublishAsync(PortalDbContext db, GuidanceDocument document, Guid ownerId, Guid reviewerId,
        DateOnly today, DateTimeOffset now, DateOnly? effectiveFrom = null)
    {
        var draft = document.Draft!;
        document.SetReviewers(draft.Id, [new DocumentReviewer(reviewerId, await db.OrganisationOfAsync(reviewerId))], now);
        document.Decide(draft.Id, reviewerId, ReviewDecision.Approved, null, now);
        return document.Publish(draft.Id, ownerId, effectiveFrom ?? today, today, now);
    }
}
