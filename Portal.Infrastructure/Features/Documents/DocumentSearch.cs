using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>How documents register their texts with the search index (ADR 0009): the document's own entry
/// (title and summary), its latest published version's text as one part and each of that version's files'
/// extracted text as another. Drafts are never indexed: their text is for editors and reviewers only, and a
/// snippet would show it to every reader. Called by the use cases before they save.</summary>
public sealed class DocumentSearchIndexer(ISearchIndex index)
{
    public async Task IndexAsync(PortalDbContext db, GuidanceDocument document, CancellationToken cancellationToken)
    {
        var subject = DocumentSubjectKind.Of(document.Id);
        if (document.LatestPublished is not { } version)
        {
            await index.RemoveAsync(db, subject, null, cancellationToken);
            return;
        }
        // The parts of earlier versions go (replaced in place where they stay, so an entry is never removed and re-added in one unit of work).
        var keep = version.Attachments.Select(f => f.Id).Append(version.Id).ToHashSet();
        var indexed = await db.Set<SearchEntry>()
            .Where(e => e.SubjectKind == subject.Kind && e.SubjectId == subject.Id && e.PartId != null)
            .Select(e => e.PartId!.Value).ToListAsync(cancellationToken);
        foreach (var stale in indexed.Where(id => !keep.Contains(id)))
            await index.RemoveAsync(db, subject, stale, cancellationToken);
        var link = DocumentSubjectKind.LinkTo(document.Id);
        IReadOnlyCollection<Guid> workspaces = document.WorkspaceId is { } w ? [w] : [];
        var child = document.Audience == DocumentAudience.Children;
        var at = version.PublishedAt ?? version.LastEditedAt;
        await index.IndexAsync(db, new IndexedText(subject, null, document.Title,
            string.Join("\n", new[] { document.Title, document.Summary }.Where(t => !string.IsNullOrWhiteSpace(t))),
            link, at, workspaces, document.ExploitationForms, child, document.OwnerId), cancellationToken);
        await index.IndexAsync(db, new IndexedText(subject, version.Id, document.Title, DocumentText.PlainText(version.Body),
            link, at, workspaces, document.ExploitationForms, child, version.AuthorId), cancellationToken);
        foreach (var file in version.Attachments.Where(f => !string.IsNullOrWhiteSpace(f.ExtractedText)))
        {
            await index.IndexAsync(db, new IndexedText(subject, file.Id, document.Title, $"{file.FileName}\n{file.ExtractedText}",
                $"{link}#files", file.UploadedAt, workspaces, document.ExploitationForms, child, file.UploadedBy), cancellationToken);
        }
    }
}

internal sealed class DocumentSearchSource(DocumentSearchIndexer indexer) : ISearchSource
{
    public IReadOnlyCollection<string> Kinds { get; } = [DocumentSubjectKind.Name];

    public async Task IndexAllAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var documents = await db.Documents
            .Include(d => d.Versions).ThenInclude(v => v.Attachments)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        foreach (var document in documents)
            await indexer.IndexAsync(db, document, cancellationToken);
    }
}
