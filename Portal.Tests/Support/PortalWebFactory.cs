using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Support;

/// <summary>The whole portal in-process on a real database of the chosen provider (a copy of the test
/// run's template, ADR 0013), with demo data and the demo sign-in. <see cref="StartOnLoopback"/> makes it
/// listen on a real loopback port for Chromium.</summary>
public class PortalWebFactory(DatabaseProvider provider) : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
    private Action? _drop;

    /// <summary>Extra settings (for example Entra or production switches) a test wants.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public string Environment { get; set; } = "Development";

    public DatabaseProvider Provider => provider;

    /// <summary>The portal's data folder (database file, keys, mail pickup folder).</summary>
    public string DataFolder => _dataFolder;

    /// <summary>An existing database to use instead of a new one (two nodes sharing one database);
    /// its owner drops it.</summary>
    public string? SharedConnectionString { get; init; }

    /// <summary>The loopback port to listen on; 0 (the default) takes a free one. A node restarted behind
    /// a load balancer comes back on the port the balancer knows.</summary>
    public int Port { get; init; }

    /// <summary>Where the portal listens after <see cref="StartOnLoopback"/>, for example http://127.0.0.1:41234/.</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>Starts the portal on Kestrel at <see cref="Port"/> (by default a free port) of 127.0.0.1 (the in-memory test server
    /// is not reachable by a browser) and returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        if (BaseUrl is not null)
            return BaseUrl;
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = new Uri(addresses.Single().TrimEnd('/') + "/");
        return BaseUrl;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataFolder);
        string connectionString;
        if (SharedConnectionString is not null)
        {
            connectionString = SharedConnectionString;
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            (connectionString, _drop) = TestDatabase.NewPostgresDatabase(SeedsDemoData);
        }
        else
        {
            // A copy of the migrated template: the portal's migrate-on-start finds nothing pending.
            var file = Path.Combine(_dataFolder, "portal.db");
            Task.Run(() => DatabaseTemplates.CopySqliteAsync(file, SeedsDemoData)).GetAwaiter().GetResult();
            connectionString = TestDatabase.SqliteConnectionString(file);
            _drop = SqliteConnection.ClearAllPools;
        }
        builder.UseEnvironment(Environment);
        builder.UseSetting("Portal:DataFolder", _dataFolder);
        builder.UseSetting("Portal:Database:Provider", provider.ToString());
        builder.UseSetting("Portal:Database:ConnectionString", connectionString);
        builder.UseSetting("Portal:Database:SeedDemoData", "true");
        // Tests drive the portal far faster than a person; the per-node request and hub-call limits are
        // lifted unless a test sets its own (the database-counted write limits keep their defaults).
        builder.UseSetting("Portal:RateLimits:Requests:PermitLimit", "1000000");
        builder.UseSetting("Portal:RateLimits:HubCalls:PermitLimit", "1000000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    private bool SeedsDemoData =>
        !(Settings.TryGetValue("Portal:Database:SeedDemoData", out var seed) && bool.TryParse(seed, out var wanted) && !wanted);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _drop?.Invoke();
        _drop = null;
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
