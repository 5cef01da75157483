using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Access;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Subjects;

public static class SubjectKindRegistration
{
    /// <summary>Registers a feature's subject kind with notifications, search and links.</summary>
    public static IServiceCollection AddSubjectKind<TKind>(this IServiceCollection services) where TKind : class, ISubjectKind
    {
        services.TryAddSingleton<SubjectRegistry>();
        services.AddSingleton<ISubjectKind, TKind>();
        return services;
    }
}

/// <summary>A discussion thread: visible when one of its workspaces is readable.</summary>
public sealed class ThreadSubjectKind : ISubjectKind
{
    public const string Name = "thread";

    public string Kind => Name;

    public static SubjectRef Of(Guid threadId) => new(Name, threadId);

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.Threads.Where(AccessPolicy.VisibleThreads(actor)).Select(t => t.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Threads.AsNoTracking()
            .Where(AccessPolicy.VisibleThreads(actor))
            .Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Title, WorkspaceIds = t.Workspaces.Select(w => w.WorkspaceId).ToList() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SubjectInfo(Of(r.Id), r.Title, $"/threads/{r.Id}", r.WorkspaceIds));
    }

    /// <summary>Two queries for any number of members: the thread, and its workspaces with those
    /// members' memberships; the policy's item face decides for each.</summary>
    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeForMembersAsync(PortalDbContext db, Guid id,
        IReadOnlyCollection<Actor> members, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.AsNoTracking().Include(t => t.Workspaces).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null)
            return new Dictionary<Guid, SubjectInfo>();
        var memberIds = members.Select(m => m.MemberId).ToList();
        var workspaceIds = thread.WorkspaceIds;
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => memberIds.Contains(m.MemberId)))
            .Where(w => workspaceIds.Contains(w.Id))
            .ToListAsync(cancellationToken);
        var info = new SubjectInfo(Of(id), thread.Title, $"/threads/{id}", workspaceIds);
        return members.Where(m => AccessPolicy.CanSeeThread(m, thread, workspaces)).ToDictionary(m => m.MemberId, _ => info);
    }
}

/// <summary>A workspace, as far as the actor may know it exists (membership news such as an
/// invitation or a decline concern workspaces the member cannot read).</summary>
public sealed class WorkspaceSubjectKind : ISubjectKind
{
    public const string Name = "workspace";

    public string Kind => Name;

    public static SubjectRef Of(Guid workspaceId) => new(Name, workspaceId);

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.Workspaces.Where(AccessPolicy.VisibleWorkspaces(actor)).Select(w => w.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.Workspaces.AsNoTracking()
            .Where(AccessPolicy.VisibleWorkspaces(actor))
            .Where(w => ids.Contains(w.Id))
            .Select(w => new { w.Id, w.Name })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SubjectInfo(Of(r.Id), r.Name, $"/workspaces/{r.Id}", [r.Id]));
    }

    /// <summary>One query for any number of members: the workspace with those members' memberships.</summary>
    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeForMembersAsync(PortalDbContext db, Guid id,
        IReadOnlyCollection<Actor> members, CancellationToken cancellationToken)
    {
        var memberIds = members.Select(m => m.MemberId).ToList();
        var workspace = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => memberIds.Contains(m.MemberId)))
            .SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workspace is null)
            return new Dictionary<Guid, SubjectInfo>();
        var info = new SubjectInfo(Of(id), workspace.Name, $"/workspaces/{id}", [id]);
        return members.Where(m => AccessPolicy.CanSeeWorkspace(m, workspace)).ToDictionary(m => m.MemberId, _ => info);
    }
}
