using OpenTelemetry.Exporter;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Web.Hosting;

/// <summary>Traces, metrics and logs. An OTLP exporter is added only when an endpoint is configured, so
/// an installation without a collector sends nothing anywhere. Metrics are always collected; traces only
/// when they go somewhere (an endpoint, or <see cref="TracesSetting"/>): a page's spans — the request, each
/// database command, EF Core's diagnostic events behind them — cost about 5 % of its CPU (issue 8's
/// page-load profile), and without an exporter they were made only to be dropped.</summary>
public static class PortalTelemetry
{
    public const string ServiceName = "samverkansportalen";
    public const string OtlpEndpointSetting = "Portal:Telemetry:OtlpEndpoint";
    public const string JsonLogsSetting = "Portal:Logging:Json";
    /// <summary>Traces without an OTLP endpoint, for an exporter added in code (the tests' in-memory one).</summary>
    public const string TracesSetting = "Portal:Telemetry:Traces";

    /// <summary>Meters of our own and of ASP.NET Core that are not on by default. "Portal.Outbox" and
    /// "Portal.EventBus" belong to the outbox and the bus; the circuits meter counts open Blazor circuits.</summary>
    public static readonly string[] Meters =
    [
        "Portal.Outbox",
        "Portal.EventBus",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore.SignalR.Server",
        "Microsoft.AspNetCore.Components",
    ];

    public static void AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var exports = ExportsOverOtlp(configuration);
        // Our setting names the endpoint; the standard variables (endpoint, protocol, headers) are
        // read by the exporter itself, which also adds the per-signal path for http/protobuf.
        Action<OtlpExporterOptions> endpoint = configuration[OtlpEndpointSetting] is { Length: > 0 } ours
            ? options => options.Endpoint = new Uri(ours, UriKind.Absolute)
            : _ => { };

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName));
        if (exports || configuration.GetValue<bool>(TracesSetting))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options =>
                        // Probes every few seconds would drown the traces that matter.
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    // Npgsql traces its own commands in more detail; EF Core's span would double them.
                    .AddEntityFrameworkCoreInstrumentation(options =>
                        options.Filter = (provider, _) => provider?.StartsWith("Npgsql", StringComparison.Ordinal) != true)
                    .AddNpgsql()
                    .AddSource(ActivitySources);
                if (exports)
                    tracing.AddOtlpExporter(endpoint);
            });
        }
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters);
            if (exports)
                metrics.AddOtlpExporter(endpoint);
        });
        if (exports)
            telemetry.WithLogging(logging => logging.AddOtlpExporter(endpoint));

        // Every log line carries the trace and span of the request it belongs to.
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (configuration.GetValue<bool?>(JsonLogsSetting) ?? !builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }

    public static bool ExportsOverOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting])
        || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
