using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Bench;

/// <summary>Debian's haproxy in front of the two portal nodes on loopback, with the rehearsal's
/// configuration (<c>bench/scaleout/haproxy.cfg</c>: sticky sessions by the <see cref="NodeCookie"/>
/// cookie, health checks on <c>/health/ready</c>, the answering node in <see cref="NodeHeader"/>).</summary>
public sealed class HaproxyFront : IAsyncDisposable
{
    public const string NodeCookie = "PORTAL_NODE";
    public const string NodeHeader = "X-Portal-Node";

    /// <summary>The nodes' names in the configuration, in the order of <see cref="PortalNodes.Urls"/>.</summary>
    public static readonly string[] NodeNames = ["a", "b"];

    private readonly Process _process;

    private HaproxyFront(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<HaproxyFront> StartAsync(string configFile, IReadOnlyList<Uri> nodes, int port = 0)
    {
        if (port == 0)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("/usr/sbin/haproxy", ["-db", "-f", Path.GetFullPath(configFile)]) { RedirectStandardError = true };
        start.Environment["PORTAL_FRONT_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PORTAL_NODE_A_PORT"] = nodes[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PORTAL_NODE_B_PORT"] = nodes[1].Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start.");
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[haproxy] {e.Data}"); };
        process.BeginErrorReadLine();
        var front = new HaproxyFront(process, new Uri($"http://127.0.0.1:{port}/"));
        foreach (var name in NodeNames)
            await front.WaitForNodeAsync(name, TimeSpan.FromMinutes(1));
        return front;
    }

    /// <summary>The cookie header that sends a client to <paramref name="node"/>, with its session cookie.</summary>
    public static string Pinned(string sessionCookie, string node) => $"{sessionCookie}; {NodeCookie}={node}";

    /// <summary>Waits until a request pinned to <paramref name="node"/> is answered by that node.</summary>
    public async Task WaitForNodeAsync(string node, TimeSpan timeout)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode}.");
            using var request = new HttpRequestMessage(HttpMethod.Get, "health/ready");
            request.Headers.Add("Cookie", $"{NodeCookie}={node}");
            try
            {
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode && response.Headers.TryGetValues(NodeHeader, out var names) && names.Single() == node)
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not through yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Node {node} did not answer through haproxy within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
