using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>Writing guidance: creating and describing documents, drafting, naming reviewers, signing off,
/// commenting and publishing. Every call loads the actor, asks the access policy and lets the aggregate
/// decide the rules; the UI hides what the actor may not do, but "no" is said here.</summary>
public sealed partial class DocumentWriteService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, Notifier notifier,
    WriteLimiter limiter, DocumentSearchIndexer indexer, IEventBus bus, Files.DocumentFileService files)
{
    public const string ChangedConcurrently = "document.changed-concurrently";

    public async Task<Guid> CreateAsync(Guid actorId, Guid? workspaceId, DocumentMetadata metadata, string? body, string? changeNote,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await db.LoadDocumentWorkspaceAsync(actor, workspaceId, cancellationToken);
        if (workspaceId is not null && (workspace is null || !AccessPolicy.CanReadWorkspace(actor, workspace)))
            throw new NotFoundException("workspace.notfound");
        if (!AccessPolicy.CanCreateDocument(actor, workspace))
            throw new AccessDeniedException("document.create.denied");
        var now = clock.GetUtcNow();
        var document = GuidanceDocument.Create(workspaceId, actor.OrganisationId, actor.MemberId, metadata, body, changeNote,
            StockholmTime.Today(clock), now);
        db.Documents.Add(document);
        await SaveAsync(db, actor, now, new CountedWrite(DocumentWrites.Edit, Field: "title"), null, cancellationToken);
        return document.Id;
    }

    /// <summary>Changes the document's metadata. The title and summary are in the search index, so it is
    /// indexed again in the same unit of work.</summary>
    public Task<long> DescribeAsync(Guid actorId, Guid documentId, long expectedVersion, DocumentMetadata metadata,
        CancellationToken cancellationToken = default) =>
        EditAsync(actorId, documentId, expectedVersion, async (db, _, document, now) =>
        {
            document.Describe(metadata, StockholmTime.DayOf(now));
            await indexer.IndexAsync(db, document, cancellationToken);
        }, new CountedWrite(DocumentWrites.Edit, Field: "title"), cancellationToken);

    public async Task<Guid> StartDraftAsync(Guid actorId, Guid documentId, bool major, CancellationToken cancellationToken = default)
    {
        Guid draftId = default;
        await EditAsync(actorId, documentId, null, (_, actor, document, now) =>
        {
            draftId = document.StartDraft(actor.MemberId, major, now).Id;
            return Task.CompletedTask;
        }, new CountedWrite(DocumentWrites.Edit), cancellationToken);
        return draftId;
    }

    /// <summary>Saves the draft's text from the snapshot the editor loaded (<paramref name="expectedVersion"/>).
    /// When someone else changed the document since, nothing is saved and the member is told, so that
    /// they can put their text beside the other one; returns the aggregate's new version.</summary>
    public Task<long> SaveDraftAsync(Guid actorId, Guid documentId, Guid versionId, long expectedVersion, string? body, string? changeNote,
        bool major, CancellationToken cancellationToken = default) =>
        EditAsync(actorId, documentId, expectedVersion, (_, _, document, now) =>
        {
            document.EditDraft(versionId, body, changeNote, major, now);
            return Task.CompletedTask;
        }, new CountedWrite(DocumentWrites.Edit, Field: "body"), cancellationToken);

    public async Task DiscardDraftAsync(Guid actorId, Guid documentId, Guid versionId, CancellationToken cancellationToken = default)
    {
        IReadOnlyCollection<string> storedFiles = [];
        await EditAsync(actorId, documentId, null, (_, _, document, _) =>
        {
            storedFiles = document.VersionById(versionId).Attachments.Select(a => a.StorageKey).ToList();
            document.DiscardDraft(versionId);
            return Task.CompletedTask;
        }, new CountedWrite(DocumentWrites.Edit), cancellationToken);
        // The draft's own uploads go with it; files it carried from earlier versions are still named there and stay.
        await files.DeleteUnreferencedAsync(storedFiles, cancellationToken);
    }

    /// <summary>Names the draft's reviewers. Each must be able to read the document (for a workspace
    /// document an active member of it) and signs off for the organisation their member row says; the
    /// newly named are asked to review in the same unit of work.</summary>
    public async Task SetReviewersAsync(Guid actorId, Guid documentId, Guid versionId, IReadOnlyCollection<Guid> reviewerMemberIds,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken);
        RequireEditor(actor, document, workspace);
        var ids = reviewerMemberIds.Distinct().ToList();
        var eligible = await EligibleReviewers(db, document).Where(m => ids.Contains(m.Id))
            .Select(m => new DocumentReviewer(m.Id, m.OrganisationId)).ToListAsync(cancellationToken);
        if (eligible.Count != ids.Count)
            throw new DomainRuleException("document.reviewers.not-eligible", "reviewers");
        var now = clock.GetUtcNow();
        var changes = document.SetReviewers(versionId, eligible, now);
        await SaveAsync(db, actor, now, new CountedWrite(DocumentWrites.Review, Field: "reviewers"), async () =>
        {
            await notifier.NotifyAsync(db, DocumentNotificationKinds.ReviewRequested, DocumentSubjectKind.Of(document.Id), versionId,
                actor.MemberId, changes.Added, now, null, cancellationToken);
            // Heard by those who may still see the document (a new version of a published one). A reviewer
            // of a never-published document may no longer know it exists: their request simply goes away.
            await notifier.NotifyAsync(db, DocumentNotificationKinds.ReviewWithdrawn, DocumentSubjectKind.Of(document.Id), versionId,
                actor.MemberId, changes.Removed, now, null, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A named reviewer approves the draft or asks for changes (with a comment); the owner and the
    /// draft's author hear of it.</summary>
    public async Task DecideAsync(Guid actorId, Guid documentId, Guid versionId, ReviewDecision decision, string? comment,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken);
        if (!AccessPolicy.CanReviewDocument(actor, document, workspace))
            throw new AccessDeniedException("document.review.denied");
        var now = clock.GetUtcNow();
        document.Decide(versionId, actor.MemberId, decision, comment, now);
        var kind = decision == ReviewDecision.Approved ? DocumentNotificationKinds.Approved : DocumentNotificationKinds.ChangesRequested;
        var draft = document.VersionById(versionId);
        await SaveAsync(db, actor, now, new CountedWrite(DocumentWrites.Review, Field: "comment"),
            () => notifier.NotifyAsync(db, kind, DocumentSubjectKind.Of(document.Id), versionId, actor.MemberId,
                [document.OwnerId, draft.AuthorId], now, Excerpt(comment), cancellationToken), cancellationToken);
    }

    /// <summary>Publishes a signed-off draft from <paramref name="effectiveFrom"/> (a Swedish day). The
    /// search index gets the new text in the same unit of work; the readers hear of it through an outbox
    /// message, since a portal-wide document's readers can be thousands.</summary>
    public async Task PublishAsync(Guid actorId, Guid documentId, Guid versionId, DateOnly effectiveFrom,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken);
        RequireEditor(actor, document, workspace);
        var now = clock.GetUtcNow();
        var version = document.Publish(versionId, actor.MemberId, effectiveFrom, StockholmTime.DayOf(now), now);
        await indexer.IndexAsync(db, document, cancellationToken);
        db.Enqueue(new DocumentPublishedMessage(document.Id, version.Id, version.Minor == 0, actor.MemberId), now);
        await SaveAsync(db, actor, now, new CountedWrite(DocumentWrites.Review, Field: "effectiveFrom"), null, cancellationToken);
    }

    /// <summary>A comment on a section of the draft (or on the whole draft when no section is given),
    /// by someone who may see the draft.</summary>
    public async Task<Guid> CommentAsync(Guid actorId, Guid documentId, Guid versionId, string? sectionAnchor, string? text,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, _) = await LoadDraftAsync(db, actor, documentId, versionId, cancellationToken);
        var now = clock.GetUtcNow();
        var comment = new DocumentComment(document.Id, versionId, sectionAnchor, actor.MemberId, text, now);
        db.DocumentComments.Add(comment);
        await SaveAsync(db, actor, now, new CountedWrite(DocumentWrites.Comment, Field: "comment"), null, cancellationToken);
        // A comment is not a part of the aggregate (it changes no rule), so its event is published here
        // for the open draft pages to show it.
        await bus.PublishAsync(new DocumentChanged(document.Id, document.WorkspaceId), CancellationToken.None);
        return comment.Id;
    }

    private async Task<long> EditAsync(Guid actorId, Guid documentId, long? expectedVersion,
        Func<PortalDbContext, Actor, GuidanceDocument, DateTimeOffset, Task> change, CountedWrite counted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken);
        RequireEditor(actor, document, workspace);
        if (expectedVersion is { } expected && document.Version != expected)
            throw new DomainRuleException(ChangedConcurrently);
        var now = clock.GetUtcNow();
        await change(db, actor, document, now);
        await SaveAsync(db, actor, now, counted, null, cancellationToken);
        return document.Version;
    }

    private static void RequireEditor(Actor actor, GuidanceDocument document, Workspace? workspace)
    {
        if (!AccessPolicy.CanEditDocument(actor, document, workspace))
            throw new AccessDeniedException("document.edit.denied");
    }

    /// <summary>Saves in one transaction: the counted write, the change (which a concurrent change to the
    /// same document refuses), then the notifications, written after the change so that the notifier's
    /// access check sees it (a reviewer named just now may see the draft), committed together.</summary>
    private async Task SaveAsync(PortalDbContext db, Actor actor, DateTimeOffset now, CountedWrite counted, Func<Task>? notify,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await limiter.CountAsync(db, actor.MemberId, now, [counted], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (notify is not null)
            {
                await notify();
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }

    /// <summary>Who may be named to review: members of enabled organisations who may read the document —
    /// the workspace's active members, or anyone for a portal-wide document.</summary>
    private static IQueryable<Domain.Members.Member> EligibleReviewers(PortalDbContext db, GuidanceDocument document)
    {
        var members = db.Members.AsNoTracking()
            .Where(m => db.Organisations.Any(o => o.Id == m.OrganisationId && o.Enabled));
        if (document.WorkspaceId is { } workspaceId)
            members = members.Where(m => db.Memberships.Any(s => s.WorkspaceId == workspaceId && s.MemberId == m.Id && s.Status == MembershipStatus.Active));
        return members;
    }

    private static string? Excerpt(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length <= 300 ? text.Trim() : text.Trim()[..299] + "…";
}
