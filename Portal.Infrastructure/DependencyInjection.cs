using Portal.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Features.Updates;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Interceptors;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure;

public static class DependencyInjection
{
    /// <param name="mail">E-mail settings; without them mails go to the pickup folder of the defaults.</param>
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, DatabaseOptions database,
        MailOptions? mail = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventBus, InProcessEventBus>();
        services.AddSingleton(database);
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<AuditTrailGuard>();
        services.AddSingleton<DomainEventsInterceptor>();
        services.AddSingleton<DatabaseCommandCounter>();
        services.AddSingleton<Features.ActorCache>();
        AddOutboxAndScheduler(services);

        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresPortalDbContext>((sp, options) =>
                    Configure(sp, options.UseNpgsql(PostgresConnectionString(database.ConnectionString))));
                services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp =>
                    new PortalContextFactory<PostgresPortalDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresPortalDbContext>>(),
                        sp.GetRequiredService<Features.ActorCache>()));
                break;
            default:
                services.AddPooledDbContextFactory<SqlitePortalDbContext>((sp, options) =>
                    Configure(sp, options.UseSqlite(database.ConnectionString)));
                services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp =>
                    new PortalContextFactory<SqlitePortalDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePortalDbContext>>(),
                        sp.GetRequiredService<Features.ActorCache>()));
                break;
        }

        services.AddSingleton<WorkspaceService>();
        services.TryAddSingleton<ITermNames, EnumTermNames>();
        services.AddSingleton<DirectoryTerms>();
        services.AddSingleton<DirectoryService>();
        services.AddSingleton<AdministrationService>();
        services.AddSingleton<SignInService>();
        services.TryAddSingleton(new DiscussionOptions());
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<DiscussionService>();
        services.AddSingleton<ThreadChangeReads>();
        services.AddSingleton<ThreadReadMarks>();
        services.AddSingleton<IReadableThreads, ReadableThreads>();
        services.AddSingleton<MentionCandidates>();
        services.AddSingleton<UpdateService>();
        services.AddPortalNotifications();
        services.AddDiscussionNotificationKinds();
        services.AddMembershipNotificationKinds();
        services.AddSingleton<ISearchIndex, SearchIndex>();
        services.AddSingleton<ISearchIndexer, DiscussionSearchIndexer>();
        services.AddSingleton<ISearchSource, DiscussionSearchSource>();
        services.AddSingleton<SearchBackfill>();
        services.AddSingleton<DirectorySearchTextBackfill>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<Features.Presence.ThreadPresence>();
        services.AddSubjectKind<ThreadSubjectKind>();
        services.AddSubjectKind<WorkspaceSubjectKind>();
        Features.Assignments.Reports.ReportRegistration.AddAssignmentReports(services);
        services.AddDocuments();
        services.AddMeetings();
        services.AddMeetingCalendar();
        services.AddMeetingMinutes();
        services.AddMethodSupport();
        services.AddAssignments();
        services.AddAssignmentMenu();
        // Every write path's limit (ADR 0019); "Portal:RateLimits:Writes" overrides them when the host binds it.
        services.AddDiscussionWriteLimits();
        services.AddWorkspaceWriteLimits();
        services.AddWriteLimit(UpdateService.UpdateWrite, 5, TimeSpan.FromMinutes(1));
        services.AddWriteLimit(UpdateService.PinWrite, 30, TimeSpan.FromMinutes(1));
        services.AddWriteLimit(DirectoryService.ProfileWrite, 20, TimeSpan.FromMinutes(10));
        services.AddWriteLimit(NotificationPreferenceService.PreferenceWrite, 60, TimeSpan.FromMinutes(1));
        services.AddWriteLimit(AdministrationService.AdministrationWrite, 120, TimeSpan.FromMinutes(1));
        services.AddSingleton<DatabaseInitializer>();
        services.AddPortalMail(mail ?? new MailOptions());
        return services;
    }

    /// <summary>Carries domain events between nodes over Redis pub/sub (instead of in-process only).
    /// Call <see cref="RedisEventBus.StartAsync"/> once at start-up.</summary>
    public static IServiceCollection AddRedisEventBus(this IServiceCollection services, string configuration,
        string channel = RedisEventBus.DefaultChannel)
    {
        services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ =>
        {
            // A node starts (and keeps serving its own pages) while Redis is down; the multiplexer
            // connects in the background and the bus subscribes once it can.
            var options = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            return StackExchange.Redis.ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton(sp => new RedisEventBus(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), channel));
        services.Replace(ServiceDescriptor.Singleton<IEventBus>(sp => sp.GetRequiredService<RedisEventBus>()));
        return services;
    }

    /// <summary>SMTP when a host is set, the pickup folder otherwise. TryAdd: a test may bring its own.</summary>
    private static void AddPortalMail(this IServiceCollection services, MailOptions mail)
    {
        services.TryAddSingleton(mail);
        services.TryAddSingleton<MailMessageFactory>();
        services.TryAddSingleton<SmtpMailTransport>();
        services.TryAddSingleton<PickupFolderMailTransport>();
        services.TryAddSingleton<IMailTransport>(sp => sp.GetRequiredService<MailOptions>().UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupFolderMailTransport>());
        services.AddOutboxHandler<SendMail, SendMailHandler>();
    }

    /// <summary>The outbox (dispatcher, its wake-up signal and cleanup) and the timed-job scheduler,
    /// each with a hosted loop. Options come from "Portal:Outbox" and "Portal:Scheduler" when the host binds them.</summary>
    private static void AddOutboxAndScheduler(IServiceCollection services)
    {
        services.TryAddSingleton(new OutboxOptions());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherLoop>();
        services.TryAddSingleton(new TimedJobOptions());
        services.AddSingleton<TimedJobScheduler>();
        services.AddHostedService<TimedJobLoop>();
        services.AddTimedJob<OutboxCleanupJob>(OutboxCleanupJob.Name, TimeSpan.FromHours(1));
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(
            services.GetRequiredService<AuditingInterceptor>(),
            services.GetRequiredService<AuditTrailGuard>(),
            services.GetRequiredService<DomainEventsInterceptor>(),
            services.GetRequiredService<OutboxSignalInterceptor>(),
            services.GetRequiredService<DatabaseCommandCounter>());

    /// <summary>The PostgreSQL connection string as configured, with "No Reset On Close" unless it says
    /// otherwise. Npgsql resets a connection (DISCARD ALL: one round trip) each time it returns to the
    /// pool, and each use case opens a context of its own, so a page paid a round trip per query for a
    /// reset it does not need: the portal keeps no session state on a connection (no SET, temporary
    /// tables or session locks; its advisory locks are transaction-scoped).</summary>
    internal static string PostgresConnectionString(string? configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        var chosen = configured is not null && (configured.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)
            || configured.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase));
        if (!chosen)
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Hands out the provider's own context type as the common base type, carrying the node's
    /// actor cache.</summary>
    private sealed class PortalContextFactory<TContext>(IDbContextFactory<TContext> inner, Features.ActorCache actors)
        : IDbContextFactory<PortalDbContext>
        where TContext : PortalDbContext
    {
        public PortalDbContext CreateDbContext()
        {
            var context = inner.CreateDbContext();
            context.Actors = actors;
            return context;
        }

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            var context = await inner.CreateDbContextAsync(cancellationToken);
            context.Actors = actors;
            return context;
        }
    }
}
