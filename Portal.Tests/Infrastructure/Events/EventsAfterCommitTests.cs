using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Discussions;

namespace Portal.Tests.Infrastructure.Events;

/// <summary>Domain events go out only once their change is committed: right after a plain save, or,
/// inside an explicit transaction, at its commit — never for a rollback.</summary>
public abstract class EventsAfterCommitTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private readonly ConcurrentQueue<MembershipChanged> _heard = new();

    private IDisposable Listen() =>
        Database.Get<IEventBus>().Subscribe<MembershipChanged>(e => { _heard.Enqueue(e); return Task.CompletedTask; });

    /// <summary>A demo member who has never been in the open network.</summary>
    private async Task<Guid> OutsiderAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Members.Where(m => !db.Memberships.Any(s => s.MemberId == m.Id && s.WorkspaceId == DemoData.Workspaces.InformationNetwork))
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    private async Task<Workspace> OpenNetworkAsync(PortalDbContext db) =>
        await db.Workspaces.AsTracking().Include(w => w.Memberships).SingleAsync(w => w.Id == DemoData.Workspaces.InformationNetwork);

    [Fact]
    public async Task Events_saved_inside_a_transaction_wait_for_its_commit()
    {
        var outsider = await OutsiderAsync();
        using var subscription = Listen();
        await using var db = await Database.Contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        (await OpenNetworkAsync(db)).Join(outsider, DateTimeOffset.UtcNow);

        await db.SaveChangesAsync();
        _heard.ShouldBeEmpty();

        await transaction.CommitAsync();
        _heard.ShouldHaveSingleItem().MemberId.ShouldBe(outsider);
    }

    [Fact]
    public async Task Events_of_a_rolled_back_transaction_are_never_published()
    {
        var outsider = await OutsiderAsync();
        using var subscription = Listen();
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await OpenNetworkAsync(db)).Join(outsider, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        _heard.ShouldBeEmpty();
        await using var check = await Database.Contexts.CreateDbContextAsync();
        (await OpenNetworkAsync(check)).IsActiveMember(outsider).ShouldBeFalse();
    }

    [Fact]
    public async Task Events_of_a_plain_save_go_out_at_once()
    {
        var outsider = await OutsiderAsync();
        using var subscription = Listen();
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await OpenNetworkAsync(db)).Join(outsider, DateTimeOffset.UtcNow);

        await db.SaveChangesAsync();

        _heard.ShouldHaveSingleItem();
    }
}

public sealed class SqliteEventsAfterCommitTests() : EventsAfterCommitTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresEventsAfterCommitTests() : EventsAfterCommitTests(DatabaseProvider.Postgres);
