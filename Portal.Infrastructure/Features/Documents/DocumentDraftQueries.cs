using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Documents;

public sealed partial class DocumentWriteService
{
    /// <summary>The editor page: only for those who may see the draft (editors, named reviewers); to
    /// anyone else the draft page does not exist.</summary>
    public async Task<DraftPageView> GetDraftAsync(Guid actorId, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        if (!AccessPolicy.CanSeeDraft(actor, document, workspace))
            throw new NotFoundException("document.draft.notfound");
        var draft = document.Draft;
        var comments = draft is null ? [] : await db.DocumentComments.AsNoTracking()
            .Where(c => c.VersionId == draft.Id).OrderBy(c => c.PostedAt).ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(
            new[] { document.OwnerId }.Concat(draft is null ? [] : draft.Reviews.Select(r => r.ReviewerId).Append(draft.AuthorId))
                .Concat(comments.Select(c => c.AuthorId)), cancellationToken);
        var canEdit = AccessPolicy.CanEditDocument(actor, document, workspace);
        var metadata = new DocumentMetadata(document.Title, document.Summary, document.Type, document.Audience,
            document.ExploitationForms, document.ReviewDueOn);
        return new DraftPageView(document.Id, metadata, document.WorkspaceId, workspace?.Name, people.GetValueOrDefault(document.OwnerId),
            document.Version, document.LatestPublished?.Number, draft is null ? null : Draft(document, draft, people, comments),
            canEdit, canEdit && draft is null && document.LatestPublished is not null,
            AccessPolicy.CanReviewDocument(actor, document, workspace), draft?.AuthorId == actor.MemberId);
    }

    public async Task<IReadOnlyList<DraftCommentView>> CommentsAsync(Guid actorId, Guid documentId, Guid versionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        await LoadDraftAsync(db, actor, documentId, versionId, cancellationToken);
        var comments = await db.DocumentComments.AsNoTracking()
            .Where(c => c.VersionId == versionId).OrderBy(c => c.PostedAt).ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(comments.Select(c => c.AuthorId), cancellationToken);
        return comments.Select(c => Comment(c, people)).ToList();
    }

    /// <summary>Members an editor may name as reviewers of the draft, matching <paramref name="text"/>
    /// (name or organisation): those who may read the document, not the draft's author nor those already named.</summary>
    public async Task<IReadOnlyList<PersonRef>> EligibleReviewersAsync(Guid actorId, Guid documentId, string? text, int take = 20,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        RequireEditor(actor, document, workspace);
        if (document.Draft is not { } draft)
            return [];
        var excluded = draft.Reviews.Select(r => r.ReviewerId).Append(draft.AuthorId).ToList();
        var candidates = EligibleReviewers(db, document).Where(m => !excluded.Contains(m.Id))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.DisplayName, OrganisationId = o.Id, OrganisationName = o.Name });
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").ToLowerInvariant()}%";
            candidates = candidates.Where(p => EF.Functions.Like(p.DisplayName.ToLower(), pattern, "\\")
                || EF.Functions.Like(p.OrganisationName.ToLower(), pattern, "\\"));
        }
        var rows = await candidates.OrderBy(p => p.DisplayName).Take(Math.Clamp(take, 1, 50)).ToListAsync(cancellationToken);
        return rows.Select(p => new PersonRef(p.Id, p.DisplayName, p.OrganisationId, p.OrganisationName))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The document with the open draft <paramref name="versionId"/>, for someone who may see the draft.</summary>
    private static async Task<LoadedDocument> LoadDraftAsync(PortalDbContext db, Actor actor, Guid documentId, Guid versionId,
        CancellationToken cancellationToken)
    {
        var loaded = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        if (!AccessPolicy.CanSeeDraft(actor, loaded.Document, loaded.Workspace))
            throw new NotFoundException("document.draft.notfound");
        if (loaded.Document.Versions.SingleOrDefault(v => v.Id == versionId) is not { Status: DocumentVersionStatus.Draft })
            throw new NotFoundException("document.draft.notfound");
        return loaded;
    }

    private static DraftView Draft(GuidanceDocument document, DocumentVersion draft, Dictionary<Guid, PersonRef> people,
        IReadOnlyList<DocumentComment> comments)
    {
        var reviewers = draft.Reviews
            .Where(r => people.ContainsKey(r.ReviewerId))
            .Select(r => new ReviewerView(people[r.ReviewerId], r.Decision, r.Comment, r.DecidedAt))
            .OrderBy(r => r.Person.OrganisationName, StringComparer.CurrentCulture).ThenBy(r => r.Person.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        var readiness = new PublishReadiness(
            NoReviewers: reviewers.Count == 0,
            WaitingFor: reviewers.Where(r => r.Decision == ReviewDecision.Pending).Select(r => r.Person).ToList(),
            ChangesRequestedBy: reviewers.Where(r => r.Decision == ReviewDecision.ChangesRequested).Select(r => r.Person).ToList(),
            ChangeNoteMissing: string.IsNullOrWhiteSpace(draft.ChangeNote));
        var major = document.LatestPublished is not { } basis || draft.Number.Major > basis.Number.Major;
        return new DraftView(draft.Id, draft.Number, major, draft.Body, draft.ChangeNote, people.GetValueOrDefault(draft.AuthorId),
            draft.LastEditedAt, reviewers, readiness, comments.Select(c => Comment(c, people)).ToList());
    }

    private static DraftCommentView Comment(DocumentComment comment, Dictionary<Guid, PersonRef> people) =>
        new(comment.Id, comment.SectionAnchor, people.GetValueOrDefault(comment.AuthorId), comment.Text, comment.PostedAt);
}
