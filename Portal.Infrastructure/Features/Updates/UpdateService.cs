using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Updates;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Updates;

public sealed record UpdateView(
    Guid Id,
    Guid WorkspaceId,
    string WorkspaceName,
    PersonRef? Author,
    string Text,
    string? AttachmentUrl,
    DateTimeOffset PostedAt,
    bool IsPinned,
    bool CanPin);

/// <summary>Short updates to a workspace's feed and the combined home feed. Updates are plain text
/// (rendered as text by the UI) with an optional http(s) link.</summary>
public sealed class UpdateService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter)
{
    /// <summary>Updates one member may post (counted across all workspaces, ADR 0019).</summary>
    public const string UpdateWrite = "update";

    /// <summary>Pinning and unpinning updates (leads).</summary>
    public const string PinWrite = "update-pin";

    public const int DefaultFeedSize = 50;

    public async Task<Guid> PostUpdateAsync(Guid actorId, Guid workspaceId, string? text, string? attachmentUrl,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await LoadReadableAsync(db, actor, workspaceId, cancellationToken);
        if (!AccessPolicy.CanPostUpdate(actor, workspace))
            throw new DomainRuleException(workspace.MembershipOf(actor.MemberId) is { Status: MembershipStatus.Active, Role: MembershipRole.Observer }
                ? "post.observer" : "post.not-member");
        var now = clock.GetUtcNow();
        var update = WorkspaceUpdate.Post(workspaceId, actor.MemberId, text, attachmentUrl, now);
        db.WorkspaceUpdates.Add(update);
        await limiter.SaveAsync(db, actor.MemberId, now, [new(UpdateWrite, Field: "text")], cancellationToken);
        return update.Id;
    }

    public async Task PinUpdateAsync(Guid actorId, Guid updateId, bool pinned, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var update = await db.WorkspaceUpdates.SingleOrDefaultAsync(u => u.Id == updateId, cancellationToken)
            ?? throw new NotFoundException("update.notfound");
        var workspace = await LoadReadableAsync(db, actor, update.WorkspaceId, cancellationToken, "update.notfound");
        if (!AccessPolicy.CanPinUpdate(actor, workspace))
            throw new AccessDeniedException("update.pin.denied");
        var now = clock.GetUtcNow();
        update.Pin(pinned, actor.MemberId, now);
        await limiter.SaveAsync(db, actor.MemberId, now, [new(PinWrite)], cancellationToken);
    }

    /// <summary>The combined feed of the workspaces the actor is an active member of: leads' pinned
    /// updates on top, then newest first.</summary>
    public async Task<IReadOnlyList<UpdateView>> GetHomeFeedAsync(Guid actorId, int take = DefaultFeedSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var mine = db.Memberships.Where(m => m.MemberId == actor.MemberId && m.Status == MembershipStatus.Active).Select(m => m.WorkspaceId);
        return await FeedAsync(db, actor, db.WorkspaceUpdates.Where(u => mine.Contains(u.WorkspaceId)), take, cancellationToken);
    }

    public async Task<IReadOnlyList<UpdateView>> GetWorkspaceFeedAsync(Guid actorId, Guid workspaceId, int take = DefaultFeedSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        await LoadReadableAsync(db, actor, workspaceId, cancellationToken);
        return await FeedAsync(db, actor, db.WorkspaceUpdates.Where(u => u.WorkspaceId == workspaceId), take, cancellationToken);
    }

    /// <summary>Updates by others in the workspace, visible to the actor, posted since the actor last
    /// looked at its updates (all of them before the first look).</summary>
    public async Task<int> CountNewAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        await LoadReadableAsync(db, actor, workspaceId, cancellationToken);
        var seenAt = await db.UpdatesSeen.AsNoTracking()
            .Where(s => s.MemberId == actor.MemberId && s.WorkspaceId == workspaceId)
            .Select(s => (DateTimeOffset?)s.SeenAt).SingleOrDefaultAsync(cancellationToken);
        var updates = db.WorkspaceUpdates.AsNoTracking()
            .Where(u => u.WorkspaceId == workspaceId && u.AuthorId != actor.MemberId)
            .Where(AccessPolicy.VisibleUpdates(actor));
        if (seenAt is { } since)
            updates = updates.Where(u => u.PostedAt > since);
        return await updates.CountAsync(cancellationToken);
    }

    /// <summary>The actor has looked at the workspace's updates now.</summary>
    public async Task MarkSeenAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        await LoadReadableAsync(db, actor, workspaceId, cancellationToken);
        var seen = await db.UpdatesSeen.SingleOrDefaultAsync(s => s.MemberId == actor.MemberId && s.WorkspaceId == workspaceId, cancellationToken);
        if (seen is null)
        {
            seen = new UpdatesSeen(actor.MemberId, workspaceId);
            db.UpdatesSeen.Add(seen);
        }
        if (seen.See(clock.GetUtcNow()))
            await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<UpdateView>> FeedAsync(PortalDbContext db, Actor actor, IQueryable<WorkspaceUpdate> updates,
        int take, CancellationToken cancellationToken)
    {
        var rows = await updates.AsNoTracking()
            .Where(AccessPolicy.VisibleUpdates(actor))
            .OrderByDescending(u => u.IsPinned).ThenByDescending(u => u.PostedAt)
            .Take(Math.Clamp(take, 1, 200))
            .Select(u => new { Update = u, WorkspaceName = u.Workspace!.Name })
            .ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(rows.Select(r => r.Update.AuthorId), cancellationToken);
        // Whether to offer the pin is the policy's answer too (its query face), not a rule of our own.
        var feedWorkspaces = rows.Select(r => r.Update.WorkspaceId).Distinct().ToList();
        var pinnable = (await db.Workspaces.AsNoTracking()
            .Where(w => feedWorkspaces.Contains(w.Id))
            .Where(AccessPolicy.WorkspacesWhereUpdatesMayBePinned(actor))
            .Select(w => w.Id).ToListAsync(cancellationToken)).ToHashSet();
        return rows.Select(r => new UpdateView(r.Update.Id, r.Update.WorkspaceId, r.WorkspaceName, people.GetValueOrDefault(r.Update.AuthorId),
            r.Update.Text, r.Update.AttachmentUrl, r.Update.PostedAt, r.Update.IsPinned, pinnable.Contains(r.Update.WorkspaceId))).ToList();
    }

    private static async Task<Workspace> LoadReadableAsync(PortalDbContext db, Actor actor, Guid workspaceId, CancellationToken cancellationToken,
        string notFoundCode = "workspace.notfound")
    {
        var workspace = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.MemberId == actor.MemberId))
            .SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);
        if (workspace is null || !AccessPolicy.CanReadWorkspace(actor, workspace))
            throw new NotFoundException(notFoundCode);
        return workspace;
    }
}
