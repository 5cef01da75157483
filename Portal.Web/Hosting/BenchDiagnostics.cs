using System.Net;
using System.Runtime;
using Portal.Infrastructure.Persistence.Interceptors;

namespace Portal.Web.Hosting;

/// <summary>For the load bench only (bench/README.md, scenario "idle circuits"): the node's managed
/// heap after a full, compacting collection, so that memory per live circuit can be measured from
/// outside. Mapped only when <c>Portal:Bench:Diagnostics</c> is true — never in a real deployment — and
/// answers loopback callers only.</summary>
public static class BenchDiagnostics
{
    public const string SettingName = "Portal:Bench:Diagnostics";
    public const string HeapPath = "/bench/heap";
    public const string DatabaseCommandsPath = "/bench/database-commands";

    public static void MapBenchDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(SettingName))
            return;
        app.MapGet(HeapPath, (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
                return Results.NotFound();
            // Twice, with finalizers run between: objects kept alive only by a finalizer go in the second.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            return Results.Json(new HeapReport(GC.GetTotalMemory(forceFullCollection: false), info.HeapSizeBytes, info.FragmentedBytes));
        }).AllowAnonymous();
        // The commands sent to the database so far: the fan-out scenario's queries per post.
        app.MapGet(DatabaseCommandsPath, (HttpContext context, DatabaseCommandCounter counter) =>
            context.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
                ? Results.Json(new DatabaseCommandsReport(counter.Commands))
                : Results.NotFound()).AllowAnonymous();
    }
}

/// <summary>Live managed bytes (what the collector found reachable), the heap's size, and the free
/// space inside it, all after a full compacting collection.</summary>
public sealed record HeapReport(long LiveBytes, long HeapSizeBytes, long FragmentedBytes);

/// <summary>Database commands (round trips) this node has sent since it started.</summary>
public sealed record DatabaseCommandsReport(long Commands);
