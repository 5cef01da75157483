using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Web.Hosting;

/// <summary>/health names each dependency (the database, the outbox, Redis when the portal uses it);
/// /health/ready is only what this node needs to serve, so a shared Redis outage takes no node out.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Health_reports_the_database_and_the_outbox_and_no_Redis_when_Redis_is_not_configured()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        using var client = portal.CreateClient();

        var (status, checks) = await StatusAsync(client);
        var (readyStatus, ready) = await ReadyAsync(client);

        status.ShouldBe(HttpStatusCode.OK);
        checks["database"].ShouldBe("Healthy");
        checks["outbox"].ShouldBe("Healthy");
        checks.ShouldNotContainKey("redis");
        readyStatus.ShouldBe(HttpStatusCode.OK);
        ready.Keys.ShouldBe(["database"]);
    }

    [Fact]
    public async Task Health_reports_Redis_healthy_with_the_real_Redis()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        portal.Settings["Portal:Redis"] = TestRedis;
        portal.Settings["Portal:RedisChannel"] = "ready-" + Guid.NewGuid().ToString("N");
        using var client = portal.CreateClient();

        var (status, checks) = await StatusAsync(client);

        status.ShouldBe(HttpStatusCode.OK);
        checks["redis"].ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_is_unhealthy_naming_Redis_when_it_is_unreachable_while_the_node_stays_ready()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        // Nothing listens there: the portal still starts (the bus keeps trying in the background).
        portal.Settings["Portal:Redis"] = $"127.0.0.1:{SmtpSink.FreePort()},connectTimeout=500,asyncTimeout=500,syncTimeout=500";
        using var client = portal.CreateClient();

        var (status, checks) = await StatusAsync(client);
        var (readyStatus, _) = await ReadyAsync(client);

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        checks["redis"].ShouldBe("Unhealthy");
        checks["database"].ShouldBe("Healthy");
        // The node still serves its pages (live on this node; other nodes catch up when Redis returns).
        readyStatus.ShouldBe(HttpStatusCode.OK);
    }

    private static string TestRedis =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("PORTAL_TEST_REDIS is not set. Run the tests with ./test.sh, which starts Redis on loopback.");

    private static Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client) =>
        HealthAsync(client, "/health/ready");

    private static Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> StatusAsync(HttpClient client) =>
        HealthAsync(client, "/health");

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> HealthAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
