using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Events;
using Portal.Tests.Support;
using StackExchange.Redis;

namespace Portal.Tests.Infrastructure.Events;

/// <summary>A node that starts while Redis is down starts anyway, and hears the other nodes once Redis
/// is there: a real redis-server started by the test on loopback after the node.</summary>
[Trait("Service", "Redis")]
public sealed class RedisLateStartTests : IAsyncLifetime
{
    private readonly int _port = SmtpSink.FreePort();
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("portal-redis-").FullName;
    private Process? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            _server.WaitForExit();
        }
        _server?.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_node_started_while_Redis_is_down_hears_the_others_once_Redis_is_up()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{_port},connectTimeout=500,connectRetry=0");
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(200);
        await using var late = await ConnectionMultiplexer.ConnectAsync(options);
        await using var lateNode = new RedisEventBus(late, NullLoggerFactory.Instance, "portal:late") { SubscribeRetryDelay = TimeSpan.FromMilliseconds(200) };

        await lateNode.StartAsync();
        lateNode.IsListening.ShouldBeFalse();

        StartRedis();
        await WaitUntilAsync(() => lateNode.IsListening);
        var heard = new ConcurrentQueue<MembershipChanged>();
        using var subscription = lateNode.Subscribe<MembershipChanged>(e => { heard.Enqueue(e); return Task.CompletedTask; });
        await using var other = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_port}");
        await using var otherNode = new RedisEventBus(other, NullLoggerFactory.Instance, "portal:late");
        await otherNode.StartAsync();

        var change = new MembershipChanged(Guid.NewGuid(), Guid.NewGuid(), MembershipStatus.Active);
        await otherNode.PublishAsync(change);

        await WaitUntilAsync(() => !heard.IsEmpty);
        heard.ShouldHaveSingleItem().ShouldBe(change);
    }

    private void StartRedis()
    {
        _server = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", _port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _server.BeginOutputReadLine();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
            await Task.Delay(50, timeout.Token);
    }
}
