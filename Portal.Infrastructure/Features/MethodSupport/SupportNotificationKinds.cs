using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>The kinds of notification method support raises. Each carries the request's reference and a link
/// (the subject's title is the reference), never its text. Someone waits for each of them, so they mail at
/// once; none can be muted away by muting a workspace (a request lives in none).</summary>
public static class SupportNotificationKinds
{
    /// <summary>To the members on duty: a new request is in the queue.</summary>
    public const string Submitted = "support.submitted";
    /// <summary>To the newly assigned.</summary>
    public const string Assigned = "support.assigned";
    /// <summary>To the asker and viewers: NMT replied.</summary>
    public const string Replied = "support.replied";
    /// <summary>To the assignees: the asker or a viewer followed up.</summary>
    public const string FollowedUp = "support.followed-up";
    /// <summary>To the asker and viewers: referred to an organisation.</summary>
    public const string Referred = "support.referred";
    /// <summary>To the asker and viewers: closed.</summary>
    public const string Closed = "support.closed";
    /// <summary>To a member the asker let see the request.</summary>
    public const string Shared = "support.shared";

    public static IServiceCollection AddSupportNotificationKinds(this IServiceCollection services) => services
        .AddNotificationKind(new NotificationKindDefinition(Submitted, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Assigned, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Replied, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(FollowedUp, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Referred, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Closed, InPortal: true, EmailFrequency.DailyDigest))
        .AddNotificationKind(new NotificationKindDefinition(Shared, InPortal: true, EmailFrequency.Immediately));
}
