using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using P = Portal.Infrastructure.Seeding.DemoData.Personas;
using W = Portal.Infrastructure.Seeding.DemoData.Workspaces;

namespace Portal.Tests.Infrastructure.Workspaces;

/// <summary>A workspace's rules span its membership rows, so two changes made from the same snapshot
/// must not both be saved: the root's version decides, the loser is refused with a code the UI
/// shows, and the rule ("a workspace keeps a lead") holds.</summary>
public abstract class WorkspaceConcurrencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;

    private WorkspaceService Workspaces => _database.Get<WorkspaceService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        // NMT gets a second lead, so that either lead alone may leave.
        await Workspaces.ChangeRoleAsync(P.NmtLead, W.Nmt, P.NmtPolice, MembershipRole.Lead);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_leads_saving_their_leave_from_the_same_snapshot_leave_exactly_one_lead()
    {
        await using var first = await _database.Contexts.CreateDbContextAsync();
        await using var second = await _database.Contexts.CreateDbContextAsync();
        var asErik = await first.Workspaces.Include(w => w.Memberships).SingleAsync(w => w.Id == W.Nmt);
        var asKarin = await second.Workspaces.Include(w => w.Memberships).SingleAsync(w => w.Id == W.Nmt);
        asErik.Leave(P.NmtLead, DateTimeOffset.UtcNow);   // each snapshot still has the other lead,
        asKarin.Leave(P.NmtPolice, DateTimeOffset.UtcNow); // so the domain rule lets both go

        var saves = await Task.WhenAll(SaveAsync(first), SaveAsync(second));

        saves.Count(failure => failure is null).ShouldBe(1);
        saves.Single(failure => failure is not null).ShouldBeOfType<DbUpdateConcurrencyException>();
        (await LeadsOfNmtAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_leads_leaving_at_once_through_the_use_case_one_wins_and_the_other_is_told_why()
    {
        // Both use cases load NMT (both leads active) before either saves.
        using var bothLoaded = new Barrier(2);
        var racing = new WorkspaceService(new GatedContexts(_database.Contexts, () => Meet(bothLoaded)), TimeProvider.System,
            _database.Get<Portal.Infrastructure.Features.Notifications.Notifier>(), _database.Get<Portal.Infrastructure.WriteLimits.WriteLimiter>());

        var results = await Task.WhenAll(
            Attempt(() => racing.LeaveAsync(P.NmtLead, W.Nmt)),
            Attempt(() => racing.LeaveAsync(P.NmtPolice, W.Nmt)));

        results.Count(code => code is null).ShouldBe(1);
        results.Single(code => code is not null).ShouldBe(WorkspaceService.ChangedConcurrently);
        var leads = await LeadsOfNmtAsync();
        leads.Count.ShouldBe(1);
        // The one refused is the one still leading; trying again now gives the rule's own answer.
        var remaining = leads.Single();
        (await Should.ThrowAsync<DomainRuleException>(() => Workspaces.LeaveAsync(remaining, W.Nmt)))
            .Code.ShouldBe("membership.last-lead");
    }

    [Fact]
    public async Task Approving_a_request_while_the_approver_is_made_a_member_is_refused_and_the_request_stays()
    {
        await Workspaces.RequestToJoinAsync(P.RegionalCoordinator, W.Nmt, "Metodstöd i Skåne");
        // Karin approves from a snapshot in which she leads; Erik demotes her before her save.
        var racing = new WorkspaceService(new GatedContexts(_database.Contexts,
            () => Workspaces.ChangeRoleAsync(P.NmtLead, W.Nmt, P.NmtPolice, MembershipRole.Member)), TimeProvider.System,
            _database.Get<Portal.Infrastructure.Features.Notifications.Notifier>(), _database.Get<Portal.Infrastructure.WriteLimits.WriteLimiter>());

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => racing.ApproveRequestAsync(P.NmtPolice, W.Nmt, P.RegionalCoordinator));

        refusal.Code.ShouldBe(WorkspaceService.ChangedConcurrently);
        var asErik = await Workspaces.GetAsync(P.NmtLead, W.Nmt);
        asErik.PendingRequests!.ShouldContain(r => r.Person.MemberId == P.RegionalCoordinator);
        asErik.Roster!.Single(r => r.Person.MemberId == P.NmtPolice).Role.ShouldBe(MembershipRole.Member);
        // Now that she is no longer a lead, her retry is refused by the policy, not by the race.
        await Should.ThrowAsync<AccessDeniedException>(() => Workspaces.ApproveRequestAsync(P.NmtPolice, W.Nmt, P.RegionalCoordinator));
    }

    [Fact]
    public async Task An_administrator_changing_the_visibility_while_a_lead_approves_loses_cleanly_and_can_retry()
    {
        await Workspaces.RequestToJoinAsync(P.RegionalCoordinator, W.Nmt, null);
        var administration = new AdministrationService(new GatedContexts(_database.Contexts,
            () => Workspaces.ApproveRequestAsync(P.NmtLead, W.Nmt, P.RegionalCoordinator)), TimeProvider.System,
            _database.Get<Portal.Infrastructure.WriteLimits.WriteLimiter>());
        var input = new WorkspaceInput("NMT", WorkspaceKind.Team, WorkspaceVisibility.Hidden, "Dolt tills vidare", []);

        (await Should.ThrowAsync<DomainRuleException>(() => administration.UpdateWorkspaceAsync(P.Administrator, W.Nmt, input)))
            .Code.ShouldBe(WorkspaceService.ChangedConcurrently);

        var asAdministrator = await Workspaces.GetAsync(P.Administrator, W.Nmt);
        asAdministrator.Visibility.ShouldBe(WorkspaceVisibility.Closed);
        asAdministrator.Roster!.ShouldContain(r => r.Person.MemberId == P.RegionalCoordinator);
        await _database.Get<AdministrationService>().UpdateWorkspaceAsync(P.Administrator, W.Nmt, input);
        (await Workspaces.GetAsync(P.Administrator, W.Nmt)).Visibility.ShouldBe(WorkspaceVisibility.Hidden);
    }

    [Fact]
    public async Task Every_change_to_a_workspace_moves_its_version()
    {
        var before = await VersionOfNmtAsync();
        await Workspaces.RequestToJoinAsync(P.RegionalCoordinator, W.Nmt, null);
        var requested = await VersionOfNmtAsync();
        await Workspaces.ApproveRequestAsync(P.NmtLead, W.Nmt, P.RegionalCoordinator);
        var approved = await VersionOfNmtAsync();
        await Workspaces.LeaveAsync(P.RegionalCoordinator, W.Nmt);
        var left = await VersionOfNmtAsync();

        requested.ShouldBeGreaterThan(before);
        approved.ShouldBeGreaterThan(requested);
        left.ShouldBeGreaterThan(approved);
    }

    [Fact]
    public async Task Every_aggregate_root_in_the_model_has_its_version_as_concurrency_token()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var roots = db.Model.GetEntityTypes().Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType)).ToList();

        roots.Select(e => e.ClrType).ShouldContain(typeof(Workspace));
        roots.ShouldAllBe(e => e.FindProperty(nameof(AggregateRoot.Version))!.IsConcurrencyToken);
    }

    private static Task Meet(Barrier barrier) =>
        barrier.SignalAndWait(Patience) ? Task.CompletedTask : throw new TimeoutException("The other use case never reached its save.");

    private static async Task<Exception?> SaveAsync(PortalDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException exception)
        {
            return exception;
        }
    }

    private static async Task<string?> Attempt(Func<Task> change)
    {
        try
        {
            await Task.Run(change);
            return null;
        }
        catch (DomainRuleException refusal)
        {
            return refusal.Code;
        }
    }

    private async Task<List<Guid>> LeadsOfNmtAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Memberships
            .Where(m => m.WorkspaceId == W.Nmt && m.Status == MembershipStatus.Active && m.Role == MembershipRole.Lead)
            .Select(m => m.MemberId).ToListAsync();
    }

    private async Task<long> VersionOfNmtAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Workspaces.Where(w => w.Id == W.Nmt).Select(w => w.Version).SingleAsync();
    }

    /// <summary>Hands out the real contexts, and runs <paramref name="beforeSave"/> when one of them
    /// starts saving: after the use case has loaded and decided, before its write — the moment a
    /// concurrent change lands in a real race.</summary>
    private sealed class GatedContexts(IDbContextFactory<PortalDbContext> inner, Func<Task> beforeSave) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => Gate(inner.CreateDbContext());

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            Gate(await inner.CreateDbContextAsync(cancellationToken));

        /// <summary>The same context with a gate where the save's transaction starts: a use case saves
        /// inside the transaction that counts its write (ADR 0019), and on SQLite that transaction holds
        /// the write lock, so waiting inside it for the other change would wait forever.</summary>
        private PortalDbContext Gate(PortalDbContext db)
        {
            var options = db.GetService<IDbContextOptions>();
            var gate = new TransactionGate(beforeSave);
            PortalDbContext gated = db switch
            {
                SqlitePortalDbContext => new SqlitePortalDbContext(
                    new DbContextOptionsBuilder<SqlitePortalDbContext>((DbContextOptions<SqlitePortalDbContext>)options).AddInterceptors(gate).Options),
                _ => new PostgresPortalDbContext(
                    new DbContextOptionsBuilder<PostgresPortalDbContext>((DbContextOptions<PostgresPortalDbContext>)options).AddInterceptors(gate).Options),
            };
            db.Dispose();
            return gated;
        }
    }

    private sealed class TransactionGate(Func<Task> beforeSave) : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result)
        {
            beforeSave().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await beforeSave();
            return result;
        }
    }
}

public sealed class SqliteWorkspaceConcurrencyTests() : WorkspaceConcurrencyTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresWorkspaceConcurrencyTests() : WorkspaceConcurrencyTests(DatabaseProvider.Postgres);
