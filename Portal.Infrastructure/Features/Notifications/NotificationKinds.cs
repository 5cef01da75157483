using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Scheduling;

namespace Portal.Infrastructure.Features.Notifications;

/// <summary>A kind of notification a feature raises, with what a member gets until they choose
/// otherwise. Kinds are stable strings stored in the database and used as resource keys
/// (<c>Kind.{kind}.Bell</c>, <c>.Name</c>, <c>.Mail</c>), so never rename one.</summary>
/// <param name="Kind">e.g. "discussion.mention"</param>
/// <param name="InPortal">shown in the bell by default</param>
/// <param name="Email">e-mail by default</param>
/// <param name="CanBeMuted">whether muting a workspace or thread silences it (membership decisions cannot be muted)</param>
public sealed record NotificationKindDefinition(string Kind, bool InPortal, EmailFrequency Email, bool CanBeMuted = true);

/// <summary>Every registered kind of notification, in registration order (the preferences page lists them so).</summary>
public sealed class NotificationKindRegistry(IEnumerable<NotificationKindDefinition> definitions)
{
    private readonly IReadOnlyList<NotificationKindDefinition> _all = definitions.DistinctBy(d => d.Kind).ToList();

    public IReadOnlyList<NotificationKindDefinition> All => _all;

    public bool IsKnown(string kind) => _all.Any(d => d.Kind == kind);

    /// <summary>The definition of a kind, or a refusal with a code (a member cannot choose a kind that does not exist).</summary>
    public NotificationKindDefinition Get(string kind) =>
        _all.FirstOrDefault(d => d.Kind == kind) ?? throw new DomainRuleException("notification.kind.unknown", "kind");
}

public static class NotificationKindRegistration
{
    /// <summary>Registers a kind of notification a feature raises (its bell and mail wording come
    /// from <c>NotificationText</c> resources keyed by the kind).</summary>
    public static IServiceCollection AddNotificationKind(this IServiceCollection services, NotificationKindDefinition definition)
    {
        services.TryAddSingleton<NotificationKindRegistry>();
        services.AddSingleton(definition);
        return services;
    }
}

/// <summary>The kinds that discussions raise. Mentions mail at once by default (someone asked you
/// something); replies come in the daily digest; posts in followed threads stay in the bell.</summary>
public static class DiscussionNotificationKinds
{
    public const string Mention = "discussion.mention";
    public const string Reply = "discussion.reply";
    public const string FollowedPost = "discussion.followed-post";

    public static IServiceCollection AddDiscussionNotificationKinds(this IServiceCollection services) => services
        .AddNotificationKind(new NotificationKindDefinition(Mention, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Reply, InPortal: true, EmailFrequency.DailyDigest))
        .AddNotificationKind(new NotificationKindDefinition(FollowedPost, InPortal: true, EmailFrequency.Never));
}

/// <summary>The kinds that workspace membership raises. A request waits for a lead and a decision
/// changes what the member may do, so all of them mail at once by default and none can be muted.</summary>
public static class MembershipNotificationKinds
{
    public const string Requested = "membership.requested";
    public const string Approved = "membership.approved";
    public const string Declined = "membership.declined";
    public const string Invited = "membership.invited";
    public const string Removed = "membership.removed";

    public static IServiceCollection AddMembershipNotificationKinds(this IServiceCollection services)
    {
        foreach (var kind in new[] { Requested, Approved, Declined, Invited, Removed })
            services.AddNotificationKind(new NotificationKindDefinition(kind, InPortal: true, EmailFrequency.Immediately, CanBeMuted: false));
        return services;
    }
}

public static class NotificationRegistration
{
    /// <summary>The notifier, the bell, preferences, the mail handlers and the digest job. Features add
    /// their kinds with <see cref="NotificationKindRegistration.AddNotificationKind"/>.</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton<NotificationKindRegistry>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationPreferenceService>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<NotificationMailRenderer>();
        services.AddOutboxHandler<NotificationMail, NotificationMailHandler>();
        services.AddOutboxHandler<NotificationDigestMail, NotificationDigestHandler>();
        services.AddTimedJob<DigestJob>(DigestJob.Name, DigestJob.Interval);
        return services;
    }
}
