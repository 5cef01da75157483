using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>The kinds of notification the meetings core raises. Invitations, changes and cancellations
/// already go out by e-mail with the <c>.ics</c> attached (the calendar part's outbox handler), so these
/// are bell rows only by default — a second mail about the same thing would be noise; a member may still
/// ask for mails in their preferences.</summary>
public static class MeetingNotificationKinds
{
    public const string Invited = "meeting-invited";
    public const string Changed = "meeting-changed";
    public const string Cancelled = "meeting-cancelled";

    public static IServiceCollection AddMeetingNotificationKinds(this IServiceCollection services) => services
        .AddNotificationKind(new NotificationKindDefinition(Invited, InPortal: true, EmailFrequency.Never))
        .AddNotificationKind(new NotificationKindDefinition(Changed, InPortal: true, EmailFrequency.Never))
        .AddNotificationKind(new NotificationKindDefinition(Cancelled, InPortal: true, EmailFrequency.Never));
}
