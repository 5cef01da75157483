using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using P = Portal.Infrastructure.Seeding.DemoData.Personas;
using W = Portal.Infrastructure.Seeding.DemoData.Workspaces;

namespace Portal.Tests.Infrastructure.Access;

/// <summary>The access policy's two faces must agree: for every member and every workspace, the
/// per-item check on the loaded workspace says yes exactly when the list query returns it. Run on
/// the demo data plus the states that are easy to get wrong (invited to a hidden workspace, left,
/// removed, requested, declined, withdrawn, administrator).</summary>
public abstract class WorkspaceAccessConsistencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await AddTrickyStatesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task AddTrickyStatesAsync()
    {
        var workspaces = _database.Get<WorkspaceService>();
        var administration = _database.Get<AdministrationService>();

        // A second hidden workspace, led by a non-administrator, with one invitee still deciding.
        var hidden = await administration.CreateWorkspaceAsync(P.Administrator,
            new WorkspaceInput("Skyddad arbetsgrupp", WorkspaceKind.WorkingGroup, WorkspaceVisibility.Hidden, null, [P.NmtPolice]));
        await workspaces.InviteAsync(P.NmtPolice, hidden, P.RegionalCoordinator, MembershipRole.Member);
        await workspaces.InviteAsync(P.Administrator, W.SteeringGroup, P.LampLead, MembershipRole.Observer);
        // Left, removed, requested, declined and withdrawn.
        await workspaces.LeaveAsync(P.NmtPolice, W.ManualRevision);
        await workspaces.RemoveMemberAsync(P.NmtLead, W.Nmt, DemoData.IdFor("member:mats.olsson"), "Byter tjänst");
        await workspaces.RequestToJoinAsync(P.RegionalCoordinator, W.Nmt, "Metodstöd i Skåne");
        await workspaces.RequestToJoinAsync(P.NgoMember, W.Lamp, null);
        await workspaces.DeclineRequestAsync(P.LampLead, W.Lamp, P.NgoMember, "Endast länsstyrelser");
        await workspaces.RequestToJoinAsync(P.NgoMember, W.ManualRevision, null);
        await workspaces.WithdrawRequestAsync(P.NgoMember, W.ManualRevision);
        // Someone who left a hidden workspace knows it no more.
        await workspaces.LeaveAsync(DemoData.IdFor("member:johanna.wall"), W.SteeringGroup);
    }

    [Fact]
    public async Task Can_see_workspace_agrees_with_the_visible_workspaces_query_for_every_member_and_workspace()
    {
        var disagreements = await CompareAsync(AccessPolicy.CanSeeWorkspace, AccessPolicy.VisibleWorkspaces);

        disagreements.ShouldBeEmpty();
    }

    [Fact]
    public async Task Can_read_workspace_agrees_with_the_readable_workspaces_query_for_every_member_and_workspace()
    {
        var disagreements = await CompareAsync(AccessPolicy.CanReadWorkspace, AccessPolicy.ReadableWorkspaces);

        disagreements.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_data_covers_every_kind_of_answer()
    {
        // Guards the two tests above against passing on data that never says no (or never yes).
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var statuses = await db.Memberships.Select(m => m.Status).Distinct().ToListAsync();
        statuses.ShouldBe(Enum.GetValues<MembershipStatus>(), ignoreOrder: true);

        var workspaces = await db.Workspaces.Include(x => x.Memberships).ToListAsync();
        var actors = await ActorsAsync(db);
        var seen = actors.SelectMany(a => workspaces.Select(x => AccessPolicy.CanSeeWorkspace(a, x))).ToList();
        var read = actors.SelectMany(a => workspaces.Select(x => AccessPolicy.CanReadWorkspace(a, x))).ToList();
        seen.ShouldContain(true);
        seen.ShouldContain(false);
        read.ShouldContain(true);
        read.ShouldContain(false);
    }

    private async Task<List<string>> CompareAsync(
        Func<Actor, Workspace, bool> itemCheck,
        Func<Actor, System.Linq.Expressions.Expression<Func<Workspace, bool>>> listFilter)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var workspaces = await db.Workspaces.AsNoTracking().Include(x => x.Memberships).ToListAsync();
        var actors = await ActorsAsync(db);
        actors.Count.ShouldBeGreaterThan(40);
        workspaces.Count.ShouldBe(7);

        var disagreements = new List<string>();
        foreach (var actor in actors)
        {
            var listed = (await db.Workspaces.AsNoTracking().Where(listFilter(actor)).Select(x => x.Id).ToListAsync()).ToHashSet();
            foreach (var workspace in workspaces)
            {
                var allowed = itemCheck(actor, workspace);
                if (allowed != listed.Contains(workspace.Id))
                    disagreements.Add($"member {actor.MemberId} / workspace '{workspace.Name}': item says {allowed}, list says {!allowed}");
            }
        }
        return disagreements;
    }

    private static Task<List<Actor>> ActorsAsync(PortalDbContext db) =>
        db.Members.AsNoTracking().Select(m => new Actor(m.Id, m.OrganisationId, m.IsAdministrator)).ToListAsync();
}

public sealed class SqliteWorkspaceAccessConsistencyTests() : WorkspaceAccessConsistencyTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresWorkspaceAccessConsistencyTests() : WorkspaceAccessConsistencyTests(DatabaseProvider.Postgres);
