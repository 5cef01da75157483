using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Members;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Members;

/// <summary>The node keeps the actors it loaded lately (ADR 0031); a change that takes rights away
/// still takes effect at the member's very next use case.</summary>
public abstract class ActorCacheTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid CountyBoard = DemoData.IdFor("org:lst-ab");
    private static readonly Guid Lead = DemoData.Personas.NmtLead;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_member_who_acted_a_moment_ago_is_refused_at_once_once_their_organisation_is_disabled()
    {
        var workspaces = _database.Get<WorkspaceService>();
        (await workspaces.ListMineAsync(Lead)).ShouldNotBeEmpty();
        _database.Get<ActorCache>().Find(Lead).ShouldNotBeNull();
        var administration = _database.Get<AdministrationService>();
        await administration.GrantAdministratorAsync(DemoData.Personas.Administrator, DemoData.Personas.NmtPolice);

        await administration.DisableOrganisationAsync(DemoData.Personas.NmtPolice, CountyBoard);

        (await Should.ThrowAsync<AccessDeniedException>(() => workspaces.ListMineAsync(Lead))).Code.ShouldBe("organisation.disabled");
    }

    [Fact]
    public async Task Revoked_administrator_rights_are_gone_at_the_next_use_case()
    {
        var administration = _database.Get<AdministrationService>();
        var police = DemoData.Personas.NmtPolice;
        await administration.GrantAdministratorAsync(DemoData.Personas.Administrator, police);
        (await administration.ListOrganisationsAsync(police)).ShouldNotBeEmpty();

        await administration.RevokeAdministratorAsync(DemoData.Personas.Administrator, police);

        await Should.ThrowAsync<AccessDeniedException>(() => administration.ListOrganisationsAsync(police));
    }

    [Fact]
    public async Task A_pooled_context_does_not_carry_the_acting_member_into_the_next_unit_of_work()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var db = await _database.Contexts.CreateDbContextAsync();
            db.ActingMemberId.ShouldBeNull();
            await db.LoadActorAsync(Lead, CancellationToken.None);
            db.ActingMemberId.ShouldBe(Lead);
        }
    }
}

public sealed class SqliteActorCacheTests() : ActorCacheTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresActorCacheTests() : ActorCacheTests(DatabaseProvider.Postgres);

/// <summary>The cache on its own: its lifetime, and a load racing with a forgetting.</summary>
public sealed class ActorCacheRulesTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly InProcessEventBus _bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly ActorCache _cache;
    private readonly Actor _actor = new(Guid.NewGuid(), Guid.NewGuid(), false);

    public ActorCacheRulesTests() => _cache = new ActorCache(_bus, _clock);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void An_actor_is_kept_for_its_lifetime_and_no_longer()
    {
        _cache.Remember(_actor, _cache.Generation);
        _clock.Advance(ActorCache.Lifetime - TimeSpan.FromSeconds(1));
        _cache.Find(_actor.MemberId).ShouldBe(_actor);

        _clock.Advance(TimeSpan.FromSeconds(1));

        _cache.Find(_actor.MemberId).ShouldBeNull();
    }

    [Fact]
    public async Task Ended_sessions_forget_the_member_on_this_node()
    {
        _cache.Remember(_actor, _cache.Generation);

        await _bus.PublishAsync(new MemberSessionsEnded(_actor.MemberId));

        _cache.Find(_actor.MemberId).ShouldBeNull();
    }

    [Fact]
    public void A_load_that_began_before_a_forgetting_is_not_kept()
    {
        var loadBegan = _cache.Generation;
        // While the member was being read, their sessions ended.
        _cache.Forget(_actor.MemberId);

        _cache.Remember(_actor, loadBegan);

        _cache.Find(_actor.MemberId).ShouldBeNull();
    }
}
