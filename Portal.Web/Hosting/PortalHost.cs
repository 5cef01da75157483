using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Portal.Infrastructure;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Persistence;
using Portal.Web.Account;
using Portal.Web.Components;
using Portal.Web.Endpoints;
using Portal.Web.Hubs;

namespace Portal.Web.Hosting;

/// <summary>The composition of the portal, kept out of Program.cs so that tests host the same thing.</summary>
public static class PortalHost
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataFolder = Path.GetFullPath(configuration["Portal:DataFolder"] ?? "data", builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataFolder);

        var database = configuration.GetSection("Portal:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            database.ConnectionString = database.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "portal.db")}"
                : throw new InvalidOperationException("Portal:Database:ConnectionString is required when Portal:Database:Provider is Postgres.");
        }
        builder.Services.AddSingleton(configuration.GetSection("Portal:Discussions").Get<Portal.Infrastructure.Features.Discussions.DiscussionOptions>()
            ?? new Portal.Infrastructure.Features.Discussions.DiscussionOptions());
        builder.Services.AddSingleton(new Portal.Infrastructure.WriteLimits.WriteLimitSettings
        {
            Writes = configuration.GetSection("Portal:RateLimits:Writes").Get<Dictionary<string, Portal.Infrastructure.WriteLimits.WriteLimitSetting>>()
                is { } writes ? new(writes, StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase),
        });
        builder.Services.AddSingleton(configuration.GetSection("Portal:Outbox").Get<Portal.Infrastructure.Outbox.OutboxOptions>()
            ?? new Portal.Infrastructure.Outbox.OutboxOptions());
        builder.Services.AddSingleton(configuration.GetSection("Portal:Scheduler").Get<Portal.Infrastructure.Scheduling.TimedJobOptions>()
            ?? new Portal.Infrastructure.Scheduling.TimedJobOptions());
        builder.Services.AddSingleton(DocumentFiles(builder, dataFolder));
        builder.Services.AddSingleton(configuration.GetSection("Portal:Documents:Review").Get<Portal.Infrastructure.Features.Documents.DocumentReviewOptions>()
            ?? new Portal.Infrastructure.Features.Documents.DocumentReviewOptions());
        builder.Services.AddSingleton(configuration.GetSection("Portal:MethodSupport").Get<Portal.Infrastructure.Features.MethodSupport.SupportRetentionOptions>()
            ?? new Portal.Infrastructure.Features.MethodSupport.SupportRetentionOptions());
        builder.Services.AddSingleton(configuration.GetSection("Portal:Assignments").Get<Portal.Infrastructure.Features.Assignments.AssignmentOptions>()
            ?? new Portal.Infrastructure.Features.Assignments.AssignmentOptions());
        var mail = PortalMail.Options(builder, dataFolder);
        builder.Services.AddPortalInfrastructure(database, mail);
        builder.Services.AddPortalComponents();
        if (configuration["Portal:Redis"] is { Length: > 0 } redis)
            builder.Services.AddRedisEventBus(redis, configuration["Portal:RedisChannel"] ?? RedisEventBus.DefaultChannel);

        var modes = builder.AddPortalAuthentication();
        builder.Services.AddSingleton(modes);
        // After sign-in, so that a bare production configuration first names the sign-in settings.
        PortalMail.RequireTransport(builder, mail);

        builder.Services.AddDataProtection()
            .SetApplicationName(Portal.Domain.Common.Product.Name)
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["Portal:DataProtectionKeysFolder"] ?? Path.Combine(dataFolder, "keys")));

        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = CultureCookie.Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture("sv");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the member's own choice (the cookie) counts; the browser's language does not
            // override the Swedish default.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // Readiness is what this node needs to serve: its database. Redis and the outbox are shared by
        // every node, so a fault there would take all nodes out of the balancer at once and turn a
        // degraded portal (no cross-node live updates, mail delayed) into an outage: they are reported
        // on /health for monitoring instead.
        var health = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready", "status"])
            .AddCheck<Portal.Infrastructure.Outbox.OutboxHealthCheck>("outbox", tags: ["status"]);
        if (!string.IsNullOrWhiteSpace(configuration["Portal:Redis"]))
            health.AddCheck<RedisHealthCheck>("redis", tags: ["status"], timeout: TimeSpan.FromSeconds(5));
        builder.AddPortalTelemetry();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, CircuitSessionCheck>();
        builder.Services.AddSignalR(options =>
        {
            // A post is at most 20,000 characters; anything much larger is not a post.
            options.MaximumReceiveMessageSize = 96 * 1024;
        }).AddHubOptions<Portal.Web.Hubs.DiscussionHub>(options => options.AddFilter<Portal.Web.Hubs.HubCallLimiter>());
        builder.AddPortalRateLimits();
        builder.Services.AddSingleton<Portal.Web.Hubs.HubWatchers>();
        builder.Services.AddHostedService<Portal.Web.Hubs.DiscussionHubFanOut>();
        builder.Services.AddAntiforgery();
        builder.AddPortalSecurityHeaders();
    }

    /// <summary>"Portal:Files", its folder by default in the data folder (beside the database and the mail pickup folder).</summary>
    private static Portal.Infrastructure.Features.Documents.Files.DocumentFileOptions DocumentFiles(WebApplicationBuilder builder, string dataFolder)
    {
        var section = Portal.Infrastructure.Features.Documents.Files.DocumentFileOptions.Section;
        var files = builder.Configuration.GetSection(section).Get<Portal.Infrastructure.Features.Documents.Files.DocumentFileOptions>() ?? new();
        files.Folder = Path.GetFullPath(builder.Configuration[$"{section}:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(dataFolder, "files"),
            builder.Environment.ContentRootPath);
        if (files.MaxSizeMegabytes <= 0 || files.MaxUnpackedMegabytes <= 0 || files.MaxPackageEntries <= 0 || files.MaxCompressionRatio <= 0)
            throw new InvalidOperationException($"{section}: MaxSizeMegabytes, MaxUnpackedMegabytes, MaxPackageEntries and MaxCompressionRatio must be positive.");
        return files;
    }

    public static async Task InitialisePortalAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        if (app.Services.GetService<Portal.Infrastructure.Events.RedisEventBus>() is { } redisBus)
            await redisBus.StartAsync();
    }

    public static void UsePortal(this WebApplication app)
    {
        app.UsePortalSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // A plain response, not a re-executed page: re-running a failed POST through a Razor
            // page would read its form again and fail a second time.
            app.UseExceptionHandler(error => error.Run(ErrorPage.WriteAsync));
            app.UseHsts();
        }
        // Before the status code pages: a refused WebSocket upgrade is a GET, and its 403 must not
        // turn into the not-found page.
        app.UseConnectionOriginCheck();
        // Friendly "not found" pages for what a browser navigates to; other methods keep the bare status.
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status code pages, so that their re-execution routes again and finds the
        // not-found page (with WebApplication's implicit routing at the start it found no endpoint and
        // the browser got a bare 404).
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        // An address that no endpoint answers is not found, signed in or not: there is nothing to sign
        // in for (the fallback policy would otherwise send a signed-out visitor to the sign-in page).
        // After authentication, whose handlers answer their own callback paths (/signin-oidc).
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null)
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseAuthorization();
        app.UsePortalRateLimits();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("status"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapReportEndpoints();
        app.MapDocumentFileEndpoints();
        app.MapMeetingCalendarEndpoints();
        app.MapSupportFigureEndpoints();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHub<Portal.Web.Hubs.DiscussionHub>(Portal.Web.Hubs.DiscussionHub.Path).RequireRateLimiting(RequestRateLimits.Policy);
        app.MapBenchDiagnostics();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireRateLimiting(RequestRateLimits.Policy);
    }
}
