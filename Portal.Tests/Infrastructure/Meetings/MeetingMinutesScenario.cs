using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Meetings;

/// <summary>Meetings of the NMT team for the minutes tests, scheduled straight through the aggregate (the core
/// part's use cases are tested on their own): Erik Sandberg leads NMT; Karin Holm and Johan Berg are members;
/// Fatima Ali is in none of its workspaces.</summary>
internal static class MeetingMinutesScenario
{
    public static readonly Guid Erik = DemoData.Personas.NmtLead;
    public static readonly Guid Karin = DemoData.Personas.NmtPolice;
    public static readonly Guid Johan = DemoData.IdFor("member:johan.berg");
    public static readonly Guid Sara = DemoData.IdFor("member:sara.nilsson");
    public static readonly Guid Fatima = DemoData.Personas.NgoMember;
    public static readonly Guid Administrator = DemoData.Personas.Administrator;

    public static async Task<(Guid MeetingId, Guid OccurrenceId)> ScheduleAsync(IDbContextFactory<PortalDbContext> contexts, DateTime localStart,
        MeetingKind kind = MeetingKind.Meeting, int? seats = null, Guid? secretary = null, IReadOnlyCollection<Guid>? invitees = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var meeting = Meeting.Schedule(kind, new MeetingDetails("NMT-möte", "Veckans ärenden", "Polishuset", null), [DemoData.Workspaces.Nmt], Erik,
            localStart, localStart.AddHours(2), null, invitees ?? [Erik, Karin, Johan], seats, secretary, StockholmTime.Zone);
        meeting.ClearDomainEvents();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Occurrences.Single().Id);
    }
}
