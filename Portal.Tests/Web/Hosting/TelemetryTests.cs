using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Portal.Infrastructure.Persistence;
using Portal.Web.Hosting;

namespace Portal.Tests.Web.Hosting;

/// <summary>The portal's own telemetry registration, with an in-memory exporter in place of OTLP.</summary>
public sealed class TelemetryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "OpenTelemetry.Instrumentation.EntityFrameworkCore")]
    [InlineData(DatabaseProvider.Postgres, "Npgsql")]
    public async Task A_page_request_is_traced_with_its_database_commands_in_the_same_trace(DatabaseProvider provider, string databaseSource)
    {
        var exported = new ExportedActivities();
        await using var portal = new PortalWebFactory(provider);
        await using var traced = portal.WithWebHostBuilder(builder => builder
            .UseSetting(PortalTelemetry.TracesSetting, "true")
            .ConfigureTestServices(services =>
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported))));
        using var client = traced.CreateClient();
        // Our own trace id, so that only this request's spans count (other tests' hosts export here too).
        var traceId = ActivityTraceId.CreateRandom();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        page.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        (await client.SendAsync(page)).EnsureSuccessStatusCode();

        // The server span ends just after the response is sent; wait for it rather than for a fixed time.
        var request = await exported.WaitForAsync(activity => activity.TraceId == traceId
            && activity.Source.Name == "Microsoft.AspNetCore" && activity.Kind == ActivityKind.Server);
        request.GetTagItem("url.path").ShouldBe("/account/signin");
        request.GetTagItem("http.response.status_code").ShouldBe(200);
        var command = exported.Snapshot().Where(activity => activity.TraceId == traceId && activity.Source.Name == databaseSource).ToList();
        command.ShouldNotBeEmpty();
        command.ShouldAllBe(activity => activity.Kind == ActivityKind.Client);
    }

    [Fact]
    public async Task Without_an_exporter_no_traces_are_made()
    {
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        using var client = portal.CreateClient();
        (await client.GetAsync("/account/signin")).EnsureSuccessStatusCode();

        portal.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task Request_metrics_of_ASP_NET_Core_are_collected()
    {
        var exported = new List<Metric>();
        await using var portal = new PortalWebFactory(DatabaseProvider.Sqlite);
        await using var measured = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(exported))));
        using var client = measured.CreateClient();

        (await client.GetAsync("/account/signin")).EnsureSuccessStatusCode();

        // The duration is recorded as the request ends; collect until it is there.
        var meters = measured.Services.GetRequiredService<MeterProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!exported.Any(metric => metric.Name == "http.server.request.duration") && DateTime.UtcNow < deadline)
        {
            meters.ForceFlush();
            await Task.Delay(20);
        }
        exported.Select(metric => metric.Name).ShouldContain("http.server.request.duration");
    }

    /// <summary>Activities from every host in the test process reach every provider listening, so the
    /// collection must take concurrent adds.</summary>
    private sealed class ExportedActivities : ICollection<Activity>
    {
        private readonly ConcurrentQueue<Activity> _items = new();

        public List<Activity> Snapshot() => _items.ToList();

        public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < deadline)
            {
                if (_items.FirstOrDefault(match) is { } found)
                    return found;
                await Task.Delay(20);
            }
            var seen = string.Join(", ", _items.Select(a => $"{a.Source.Name}:{a.DisplayName}").Distinct().Take(20));
            throw new ShouldAssertException($"No matching activity among {_items.Count} exported: {seen}");
        }

        public void Add(Activity item) => _items.Enqueue(item);
        public void Clear() => _items.Clear();
        public bool Contains(Activity item) => _items.Contains(item);
        public void CopyTo(Activity[] array, int arrayIndex) => _items.ToArray().CopyTo(array, arrayIndex);
        public bool Remove(Activity item) => throw new NotSupportedException();
        public int Count => _items.Count;
        public bool IsReadOnly => false;
        public IEnumerator<Activity> GetEnumerator() => _items.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
