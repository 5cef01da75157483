using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portal.Infrastructure;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Support;

/// <summary>Migrated (and seeded) databases made once per provider and variant, which each test copies
/// (ADR 0013): a SQLite file copied, a PostgreSQL database created with TEMPLATE. Named by a hash of the
/// code that shapes them, so a template from older migrations or demo data is never used.</summary>
public static class DatabaseTemplates
{
    private static readonly ConcurrentDictionary<(DatabaseProvider, bool), Lazy<Task<string>>> Made = new();

    /// <summary>Changes whenever the migrations, the model or the demo data change: deterministic builds
    /// give an assembly the same MVID exactly when its content is the same.</summary>
    public static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|",
        typeof(PortalDbContext).Assembly.ManifestModule.ModuleVersionId,
        typeof(Portal.Domain.Common.Entity).Assembly.ManifestModule.ModuleVersionId))))[..12];

    private static string SqliteFolder => Path.Combine(Path.GetTempPath(), "portal-tests", "templates");

    /// <summary>A new SQLite file at <paramref name="file"/>, copied from the template.</summary>
    public static async Task CopySqliteAsync(string file, bool seed)
    {
        var template = await TemplateAsync(DatabaseProvider.Sqlite, seed);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(template, file);
    }

    /// <summary>A new database on the test server, created from the template; returns its name.</summary>
    public static async Task<string> CopyPostgresAsync(bool seed)
    {
        var template = await TemplateAsync(DatabaseProvider.Postgres, seed);
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await OpenServerAsync();
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
        return name;
    }

    private static Task<string> TemplateAsync(DatabaseProvider provider, bool seed) =>
        Made.GetOrAdd((provider, seed), key => new Lazy<Task<string>>(() => key.Item1 == DatabaseProvider.Postgres
            ? MakePostgresAsync(key.Item2)
            : MakeSqliteAsync(key.Item2))).Value;

    private static async Task<string> MakeSqliteAsync(bool seed)
    {
        var path = Path.Combine(SqliteFolder, $"portal-{Version}-{Variant(seed)}.db");
        if (File.Exists(path))
            return path; // made by an earlier run of the same build
        Directory.CreateDirectory(SqliteFolder);
        var building = $"{path}.{Guid.NewGuid():N}.building";
        await InitialiseAsync(DatabaseProvider.Sqlite, $"Data Source={building};Pooling=False", seed);
        SqliteConnection.ClearAllPools();
        try
        {
            // Atomic: a parallel run sees the whole template or none.
            File.Move(building, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(building); // another run made the same template first
        }
        return path;
    }

    private static async Task<string> MakePostgresAsync(bool seed)
    {
        var name = $"portal_template_{Version}_{Variant(seed)}";
        await using var server = await OpenServerAsync();
        // One builder at a time on this server (test classes run in parallel); the others wait, then find it.
        await ExecuteAsync(server, "SELECT pg_advisory_lock(4711)");
        try
        {
            await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", server))
            {
                exists.Parameters.AddWithValue("name", name);
                if ((long)(await exists.ExecuteScalarAsync())! > 0)
                    return name;
            }
            // Built under another name and renamed when complete, so a half-built template is never copied.
            var building = name + "_building";
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE {building}");
            var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = building, Pooling = false };
            await InitialiseAsync(DatabaseProvider.Postgres, connection.ConnectionString, seed);
            await ExecuteAsync(server, $"ALTER DATABASE {building} RENAME TO {name}");
            // A template must have no connections while it is copied: refuse them outright.
            await ExecuteAsync(server, $"ALTER DATABASE {name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return name;
        }
        finally
        {
            await ExecuteAsync(server, "SELECT pg_advisory_unlock(4711)");
        }
    }

    /// <summary>The portal's own start-up path: migrations, then (when asked) the demo data.</summary>
    private static async Task InitialiseAsync(DatabaseProvider provider, string connectionString, bool seed)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalInfrastructure(new DatabaseOptions { Provider = provider, ConnectionString = connectionString, SeedDemoData = seed });
        await using var built = services.BuildServiceProvider();
        await built.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
    }

    private static string Variant(bool seed) => seed ? "seeded" : "empty";

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        // Unpooled: the server connection holds the advisory lock and must really close.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
