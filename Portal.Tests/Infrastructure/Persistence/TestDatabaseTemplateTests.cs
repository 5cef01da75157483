using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Persistence;

/// <summary>The model agrees with each provider's migrations, and the per-test copies of the template
/// databases (ADR 0013) are what the tests take them for.</summary>
public abstract class TestDatabaseTemplateTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Model_has_no_changes_that_the_migrations_lack()
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await using var db = await database.Contexts.CreateDbContextAsync();

        // A model change without a migration for this provider: add one (README, "Migrations").
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task Copy_has_every_migration_applied()
    {
        await using var database = await TestDatabase.CreateAsync(provider, seed: false);
        await using var db = await database.Contexts.CreateDbContextAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
    }

    [Fact]
    public async Task Unseeded_copy_is_empty_and_seeded_copy_has_the_demo_data()
    {
        await using var empty = await TestDatabase.CreateAsync(provider, seed: false);
        await using var seeded = await TestDatabase.CreateAsync(provider);

        await using (var db = await empty.Contexts.CreateDbContextAsync())
            (await db.Organisations.AnyAsync()).ShouldBeFalse();
        await using (var db = await seeded.Contexts.CreateDbContextAsync())
            (await db.Members.SingleAsync(m => m.Id == DemoData.Personas.NmtLead)).DisplayName.ShouldBe("Erik Sandberg");
    }

    [Fact]
    public async Task A_change_in_one_copy_is_not_seen_in_another()
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using (var db = await first.Contexts.CreateDbContextAsync())
        {
            db.Organisations.Add(Organisation.Create("Endast i den första kopian", OrganisationKind.Ngo, null, null, [], null, null));
            await db.SaveChangesAsync();
        }

        await using var second = await TestDatabase.CreateAsync(provider);

        await using var other = await second.Contexts.CreateDbContextAsync();
        (await other.Organisations.AnyAsync(o => o.Name == "Endast i den första kopian")).ShouldBeFalse();
        (await other.Organisations.AnyAsync()).ShouldBeTrue();
        first.Options.ConnectionString.ShouldNotBe(second.Options.ConnectionString);
    }
}

public sealed class SqliteTestDatabaseTemplateTests() : TestDatabaseTemplateTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresTestDatabaseTemplateTests() : TestDatabaseTemplateTests(DatabaseProvider.Postgres);
