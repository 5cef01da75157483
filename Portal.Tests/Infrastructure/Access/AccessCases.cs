using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Access;

/// <summary>One item of a resource kind, with the access policy's per-item answer for any actor.</summary>
public sealed record AccessItem(Guid Id, string Label, Func<Actor, bool> Allows);

/// <summary>One resource kind's two faces: <see cref="LoadAsync"/> loads every item with the
/// per-item check bound to it; <see cref="Listed"/> is the query face (ids the list query returns).
/// <see cref="QueryFace"/> names the <see cref="AccessPolicy"/> member that the query face uses, so
/// that a query face nobody registered is noticed.</summary>
public sealed record AccessCase(
    string Kind,
    string QueryFace,
    Func<PortalDbContext, Task<IReadOnlyList<AccessItem>>> LoadAsync,
    Func<PortalDbContext, Actor, IQueryable<Guid>> Listed)
{
    public override string ToString() => Kind;
}

/// <summary>The registry of resource kinds that <see cref="AccessConsistencyTests"/> checks. A new
/// feature adds one entry per question its lists ask (see ADR 0008).</summary>
public static class AccessCases
{
    public static readonly IReadOnlyList<AccessCase> All =
    [
        new("workspace (knowing it exists)", nameof(AccessPolicy.VisibleWorkspaces),
            async db => (await WorkspacesAsync(db)).Select(w => Item(w.Id, w.Name, a => AccessPolicy.CanSeeWorkspace(a, w))).ToList(),
            (db, a) => db.Workspaces.Where(AccessPolicy.VisibleWorkspaces(a)).Select(w => w.Id)),

        new("workspace (reading its contents)", nameof(AccessPolicy.ReadableWorkspaces),
            async db => (await WorkspacesAsync(db)).Select(w => Item(w.Id, w.Name, a => AccessPolicy.CanReadWorkspace(a, w))).ToList(),
            (db, a) => db.Workspaces.Where(AccessPolicy.ReadableWorkspaces(a)).Select(w => w.Id)),

        new("thread", nameof(AccessPolicy.VisibleThreads),
            async db =>
            {
                var workspaces = await WorkspacesAsync(db);
                var threads = await db.Threads.AsNoTracking().Include(t => t.Workspaces).ToListAsync();
                return threads.Select(t => Item(t.Id, t.Title, a => AccessPolicy.CanSeeThread(a, t, workspaces))).ToList();
            },
            (db, a) => db.Threads.Where(AccessPolicy.VisibleThreads(a)).Select(t => t.Id)),

        new("post", nameof(AccessPolicy.VisiblePosts),
            async db =>
            {
                var workspaces = await WorkspacesAsync(db);
                var threads = await db.Threads.AsNoTracking().Include(t => t.Workspaces).ToDictionaryAsync(t => t.Id);
                var posts = await db.Posts.AsNoTracking().ToListAsync();
                return posts.Select(p => Item(p.Id, $"post {p.Sequence} in '{threads[p.ThreadId].Title}'",
                    a => AccessPolicy.CanSeePost(a, p, threads[p.ThreadId], workspaces))).ToList();
            },
            (db, a) => db.Posts.Where(AccessPolicy.VisiblePosts(a, db.Threads)).Select(p => p.Id)),

        new("update", nameof(AccessPolicy.VisibleUpdates),
            async db =>
            {
                var workspaces = (await WorkspacesAsync(db)).ToDictionary(w => w.Id);
                var updates = await db.WorkspaceUpdates.AsNoTracking().ToListAsync();
                return updates.Select(u => Item(u.Id, $"update '{u.Text}'",
                    a => AccessPolicy.CanSeeUpdate(a, u, workspaces[u.WorkspaceId]))).ToList();
            },
            (db, a) => db.WorkspaceUpdates.Where(AccessPolicy.VisibleUpdates(a)).Select(u => u.Id)),

        new("workspace (pinning its updates)", nameof(AccessPolicy.WorkspacesWhereUpdatesMayBePinned),
            async db => (await WorkspacesAsync(db)).Select(w => Item(w.Id, w.Name, a => AccessPolicy.CanPinUpdate(a, w))).ToList(),
            (db, a) => db.Workspaces.Where(AccessPolicy.WorkspacesWhereUpdatesMayBePinned(a)).Select(w => w.Id)),

        new("document", nameof(AccessPolicy.VisibleDocuments),
            async db =>
            {
                var workspaces = (await WorkspacesAsync(db)).ToDictionary(w => w.Id);
                var documents = await db.Documents.AsNoTracking().Include(d => d.Versions).ThenInclude(v => v.Reviews).AsSplitQuery().ToListAsync();
                return documents.Select(d => Item(d.Id, $"document '{d.Title}'",
                    a => AccessPolicy.CanSeeDocument(a, d, d.WorkspaceId is { } w ? workspaces[w] : null))).ToList();
            },
            (db, a) => db.Documents.Where(AccessPolicy.VisibleDocuments(a)).Select(d => d.Id)),

        new("meeting", nameof(AccessPolicy.VisibleMeetings),
            async db =>
            {
                var workspaces = await WorkspacesAsync(db);
                var meetings = await db.Meetings.AsNoTracking().Include(m => m.Workspaces).Include(m => m.Invitees).AsSplitQuery().ToListAsync();
                return meetings.Select(m => Item(m.Id, $"meeting '{m.Title}'", a => AccessPolicy.CanSeeMeeting(a, m, workspaces))).ToList();
            },
            (db, a) => db.Meetings.Where(AccessPolicy.VisibleMeetings(a)).Select(m => m.Id)),
        // Method support: both query faces (with the standing loaded first, and worked out in the query itself).
        new("support request", nameof(AccessPolicy.VisibleSupportRequests),
            SupportRequestItemsAsync,
            (db, a) => db.SupportRequests.Where(AccessPolicy.VisibleSupportRequests(a, SupportStandingOf(db, a))).Select(r => r.Id)),

        new("support request (standing in the query)", nameof(AccessPolicy.VisibleSupportRequestsFromDesk),
            SupportRequestItemsAsync,
            (db, a) => db.SupportRequests.Where(AccessPolicy.VisibleSupportRequestsFromDesk(a, db.SupportDesks, db.Memberships)).Select(r => r.Id)),
        // Assignments and the plan: the standing as the use cases work it out, with the demo's coordinator organisation.
        new("government assignment", nameof(AccessPolicy.VisibleAssignments),
            async db =>
            {
                var activities = await db.PlannedActivities.AsNoTracking().ToListAsync();
                var assignments = await db.GovernmentAssignments.AsNoTracking().ToListAsync();
                return assignments.Select(g => Item(g.Id, $"assignment {g.RegistrationNumber}",
                    a => AccessPolicy.CanSeeAssignment(a, AssignmentStandingOf(a), g, activities))).ToList();
            },
            (db, a) => db.GovernmentAssignments.Where(AccessPolicy.VisibleAssignments(a, AssignmentStandingOf(a), db.PlannedActivities)).Select(g => g.Id)),

        new("planned activity", nameof(AccessPolicy.VisibleActivities),
            async db => (await db.PlannedActivities.AsNoTracking().ToListAsync())
                .Select(p => Item(p.Id, $"activity '{p.Title}'", a => AccessPolicy.CanSeeActivity(a, AssignmentStandingOf(a), p))).ToList(),
            (db, a) => db.PlannedActivities.Where(AccessPolicy.VisibleActivities(a, AssignmentStandingOf(a))).Select(p => p.Id)),

        new("budget line", nameof(AccessPolicy.VisibleBudgetLines),
            async db => (await db.Set<Portal.Domain.Assignments.BudgetLine>().AsNoTracking().ToListAsync())
                .Select(l => Item(l.Id, $"budget line {l.ExpenditureArea} {l.Appropriation}", a => AccessPolicy.CanSeeBudget(AssignmentStandingOf(a)))).ToList(),
            (db, a) => db.Set<Portal.Domain.Assignments.BudgetLine>().Where(AccessPolicy.VisibleBudgetLines(AssignmentStandingOf(a))).Select(l => l.Id)),
    ];

    /// <summary>The coordinator's organisation as the demo configures it (<c>Portal:Assignments:CoordinatorOrganisationId</c>).</summary>
    public static readonly Guid CoordinatorOrganisation = Portal.Infrastructure.Seeding.DemoData.IdFor("org:lst-ab");

    private static Portal.Domain.Access.AssignmentStanding AssignmentStandingOf(Actor actor) =>
        AccessPolicy.StandingInAssignments(actor, CoordinatorOrganisation);

    private static async Task<IReadOnlyList<AccessItem>> SupportRequestItemsAsync(PortalDbContext db)
    {
        var desk = await db.SupportDesks.AsNoTracking().FirstOrDefaultAsync();
        var memberships = desk is null ? [] : await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == desk.WorkspaceId).ToListAsync();
        var requests = await db.SupportRequests.AsNoTracking().Include(r => r.Assignees).Include(r => r.Viewers).AsSplitQuery().ToListAsync();
        Portal.Domain.Access.SupportStanding Standing(Actor a) =>
            AccessPolicy.StandingOnDesk(a, desk, memberships.FirstOrDefault(m => m.MemberId == a.MemberId));
        return requests.Select(r => Item(r.Id, $"support request {r.Reference}", a => AccessPolicy.CanSeeSupportRequest(a, Standing(a), r))).ToList();
    }

    /// <summary>The standing as the use cases load it (synchronously: the harness's list face is a query).</summary>
    private static Portal.Domain.Access.SupportStanding SupportStandingOf(PortalDbContext db, Actor actor)
    {
        var desk = db.SupportDesks.AsNoTracking().FirstOrDefault();
        var membership = desk is null ? null : db.Memberships.AsNoTracking().FirstOrDefault(m => m.WorkspaceId == desk.WorkspaceId && m.MemberId == actor.MemberId);
        return AccessPolicy.StandingOnDesk(actor, desk, membership);
    }

    private static AccessItem Item(Guid id, string label, Func<Actor, bool> allows) => new(id, label, allows);

    /// <summary>Every workspace with every membership: a superset of what the use cases load.</summary>
    private static async Task<IReadOnlyList<Workspace>> WorkspacesAsync(PortalDbContext db) =>
        await db.Workspaces.AsNoTracking().Include(w => w.Memberships).ToListAsync();
}
