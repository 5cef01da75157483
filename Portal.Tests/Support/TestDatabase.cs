using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portal.Infrastructure;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Support;

/// <summary>A real, empty-then-migrated database of one provider, with the portal's infrastructure
/// services built on it. SQLite lives in a temporary file; PostgreSQL gets a fresh database on the
/// server that the test script started (PORTAL_TEST_POSTGRES).</summary>
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

    /// <summary>Creates, migrates and (by default) fills the database with the demo data.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool seed = true,
        Action<IServiceCollection>? configure = null)
    {
        var (options, drop) = provider == DatabaseProvider.Postgres ? CreatePostgres() : CreateSqlite();
        options.SeedDemoData = seed;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalInfrastructure(options);
        configure?.Invoke(services);
        var provider1 = services.BuildServiceProvider();
        var database = new TestDatabase(options, provider1, drop);
        await provider1.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        return database;
    }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with the README's test command (./test.sh), which starts PostgreSQL on loopback.");

    /// <summary>A new database on the test server, for a WebApplicationFactory to migrate itself.</summary>
    public static (string ConnectionString, Action Drop) NewPostgresDatabase()
    {
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
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

    /// <summary>A new SQLite file in a temporary folder.</summary>
    public static (string ConnectionString, string Folder) NewSqliteDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return ($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False", folder);
    }

    private static (DatabaseOptions, Action) CreatePostgres()
    {
        var (connectionString, drop) = NewPostgresDatabase();
        return (new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, drop);
    }

    private static (DatabaseOptions, Action) CreateSqlite()
    {
        var (connectionString, folder) = NewSqliteDatabase();
        return (new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString }, () =>
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
