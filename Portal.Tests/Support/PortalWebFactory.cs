using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Support;

/// <summary>The whole portal in-process on a real database of the chosen provider, with demo data
/// and the demo sign-in. <see cref="UseRealPort"/> makes it listen on loopback for Chromium.</summary>
public class PortalWebFactory(DatabaseProvider provider) : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
    private Action? _drop;

    /// <summary>Extra settings (for example Entra or production switches) a test wants.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public string Environment { get; set; } = "Development";

    public DatabaseProvider Provider => provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataFolder);
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            (connectionString, _drop) = TestDatabase.NewPostgresDatabase();
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(_dataFolder, "portal.db")};Pooling=False";
            _drop = SqliteConnection.ClearAllPools;
        }
        builder.UseEnvironment(Environment);
        builder.UseSetting("Portal:DataFolder", _dataFolder);
        builder.UseSetting("Portal:Database:Provider", provider.ToString());
        builder.UseSetting("Portal:Database:ConnectionString", connectionString);
        builder.UseSetting("Portal:Database:SeedDemoData", "true");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _drop?.Invoke();
        _drop = null;
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
