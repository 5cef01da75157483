using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>The notifications of the minutes part. Each has a date or a person waiting on it, so each mails at
/// once; a mail carries the meeting's title and a link (the shared notification mail), never the minutes.</summary>
public static class MeetingMinutesNotificationKinds
{
    /// <summary>An action item was given to me.</summary>
    public const string ActionAssigned = "meeting-action-assigned";

    /// <summary>An action item's due day has passed (to the assignee and the meeting's lead).</summary>
    public const string ActionOverdue = "meeting-action-overdue";

    /// <summary>The deadline for proposing agenda items is near (to the invitees).</summary>
    public const string AgendaDeadline = "meeting-agenda-deadline";

    /// <summary>A seat was freed for me on a training I was waiting for.</summary>
    public const string TrainingSeat = "meeting-training-seat";

    public static IServiceCollection AddMeetingMinutesNotificationKinds(this IServiceCollection services) => services
        .AddNotificationKind(new NotificationKindDefinition(ActionAssigned, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(ActionOverdue, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(AgendaDeadline, InPortal: true, EmailFrequency.DailyDigest))
        .AddNotificationKind(new NotificationKindDefinition(TrainingSeat, InPortal: true, EmailFrequency.Immediately, CanBeMuted: false));
}
