using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>Reading the guidance library: the list, one document as a reader sees it, "read and understood",
/// and the home page's documents to read. Every call loads the actor and asks the access policy; a document
/// the actor may not see does not exist for them.</summary>
public sealed class DocumentLibraryService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter,
    DocumentRenderer renderer, DocumentComparer comparer, Portal.Infrastructure.Events.IEventBus bus)
{
    /// <summary>Acknowledgements a member may give (ADR 0019).</summary>
    public const string AcknowledgeWrite = "document-acknowledge";

    public async Task<IReadOnlyList<DocumentListItem>> ListAsync(Guid actorId, DocumentFilter filter, DocumentSort sort,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var today = StockholmTime.Today(clock);
        var query = Filtered(db.Documents.AsNoTracking().Where(AccessPolicy.VisibleDocuments(actor)), filter);
        var rows = await query
            .Select(d => new
            {
                d.Id, d.Title, d.Type, d.Audience, d.ExploitationForms, d.WorkspaceId,
                WorkspaceName = d.WorkspaceId == null ? null : d.Workspace!.Name,
                d.OwnerOrganisationId,
                OrganisationName = db.Organisations.Where(o => o.Id == d.OwnerOrganisationId).Select(o => o.Name).FirstOrDefault(),
                d.ReviewDueOn,
                HasDraft = d.Versions.Any(v => v.Status == DocumentVersionStatus.Draft),
                Published = d.Versions.Where(v => v.Status == DocumentVersionStatus.Published)
                    .Select(v => new PublishedRow(v.Id, v.Major, v.Minor, v.EffectiveFrom!.Value, v.PublishedAt!.Value)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (filter.Form is { } form)
            rows = rows.Where(r => r.ExploitationForms.Contains(form)).ToList();

        var acknowledged = await AcknowledgedMajorsAsync(db, actor.MemberId, rows.Select(r => r.Id).ToList(), cancellationToken);
        var draftsSeen = await DraftsSeenAsync(db, actor, rows.Where(r => r.HasDraft).Select(r => r.Id).ToList(), cancellationToken);
        var items = rows.Select(r =>
        {
            var inForce = InForce(r.Published, today);
            var upcoming = r.Published.Where(p => p.EffectiveFrom > today).OrderBy(p => p.Number).FirstOrDefault();
            return new DocumentListItem(r.Id, r.Title, r.Type, r.Audience, r.ExploitationForms.ToList(), r.WorkspaceId, r.WorkspaceName,
                r.OwnerOrganisationId, r.OrganisationName ?? "", inForce?.Ref, upcoming?.Ref,
                r.Published.Count == 0 ? null : r.Published.Max(p => p.PublishedAt),
                draftsSeen.Contains(r.Id), r.ReviewDueOn, r.ReviewDueOn < today,
                inForce is not null && !acknowledged.Contains((r.Id, inForce.Major)));
        });
        return Sorted(items, sort).ToList();
    }

    public async Task<DocumentView> GetAsync(Guid actorId, Guid documentId, VersionNumber? version = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        var today = StockholmTime.Today(clock);
        var inForce = document.InForceOn(today);

        DocumentVersion? shown;
        if (version is { } number)
        {
            // Drafts are read on the draft page: here a draft's number is as unknown as any other.
            shown = document.Published.FirstOrDefault(v => v.Number == number) ?? throw new NotFoundException("document.version.notfound");
        }
        else
        {
            shown = inForce ?? document.LatestPublished;
        }

        var owner = await db.LoadPeopleAsync(new[] { document.OwnerId }.Concat(shown?.PublishedBy is { } by ? [by] : []), cancellationToken);
        var organisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == document.OwnerOrganisationId)
            .Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var acknowledgedMajors = await db.DocumentAcknowledgements.AsNoTracking()
            .Where(a => a.DocumentId == document.Id && a.MemberId == actor.MemberId)
            .Select(a => a.Major).Distinct().ToListAsync(cancellationToken);

        ShownVersion? shownView = null;
        if (shown is not null)
        {
            var rendered = renderer.Render(shown.Body);
            shownView = new ShownVersion(shown.Id, shown.Number, StandingOf(shown, inForce, today), shown.EffectiveFrom!.Value,
                shown.PublishedAt!.Value, shown.PublishedBy is { } publisher && owner.TryGetValue(publisher, out var p) ? p : null,
                shown.ChangeNote, rendered.Html, rendered.Sections,
                shown.Attachments.OrderBy(a => a.FileName, StringComparer.CurrentCulture)
                    .Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.ContentType)).ToList());
        }

        var canSeeDraft = AccessPolicy.CanSeeDraft(actor, document, workspace) && document.Draft is not null;
        var standing = shownView?.Standing;
        return new DocumentView(
            document.Id, document.Title, document.Summary, document.Type, document.Audience, document.ExploitationForms.ToList(),
            document.WorkspaceId, workspace?.Name, document.OwnerOrganisationId, organisationName,
            owner.TryGetValue(document.OwnerId, out var ownerRef) ? ownerRef : null,
            document.ReviewDueOn, document.ReviewDueOn < today,
            shownView,
            inForce is null ? null : new VersionRef(inForce.Id, inForce.Number, inForce.EffectiveFrom!.Value),
            document.Versions.Where(v => v.Status == DocumentVersionStatus.Published)
                .OrderByDescending(v => v.Number)
                .Select(v => new VersionHistoryEntry(v.Id, v.Number, StandingOf(v, inForce, today), v.EffectiveFrom, v.PublishedAt, v.ChangeNote))
                .ToList(),
            CanEdit: AccessPolicy.CanEditDocument(actor, document, workspace),
            CanSeeDraft: canSeeDraft,
            DraftId: canSeeDraft ? document.Draft!.Id : null,
            DraftNumber: canSeeDraft ? document.Draft!.Number : null,
            CanReview: AccessPolicy.CanReviewDocument(actor, document, workspace),
            CanAcknowledge: standing is VersionStanding.InForce or VersionStanding.Upcoming,
            HasAcknowledged: shown is not null && acknowledgedMajors.Contains(shown.Major),
            CanSeeAcknowledgements: AccessPolicy.CanSeeAcknowledgements(actor, document, workspace));
    }

    /// <summary>Two published versions side by side: a line diff with word-level changes and the sections changed.</summary>
    public async Task<DocumentComparison> CompareAsync(Guid actorId, Guid documentId, VersionNumber from, VersionNumber to,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, _) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        var published = document.Published.ToList();
        var older = published.FirstOrDefault(v => v.Number == from) ?? throw new NotFoundException("document.version.notfound");
        var newer = published.FirstOrDefault(v => v.Number == to) ?? throw new NotFoundException("document.version.notfound");
        var (lines, sections) = comparer.Compare(older.Body, newer.Body);
        return new DocumentComparison(document.Id, document.Title, RefOf(older), RefOf(newer), lines, sections,
            published.Select(RefOf).ToList());
    }

    /// <summary>Whether the actor may start a document here (a workspace, or portal-wide when null): the
    /// library and the workspace's documents offer "new document" only then.</summary>
    public async Task<bool> CanCreateAsync(Guid actorId, Guid? workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await db.LoadDocumentWorkspaceAsync(actor, workspaceId, cancellationToken);
        return (workspaceId is null || workspace is not null) && AccessPolicy.CanCreateDocument(actor, workspace);
    }

    /// <summary>"Read and understood" for a published version in force or upcoming. Saying it twice changes nothing.</summary>
    public async Task AcknowledgeAsync(Guid actorId, Guid documentId, Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (document, _) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        var version = document.VersionById(versionId);
        if (version.Status != DocumentVersionStatus.Published)
            throw new NotFoundException("document.version.notfound");
        var today = StockholmTime.Today(clock);
        if (StandingOf(version, document.InForceOn(today), today) == VersionStanding.Superseded)
            throw new DomainRuleException("document.acknowledge.superseded");
        if (await AlreadyAcknowledgedAsync(db, document.Id, actor.MemberId, version.Id, cancellationToken))
            return;
        var now = clock.GetUtcNow();
        db.DocumentAcknowledgements.Add(new DocumentAcknowledgement(document.Id, version.Id, version.Number, actor.MemberId, now));
        try
        {
            await limiter.SaveAsync(db, actor.MemberId, now, [new CountedWrite(AcknowledgeWrite)], cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member acknowledged from another tab at the same moment: that one counts.
            await using var fresh = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (!await AlreadyAcknowledgedAsync(fresh, document.Id, actor.MemberId, version.Id, CancellationToken.None))
                throw;
            return;
        }
        // Not a change of the aggregate: the owner's open list of readers and the member's own "to read" hear of it.
        await bus.PublishAsync(new DocumentAcknowledged(document.Id, actor.MemberId), CancellationToken.None);
    }

    /// <summary>Documents in force whose current major version the member has not acknowledged: a workspace's
    /// documents for the workspaces they are an active member of, portal-wide ones for everyone.</summary>
    public async Task<IReadOnlyList<DocumentToRead>> ToReadAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var memberId = actor.MemberId;
        var today = StockholmTime.Today(clock);
        var rows = await db.Documents.AsNoTracking()
            .Where(AccessPolicy.VisibleDocuments(actor))
            .Where(d => d.WorkspaceId == null
                || d.Workspace!.Memberships.Any(m => m.MemberId == memberId && m.Status == MembershipStatus.Active))
            .Where(d => d.Versions.Any(v => v.Status == DocumentVersionStatus.Published && v.EffectiveFrom <= today))
            .Select(d => new
            {
                d.Id, d.Title, d.WorkspaceId,
                WorkspaceName = d.WorkspaceId == null ? null : d.Workspace!.Name,
                Published = d.Versions.Where(v => v.Status == DocumentVersionStatus.Published && v.EffectiveFrom <= today)
                    .Select(v => new PublishedRow(v.Id, v.Major, v.Minor, v.EffectiveFrom!.Value, v.PublishedAt!.Value)).ToList(),
                Acknowledged = db.DocumentAcknowledgements.Where(a => a.DocumentId == d.Id && a.MemberId == memberId)
                    .Select(a => a.Major).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (Row: r, InForce: InForce(r.Published, today)!))
            .Where(x => !x.Row.Acknowledged.Contains(x.InForce.Major))
            .OrderByDescending(x => x.InForce.EffectiveFrom)
            .ThenBy(x => x.Row.Title, StringComparer.CurrentCulture)
            .Select(x => new DocumentToRead(x.Row.Id, x.Row.Title, x.Row.WorkspaceId, x.Row.WorkspaceName, x.InForce.Ref))
            .ToList();
    }

    private static IQueryable<GuidanceDocument> Filtered(IQueryable<GuidanceDocument> query, DocumentFilter filter)
    {
        if (filter.Type is { } type)
            query = query.Where(d => d.Type == type);
        if (filter.Audience is { } audience)
        {
            query = audience == DocumentAudience.Both
                ? query.Where(d => d.Audience == DocumentAudience.Both)
                : query.Where(d => d.Audience == audience || d.Audience == DocumentAudience.Both);
        }
        if (filter.OrganisationId is { } organisationId)
            query = query.Where(d => d.OwnerOrganisationId == organisationId);
        if (filter.PortalWideOnly)
            query = query.Where(d => d.WorkspaceId == null);
        else if (filter.WorkspaceId is { } workspaceId)
            query = query.Where(d => d.WorkspaceId == workspaceId);
        return query;
    }

    private static IEnumerable<DocumentListItem> Sorted(IEnumerable<DocumentListItem> items, DocumentSort sort) => sort switch
    {
        DocumentSort.LastPublished => items.OrderByDescending(i => i.LastPublishedAt ?? DateTimeOffset.MinValue)
            .ThenBy(i => i.Title, StringComparer.CurrentCulture),
        DocumentSort.ReviewDue => items.OrderBy(i => i.ReviewDueOn).ThenBy(i => i.Title, StringComparer.CurrentCulture),
        _ => items.OrderBy(i => i.Title, StringComparer.CurrentCulture),
    };

    private static PublishedRow? InForce(IEnumerable<PublishedRow> published, DateOnly today) =>
        published.Where(p => p.EffectiveFrom <= today).OrderByDescending(p => p.Number).FirstOrDefault();

    private static VersionRef RefOf(DocumentVersion version) => new(version.Id, version.Number, version.EffectiveFrom!.Value);

    private static VersionStanding StandingOf(DocumentVersion version, DocumentVersion? inForce, DateOnly today) =>
        version.Status == DocumentVersionStatus.Draft ? VersionStanding.Draft
        : version.Id == inForce?.Id ? VersionStanding.InForce
        : version.EffectiveFrom > today ? VersionStanding.Upcoming
        : VersionStanding.Superseded;

    private static async Task<HashSet<(Guid DocumentId, int Major)>> AcknowledgedMajorsAsync(PortalDbContext db, Guid memberId,
        List<Guid> documentIds, CancellationToken cancellationToken)
    {
        var rows = await db.DocumentAcknowledgements.AsNoTracking()
            .Where(a => a.MemberId == memberId && documentIds.Contains(a.DocumentId))
            .Select(a => new { a.DocumentId, a.Major })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.DocumentId, r.Major)).ToHashSet();
    }

    /// <summary>Which of these documents' drafts the actor may see, by the policy's item face (drafts are few:
    /// loading the documents that have one is cheaper than a second copy of the rule in a query).</summary>
    private static async Task<HashSet<Guid>> DraftsSeenAsync(PortalDbContext db, Actor actor, List<Guid> withDraft,
        CancellationToken cancellationToken)
    {
        if (withDraft.Count == 0)
            return [];
        var documents = await db.Documents.AsNoTracking()
            .Where(d => withDraft.Contains(d.Id))
            .Include(d => d.Versions.Where(v => v.Status == DocumentVersionStatus.Draft)).ThenInclude(v => v.Reviews)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var workspaceIds = documents.Where(d => d.WorkspaceId != null).Select(d => d.WorkspaceId!.Value).Distinct().ToList();
        var workspaces = await db.Workspaces.AsNoTracking()
            .Where(w => workspaceIds.Contains(w.Id))
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .ToDictionaryAsync(w => w.Id, cancellationToken);
        return documents
            .Where(d => AccessPolicy.CanSeeDraft(actor, d, d.WorkspaceId is { } w ? workspaces.GetValueOrDefault(w) : null))
            .Select(d => d.Id)
            .ToHashSet();
    }

    private static Task<bool> AlreadyAcknowledgedAsync(PortalDbContext db, Guid documentId, Guid memberId, Guid versionId,
        CancellationToken cancellationToken) =>
        db.DocumentAcknowledgements.AsNoTracking()
            .AnyAsync(a => a.DocumentId == documentId && a.MemberId == memberId && a.VersionId == versionId, cancellationToken);

    private sealed record PublishedRow(Guid Id, int Major, int Minor, DateOnly EffectiveFrom, DateTimeOffset PublishedAt)
    {
        public VersionNumber Number => new(Major, Minor);

        public VersionRef Ref => new(Id, Number, EffectiveFrom);
    }
}
