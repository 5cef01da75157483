using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Tests.Support;

/// <summary>Debian's haproxy in front of two portal nodes on loopback, with the scale-out rehearsal's
/// own configuration (<c>bench/scaleout/haproxy.cfg</c>, copied beside the tests): sticky sessions by a
/// cookie that names the node, and a response header that says which node answered.</summary>
public sealed class Haproxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/haproxy";

    /// <summary>The sticky-session cookie; its value is the node's name, "a" or "b".</summary>
    public const string NodeCookie = "PORTAL_NODE";

    /// <summary>The header naming the node that answered.</summary>
    public const string NodeHeader = "X-Portal-Node";

    private static readonly string ConfigFile = Path.Combine(AppContext.BaseDirectory, "Support", "haproxy.cfg");

    private readonly Process _process;
    private readonly StringBuilder _output;

    private Haproxy(Process process, StringBuilder output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    /// <summary>The front every browser talks to.</summary>
    public Uri BaseUrl { get; }

    public static async Task<Haproxy> StartAsync(int nodeAPort, int nodeBPort)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException(
                $"{Executable} is missing. Run the tests with the README's test command (./test.sh), which installs Debian's haproxy.");
        var frontPort = FreePort();
        // -db: stay in the foreground, so that disposing this ends it.
        var start = new ProcessStartInfo(Executable, ["-db", "-f", ConfigFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PORTAL_FRONT_PORT"] = frontPort.ToString();
        start.Environment["PORTAL_NODE_A_PORT"] = nodeAPort.ToString();
        start.Environment["PORTAL_NODE_B_PORT"] = nodeBPort.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new Haproxy(process, output, new Uri($"http://127.0.0.1:{frontPort}/"));
        await proxy.WaitUntilAsync(async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, frontPort);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, "haproxy to listen");
        return proxy;
    }

    /// <summary>Waits until a request pinned to <paramref name="node"/> by its cookie is answered by that
    /// node (after a start or restart, once haproxy's health check counts it up again).</summary>
    public Task WaitForNodeAsync(string node) => WaitUntilAsync(async () =>
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "health/ready");
        request.Headers.Add("Cookie", $"{NodeCookie}={node}");
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK
                && response.Headers.TryGetValues(NodeHeader, out var names) && names.Single() == node;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }, $"node {node} to answer through haproxy");

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode}: {Output}");
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"Waited a minute for {what}. haproxy said: {Output}");
            await Task.Delay(100);
        }
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
