using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portal.Infrastructure;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Support;

/// <summary>A real, migrated database of one provider, with the portal's infrastructure services built
/// on it. Each is a copy of a template migrated (and seeded) once per test run (ADR 0013): SQLite in a
/// temporary file, PostgreSQL a database on the server that the test script started (PORTAL_TEST_POSTGRES).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly Action _drop;

    private TestDatabase(DatabaseOptions options, ServiceProvider services, Action drop)
    {
        Options = options;
        Services = services;
        _drop = drop;
    }

    public DatabaseOptions Options { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<PortalDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A migrated database, by default with the demo data.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool seed = true,
        Action<IServiceCollection>? configure = null)
    {
        var options = new DatabaseOptions { Provider = provider, SeedDemoData = seed };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalInfrastructure(options);
        // Attached files in a folder of this database's own (the default is relative to the working folder).
        var files = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"), "files");
        services.AddSingleton(new Portal.Infrastructure.Features.Documents.Files.DocumentFileOptions { Folder = files });
        configure?.Invoke(services);

        // The demo data is stamped with the seeding clock's time: a test that brings a clock of its
        // own gets an empty copy and seeds it with that clock, as a fresh database used to be.
        var seedHere = seed && HasClockOfItsOwn(services);
        Action drop;
        if (provider == DatabaseProvider.Postgres)
            (options.ConnectionString, drop) = await CopyPostgresAsync(seed && !seedHere);
        else
            (options.ConnectionString, drop) = await CopySqliteAsync(seed && !seedHere);

        var dropDatabase = drop;
        drop = () =>
        {
            dropDatabase();
            try { System.IO.Directory.Delete(Path.GetDirectoryName(files)!, recursive: true); } catch (IOException) { /* never created, or best effort */ }
        };
        // The context factory reads the connection string when first used, which is after this.
        var built = services.BuildServiceProvider();
        var database = new TestDatabase(options, built, drop);
        if (seedHere)
        {
            await using var db = await database.Contexts.CreateDbContextAsync();
            await DemoData.SeedAsync(db, built.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        return database;
    }

    private static bool HasClockOfItsOwn(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider)) is { } clock
        && !ReferenceEquals(clock.ImplementationInstance, TimeProvider.System);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with the README's test command (./test.sh), which starts PostgreSQL on loopback.");

    /// <summary>A new database on the test server, already migrated and (by default) seeded, for a
    /// WebApplicationFactory: its migrate-on-start finds nothing pending and its seeding finds data.</summary>
    public static (string ConnectionString, Action Drop) NewPostgresDatabase(bool seed = true) =>
        // Off the caller's synchronization context: xunit's would deadlock a blocking wait.
        Task.Run(() => CopyPostgresAsync(seed)).GetAwaiter().GetResult();

    /// <summary>A new, empty SQLite file in a temporary folder.</summary>
    public static (string ConnectionString, string Folder) NewSqliteDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return (SqliteConnectionString(Path.Combine(folder, "portal.db")), folder);
    }

    /// <summary>Pooling off: a test's file is deleted at the end, and a pooled connection would hold it.</summary>
    public static string SqliteConnectionString(string file) => $"Data Source={file};Pooling=False";

    private static async Task<(string, Action)> CopyPostgresAsync(bool seed)
    {
        var name = await DatabaseTemplates.CopyPostgresAsync(seed);
        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
        return (connectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        });
    }

    private static async Task<(string, Action)> CopySqliteAsync(bool seed)
    {
        var (connectionString, folder) = NewSqliteDatabase();
        await DatabaseTemplates.CopySqliteAsync(Path.Combine(folder, "portal.db"), seed);
        return (connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _drop();
    }
}
