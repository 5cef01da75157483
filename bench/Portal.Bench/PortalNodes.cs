using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Bench;

/// <summary>The portal nodes under test: separate processes of the built Portal.Web on loopback
/// ports, sharing one PostgreSQL database, Data Protection keys and (for "redis") one Redis channel.</summary>
public sealed class PortalNodes : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<Uri> Urls { get; private set; } = [];

    /// <summary>The nodes' process ids, in the order of <see cref="Urls"/> (for reading their CPU time).</summary>
    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    public static async Task<PortalNodes> StartAsync(BenchOptions options)
    {
        var nodes = new PortalNodes();
        var count = options.Bus == "redis" ? 2 : 1;
        var channel = "bench:" + Guid.NewGuid().ToString("N");
        var urls = new List<Uri>();
        // One after the other: the first migrates and seeds the empty database.
        for (var i = 0; i < count; i++)
            urls.Add(await nodes.StartNodeAsync(options, i, channel));
        nodes.Urls = urls;
        return nodes;
    }

    private async Task<Uri> StartNodeAsync(BenchOptions options, int index, string channel)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        // Optionally pinned to CPUs (taskset), so that the load runs on the others.
        string[] command = ["dotnet", options.WebDll, "--urls", url.ToString().TrimEnd('/')];
        if (options.ServerCpus is { } cpus)
            command = ["taskset", "-c", cpus, .. command];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = Path.GetDirectoryName(options.WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Portal__DemoSignIn"] = "true";
        // Plain HTTP on loopback, and mails to a pickup folder: the bench measures live fan-out.
        environment["Portal__RequireHttps"] = "false";
        environment["Portal__Mail__UsePickupFolder"] = "true";
        environment["Portal__DataFolder"] = Path.Combine(_folder, $"node{index}");
        environment["Portal__DataProtectionKeysFolder"] = Path.Combine(_folder, "keys");
        environment["Portal__Database__Provider"] = "Postgres";
        environment["Portal__Database__ConnectionString"] = options.Postgres;
        environment["Portal__Database__SeedDemoData"] = "true";
        // The benchmark's single poster writes far faster than any member may.
        environment["Portal__RateLimits__Writes__post__Limit"] = "1000000";
        // …and hundreds of clients connect from one address as a handful of personas.
        environment["Portal__RateLimits__Requests__PermitLimit"] = "1000000";
        environment["Portal__RateLimits__HubCalls__PermitLimit"] = "1000000";
        // The heap report the idle-circuits scenario reads (loopback only).
        environment["Portal__Bench__Diagnostics"] = "true";
        if (options.Redis is not null)
        {
            environment["Portal__Redis"] = options.Redis;
            environment["Portal__RedisChannel"] = channel;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a portal node.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.WriteLine($"[node{index}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[node{index}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Portal node {index} exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                    return url;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Portal node {index} did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
