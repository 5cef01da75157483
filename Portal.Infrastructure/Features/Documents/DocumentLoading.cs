using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>A document with what its access rules look at: its versions (with reviews and files) and its
/// workspace with the actor's own membership.</summary>
internal sealed record LoadedDocument(GuidanceDocument Document, Workspace? Workspace);

internal static class DocumentLoading
{
    /// <summary>Loads a document the actor may see, or says it does not exist (never whether it exists
    /// but is hidden). Tracked unless <paramref name="tracked"/> is false.</summary>
    public static async Task<LoadedDocument> LoadVisibleDocumentAsync(this PortalDbContext db, Actor actor, Guid documentId,
        CancellationToken cancellationToken, bool tracked = true)
    {
        var query = db.Documents
            .Include(d => d.Versions).ThenInclude(v => v.Reviews)
            .Include(d => d.Versions).ThenInclude(v => v.Attachments)
            .AsSplitQuery();
        var document = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
            throw new NotFoundException("document.notfound");
        var workspace = await db.LoadDocumentWorkspaceAsync(actor, document.WorkspaceId, cancellationToken);
        if (!AccessPolicy.CanSeeDocument(actor, document, workspace))
            throw new NotFoundException("document.notfound");
        return new LoadedDocument(document, workspace);
    }

    /// <summary>The workspace a document lives in, with the actor's membership (null for a portal-wide document).</summary>
    public static async Task<Workspace?> LoadDocumentWorkspaceAsync(this PortalDbContext db, Actor actor, Guid? workspaceId,
        CancellationToken cancellationToken)
    {
        if (workspaceId is not { } id)
            return null;
        return await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
    }
}
