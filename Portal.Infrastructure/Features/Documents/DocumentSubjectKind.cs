using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>A guidance document as a subject of notifications, search hits and links: visible by the
/// documents part of the access policy (both faces).</summary>
public sealed class DocumentSubjectKind : ISubjectKind
{
    public const string Name = "document";

    public string Kind => Name;

    public static SubjectRef Of(Guid documentId) => new(Name, documentId);

    public static string LinkTo(Guid documentId) => $"/documents/{documentId}";

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.Documents.Where(AccessPolicy.VisibleDocuments(actor)).Select(d => d.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking()
            .Where(AccessPolicy.VisibleDocuments(actor))
            .Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.WorkspaceId })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => Info(r.Id, r.Title, r.WorkspaceId));
    }

    /// <summary>Two queries for any number of members: the document, and its workspace with those members'
    /// memberships; the policy's item face decides for each.</summary>
    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeForMembersAsync(PortalDbContext db, Guid id,
        IReadOnlyCollection<Actor> members, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Include(d => d.Versions).ThenInclude(v => v.Reviews)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
            return new Dictionary<Guid, SubjectInfo>();
        Workspace? workspace = null;
        if (document.WorkspaceId is { } workspaceId)
        {
            var memberIds = members.Select(m => m.MemberId).ToList();
            workspace = await db.Workspaces.AsNoTracking()
                .Include(w => w.Memberships.Where(m => memberIds.Contains(m.MemberId)))
                .SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);
        }
        var info = Info(document.Id, document.Title, document.WorkspaceId);
        return members.Where(m => AccessPolicy.CanSeeDocument(m, document, workspace)).ToDictionary(m => m.MemberId, _ => info);
    }

    private static SubjectInfo Info(Guid id, string title, Guid? workspaceId) =>
        new(Of(id), title, LinkTo(id), workspaceId is { } w ? [w] : []);
}
