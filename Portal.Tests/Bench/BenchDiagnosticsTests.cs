using System.Net;
using System.Net.Http.Json;
using Portal.Infrastructure.Persistence;
using Portal.Web.Hosting;

namespace Portal.Tests.Bench;

/// <summary>The heap report the idle-circuits bench reads exists only on a node started for the bench.</summary>
public sealed class BenchDiagnosticsTests
{
    [Fact]
    public async Task The_heap_report_is_there_only_when_the_bench_setting_is_on()
    {
        await using (var ordinary = new PortalWebFactory(DatabaseProvider.Sqlite))
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ordinary.StartOnLoopback() };
            using var response = await http.GetAsync(BenchDiagnostics.HeapPath.TrimStart('/'));
            response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        }

        await using var bench = new PortalWebFactory(DatabaseProvider.Sqlite) { Settings = { [BenchDiagnostics.SettingName] = "true" } };
        using var client = new HttpClient { BaseAddress = bench.StartOnLoopback() };
        var heap = await client.GetFromJsonAsync<HeapReport>(BenchDiagnostics.HeapPath.TrimStart('/'));
        heap.ShouldNotBeNull();
        heap.LiveBytes.ShouldBeGreaterThan(0);
        heap.HeapSizeBytes.ShouldBeGreaterThanOrEqualTo(heap.LiveBytes);
    }
}
