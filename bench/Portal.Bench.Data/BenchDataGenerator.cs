using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Bench.Data;

/// <summary>What a generation run did: the world (for load clients), rows per table and the time.</summary>
public sealed record GenerationReport(GeneratedWorld World, IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<(string Part, TimeSpan Time)> Parts, TimeSpan SaveTime, TimeSpan Total);

/// <summary>Creates the schema with the product's own migrations and fills it, part after part
/// (<see cref="BenchDataParts.All"/>). The database must be empty: generated ids and the demo data's
/// do not mix.</summary>
public static class BenchDataGenerator
{
    public static async Task<GenerationReport> GenerateAsync(BenchDataOptions options, IReadOnlyList<IBenchDataPart>? parts = null,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        parts ??= BenchDataParts.All;
        log ??= _ => { };
        var db = CreateContext(options);
        await using var writer = new BenchWriter(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (await db.Organisations.AnyAsync(cancellationToken) || await db.Members.AnyAsync(cancellationToken))
            throw new InvalidOperationException("The database already has organisations or members: generate into an empty one.");

        await db.Database.OpenConnectionAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
            // A generation that fails is simply run again: no need to wait for the disk at each commit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF", cancellationToken);

        var world = new GeneratedWorld(options);
        var timings = new List<(string, TimeSpan)>();
        foreach (var part in parts)
        {
            var started = Stopwatch.StartNew();
            await part.WriteAsync(world, writer, cancellationToken);
            await writer.FlushAsync(cancellationToken);
            timings.Add((part.Name, started.Elapsed));
            log($"{part.Name}: {started.Elapsed.TotalSeconds:0.0} s");
        }
        // Fresh statistics, as a database that has grown to this size would have (autovacuum's work).
        if (options.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        return new GenerationReport(world, new Dictionary<string, long>(writer.Rows), timings, writer.SaveTime, total.Elapsed);
    }

    /// <summary>The provider's context on its own, without the product's interceptors: the rows carry
    /// their own times and authors, and generated history raises no events.</summary>
    public static PortalDbContext CreateContext(BenchDataOptions options)
    {
        PortalDbContext db = options.Provider switch
        {
            DatabaseProvider.Postgres => new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
                .UseNpgsql(options.ConnectionString, npgsql => npgsql.CommandTimeout(600)).Options),
            _ => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite(options.ConnectionString, sqlite => sqlite.CommandTimeout(600)).Options),
        };
        return db;
    }
}

/// <summary>Sets what the domain generates itself (ids, security stamps, row versions) from the seed,
/// so that the same seed gives the same rows. The demo data sets its ids the same way.</summary>
internal static class Seeded
{
    private static readonly PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    public static T WithId<T>(this T entity, Guid id) where T : Entity
    {
        IdProperty.SetValue(entity, id);
        return entity;
    }

    public static void Set<T>(T target, string property, object? value) =>
        (typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new MissingMemberException(typeof(T).Name, property)).SetValue(target, value);

    public static void Created(IAuditable row, DateTimeOffset at, Guid? by)
    {
        row.CreatedAt = at;
        row.CreatedBy = by;
    }
}
