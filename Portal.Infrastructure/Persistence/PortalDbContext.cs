using Portal.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Domain.Notifications;
using Portal.Domain.Updates;
using Portal.Infrastructure.Features.Search;
using Portal.Domain.Members;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Persistence;

/// <summary>The portal's unit of work. Each provider has its own derived context so that each
/// keeps its own migrations:
///   dotnet ef migrations add NAME -p Portal.Infrastructure -s Portal.Web -c SqlitePortalDbContext -o Persistence/Migrations/Sqlite
///   dotnet ef migrations add NAME -p Portal.Infrastructure -s Portal.Web -c PostgresPortalDbContext -o Persistence/Migrations/Postgres
/// Always created through <see cref="IDbContextFactory{PortalDbContext}"/>: a Blazor circuit
/// is not a request, so a context lives for one use case only.</summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationTenant> OrganisationTenants => Set<OrganisationTenant>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<DiscussionThread> Threads => Set<DiscussionThread>();
    public DbSet<ThreadWorkspace> ThreadWorkspaces => Set<ThreadWorkspace>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<PostReaction> PostReactions => Set<PostReaction>();
    public DbSet<ThreadFollow> ThreadFollows => Set<ThreadFollow>();
    public DbSet<ThreadReadState> ThreadReadStates => Set<ThreadReadState>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationMute> NotificationMutes => Set<NotificationMute>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
    public DbSet<SentNotificationMail> SentNotificationMails => Set<SentNotificationMail>();
    public DbSet<WorkspaceUpdate> WorkspaceUpdates => Set<WorkspaceUpdate>();
    public DbSet<UpdatesSeen> UpdatesSeen => Set<UpdatesSeen>();
    public DbSet<Portal.Domain.Documents.GuidanceDocument> Documents => Set<Portal.Domain.Documents.GuidanceDocument>();
    public DbSet<Portal.Domain.Documents.DocumentVersion> DocumentVersions => Set<Portal.Domain.Documents.DocumentVersion>();
    public DbSet<Portal.Domain.Documents.DocumentReview> DocumentReviews => Set<Portal.Domain.Documents.DocumentReview>();
    public DbSet<Portal.Domain.Documents.DocumentAttachment> DocumentAttachments => Set<Portal.Domain.Documents.DocumentAttachment>();
    public DbSet<Portal.Domain.Documents.DocumentAcknowledgement> DocumentAcknowledgements => Set<Portal.Domain.Documents.DocumentAcknowledgement>();
    public DbSet<Portal.Domain.Documents.DocumentComment> DocumentComments => Set<Portal.Domain.Documents.DocumentComment>();
    public DbSet<Portal.Domain.Meetings.Meeting> Meetings => Set<Portal.Domain.Meetings.Meeting>();
    public DbSet<Portal.Domain.Meetings.MeetingWorkspace> MeetingWorkspaces => Set<Portal.Domain.Meetings.MeetingWorkspace>();
    public DbSet<Portal.Domain.Meetings.MeetingInvitee> MeetingInvitees => Set<Portal.Domain.Meetings.MeetingInvitee>();
    public DbSet<Portal.Domain.Meetings.MeetingOccurrence> MeetingOccurrences => Set<Portal.Domain.Meetings.MeetingOccurrence>();
    public DbSet<Portal.Domain.Meetings.MeetingReply> MeetingReplies => Set<Portal.Domain.Meetings.MeetingReply>();
    public DbSet<Portal.Domain.Meetings.CalendarFeed> CalendarFeeds => Set<Portal.Domain.Meetings.CalendarFeed>();
    public DbSet<Portal.Domain.Meetings.MeetingReminderSent> MeetingRemindersSent => Set<Portal.Domain.Meetings.MeetingReminderSent>();
    public DbSet<Portal.Domain.MethodSupport.SupportRequest> SupportRequests => Set<Portal.Domain.MethodSupport.SupportRequest>();
    public DbSet<Portal.Domain.MethodSupport.SupportDesk> SupportDesks => Set<Portal.Domain.MethodSupport.SupportDesk>();
    public DbSet<Portal.Domain.Assignments.GovernmentAssignment> GovernmentAssignments => Set<Portal.Domain.Assignments.GovernmentAssignment>();
    public DbSet<Portal.Domain.Assignments.PlannedActivity> PlannedActivities => Set<Portal.Domain.Assignments.PlannedActivity>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<Portal.Infrastructure.WriteLimits.RecentWrite> RecentWrites => Set<Portal.Infrastructure.WriteLimits.RecentWrite>();

    /// <summary>The member on whose behalf this unit of work saves; the audit interceptor stamps it.</summary>
    public Guid? ActingMemberId { get; set; }

    /// <summary>The node's recently loaded actors, set by the factory that hands the context out
    /// (ADR 0031); null for a context made by hand, which then loads its actor every time.</summary>
    internal Features.ActorCache? Actors { get; set; }

    // Contexts are pooled (ADR 0030): the acting member belongs to one unit of work, never to the next.
    public override void Dispose()
    {
        ActingMemberId = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ActingMemberId = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        ConfigureAggregateRoots(modelBuilder);
    }

    /// <summary>Every aggregate root's <see cref="AggregateRoot.Version"/> is its concurrency token,
    /// by convention, so that a new root gets it by deriving (see ADR 0008).</summary>
    private static void ConfigureAggregateRoots(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType)))
            modelBuilder.Entity(entityType.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native DateTimeOffset: store UTC ticks so that ordering and comparison work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The search index's full-text vector over our own terms ('simple': no second stemming; ADR 0009).
        modelBuilder.Entity<SearchEntry>().Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql($"to_tsvector('simple', \"{nameof(SearchEntry.Stems)}\")", stored: true);
        modelBuilder.Entity<SearchEntry>().HasIndex(SearchVector).HasMethod("GIN");
    }

    /// <summary>PostgreSQL-only generated column on search_entries.</summary>
    public const string SearchVector = "SearchVector";
}
