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

/// <summary>The whole portal in-process on a real database of the chosen provider, with demo data
/// and the demo sign-in. <see cref="StartOnLoopback"/> makes it listen on a real loopback port for Chromium.</summary>
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

    /// <summary>Where the portal listens after <see cref="StartOnLoopback"/>, for example http://127.0.0.1:41234/.</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>Starts the portal on Kestrel at a free port of 127.0.0.1 (the in-memory test server
    /// is not reachable by a browser) and returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        if (BaseUrl is not null)
            return BaseUrl;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
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
