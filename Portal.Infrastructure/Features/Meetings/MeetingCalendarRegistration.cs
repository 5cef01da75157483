using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

public static class MeetingCalendarRegistration
{
    /// <summary>Meetings in calendars: the <c>.ics</c> writer, downloads and personal feeds, the invitation
    /// mails (the outbox handler of <see cref="MeetingCalendarChanged"/>) and the day-before reminders.</summary>
    public static IServiceCollection AddMeetingCalendar(this IServiceCollection services)
    {
        services.AddSingleton<MeetingCalendar>();
        services.AddSingleton<MeetingCalendarService>();
        services.AddSingleton<CalendarFeedService>();
        services.AddWriteLimit(CalendarFeedService.FeedWrite, 10, TimeSpan.FromMinutes(10));
        services.AddOutboxHandler<MeetingCalendarChanged, MeetingCalendarMailHandler>();
        // A reminder is worth a mail at once: it is about tomorrow.
        services.AddNotificationKind(new NotificationKindDefinition(MeetingReminderJob.Kind, InPortal: true, EmailFrequency.Immediately));
        services.AddTimedJob<MeetingReminderJob>(MeetingReminderJob.Name, MeetingReminderJob.Interval);
        return services;
    }
}
