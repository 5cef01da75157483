using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Seeding;

public static partial class DemoData
{
    /// <summary>Titles of the demo meetings, for tests and the demo.</summary>
    public static class Meetings
    {
        public const string NmtWeekly = "NMT:s veckomöte – ärenden och metodstöd";
        public const string LampNetworkDay = "LAMP:s nätverksdag";
        public const string RegionalMonthly = "Regionkoordinatorernas månadsavstämning";
        public const string Training = "Utbildning: att känna igen tecken på människohandel";
        public const string PastTraining = "Utbildning för hotell- och restaurangpersonal";
    }

    /// <summary>The meetings' demo: NMT's weekly meeting (a series that began five weeks ago, with minutes,
    /// decisions and action items from its latest occurrence and replies to the next), LAMP's network day with
    /// an agenda and a member's proposal, the regional coordinators' monthly "second Tuesday" meeting, an
    /// upcoming training with registrations and a waiting list, and a training held last month with outside
    /// participants (the figures for the yearly report). Built through the domain with times before and after
    /// the seeding time, and the minutes indexed for search.</summary>
    private static async Task SeedMeetingsAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = StockholmTime.Zone;
        var today = StockholmTime.DayOf(now);
        var indexer = new MeetingMinutesIndexer(new SearchIndex());
        Guid Person(string key) => IdFor("member:" + key);

        async Task<List<Guid>> MembersOf(Guid workspaceId) => await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.Status == MembershipStatus.Active)
            .Select(m => m.MemberId).ToListAsync(cancellationToken);

        // The coming weekday on or after a day, at a wall-clock time.
        static DateTime On(DateOnly day, DayOfWeek weekday, int hour, int minute = 0)
        {
            var shift = ((int)weekday - (int)day.DayOfWeek + 7) % 7;
            return day.AddDays(shift).ToDateTime(new TimeOnly(hour, minute));
        }

        // ---- NMT's weekly meeting: five past occurrences, the series runs to twenty ----
        var nmtMembers = await MembersOf(Workspaces.Nmt);
        var weeklyStart = On(today.AddDays(-35), DayOfWeek.Tuesday, 9);
        var weekly = Meeting.Schedule(MeetingKind.Meeting,
            new MeetingDetails(Meetings.NmtWeekly,
                "Genomgång av inkomna metodstödsärenden, fördelning mellan myndigheterna och uppföljning av hänvisningar. Ta med nya ärenden och frågor.",
                null, "https://meet.example.se/nmt-veckomote"),
            [Workspaces.Nmt], Person("erik.sandberg"), weeklyStart, weeklyStart.AddHours(1),
            MeetingRecurrence.Weekly(1, 20, null), nmtMembers, null, Person("karin.holm"), zone);
        var past = weekly.OccurrencesInOrder.Where(o => o.End < now).ToList();
        var next = weekly.OccurrencesInOrder.First(o => o.Start > now);
        foreach (var (member, answer, comment) in new (string, ReplyAnswer, string?)[]
                 {
                     ("karin.holm", ReplyAnswer.Accepted, null),
                     ("johan.berg", ReplyAnswer.Accepted, null),
                     ("sara.nilsson", ReplyAnswer.Maybe, "Kan bli sen – förhandling på förmiddagen."),
                     ("maria.ek", ReplyAnswer.Declined, "På utbildning i Göteborg den dagen."),
                 })
            weekly.Reply(next.Id, Person(member), answer, comment, now.AddHours(-20));
        if (past.Count > 0)
        {
            var latest = past[^1];
            var held = latest.End;
            var heldDay = StockholmTime.DayOf(held);
            weekly.WriteMinutes(latest.Id, """
                ## Inkomna ärenden
                Tre nya förfrågningar om metodstöd: två om misstänkt tvångsarbete i bärplockning och byggbranschen, en om ett barn
                som kan utnyttjas i kriminalitet. Ärendet om barnet fördelades till socialtjänstens representant och polisen.

                ## Hänvisningar
                Hänvisningen till Migrationsverket i ärendet från Västra Götaland är besvarad.

                ## Övrigt
                Utbildningen för hotell- och restaurangpersonal utvärderas på nästa möte.
                """, Person("karin.holm"), held.AddHours(2));
            foreach (var member in nmtMembers)
                weekly.RecordAttendance(latest.Id, member, member != Person("maria.ek"));
            weekly.AddDecision(latest.Id, "Förfrågningar som rör barn ska alltid ha en tilldelad handläggare från socialtjänsten inom en arbetsdag.",
                Person("karin.holm"), held.AddHours(2));
            weekly.AddActionItem(latest.Id, "Sammanställ hänvisningarna under kvartalet till länsstyrelsernas rapport.", Person("johan.berg"),
                heldDay.AddDays(3), Person("karin.holm"), heldDay, held.AddHours(2));
            weekly.AddActionItem(latest.Id, "Kontakta regionkoordinatorn i Skåne om stödinsatser för de utsatta i bärplockningsärendet.", Person("karin.holm"),
                today.AddDays(6), Person("karin.holm"), heldDay, held.AddHours(2));
        }
        db.Meetings.Add(weekly);
        foreach (var occurrence in past)
            await indexer.IndexMinutesAsync(db, weekly, occurrence, cancellationToken);

        // ---- LAMP's network day: in three weeks, in person, with an agenda ----
        var lampMembers = await MembersOf(Workspaces.Lamp);
        var dayStart = On(today.AddDays(21), DayOfWeek.Thursday, 9, 30);
        var networkDay = Meeting.Schedule(MeetingKind.NetworkDay,
            new MeetingDetails(Meetings.LampNetworkDay,
                "Länsstyrelsernas kontaktpersoner träffas för lägesbild, erfarenhetsutbyte och planering av nästa års regionala utbildningar.",
                "Länsstyrelsen i Stockholms län, Regeringsgatan 66, Stockholm", null),
            [Workspaces.Lamp], Person("lars.persson"), dayStart, dayStart.Date.AddHours(16), null, lampMembers, null, null, zone);
        var dayOccurrence = networkDay.OccurrencesInOrder.Single();
        networkDay.AddAgendaItem(dayOccurrence.Id, "Lägesbild från länen", Person("lars.persson"), 60, null, Person("lars.persson"), now.AddDays(-2));
        networkDay.AddAgendaItem(dayOccurrence.Id, "Regionala utbildningar nästa år", Person("lars.persson"), 90, null, Person("lars.persson"), now.AddDays(-2));
        db.Meetings.Add(networkDay);

        // ---- The regional coordinators' monthly meeting on the second Tuesday ----
        var regional = await MembersOf(Workspaces.RegionalCoordinators);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        var secondTuesday = MeetingSchedule.NthWeekday(firstOfMonth.Year, firstOfMonth.Month, DayOfWeek.Tuesday, 2);
        var monthlyStart = (DateOnly.FromDateTime(secondTuesday) < today
            ? MeetingSchedule.NthWeekday(firstOfMonth.AddMonths(1).Year, firstOfMonth.AddMonths(1).Month, DayOfWeek.Tuesday, 2)
            : secondTuesday).Date.AddHours(13);
        var monthly = Meeting.Schedule(MeetingKind.Meeting,
            new MeetingDetails(Meetings.RegionalMonthly, "Avstämning av stödinsatser och återvändande i pågående ärenden.", null,
                "https://meet.example.se/regionkoordinatorer"),
            [Workspaces.RegionalCoordinators], Person("erik.sandberg"), monthlyStart, monthlyStart.AddMinutes(90),
            MeetingRecurrence.Monthly(2, 12, null), regional, null, null, zone);
        db.Meetings.Add(monthly);

        // ---- An upcoming training in the information network: registrations and a waiting list ----
        var informationMembers = await MembersOf(Workspaces.InformationNetwork);
        var trainingStart = On(today.AddDays(28), DayOfWeek.Wednesday, 13);
        var training = Meeting.Schedule(MeetingKind.Training,
            new MeetingDetails(Meetings.Training,
                "Grundutbildning för kommunernas socialtjänst och andra yrkesverksamma: tecken på människohandel, första steg och vart man vänder sig.",
                "Malmö stadshus, Stortorget 2, Malmö", "https://meet.example.se/utbildning-tecken"),
            [Workspaces.InformationNetwork], Person("anna.lindqvist"), trainingStart, trainingStart.AddHours(3), null,
            informationMembers, 4, null, zone);
        var trainingOccurrence = training.OccurrencesInOrder.Single();
        foreach (var (member, hours) in new[] { ("fatima.ali", 70), ("marco.rossi", 60), ("greta.alm", 50), ("david.nord", 30), ("tove.mark", 10) })
            training.Register(trainingOccurrence.Id, Person(member), now.AddHours(-hours));
        db.Meetings.Add(training);

        // ---- A training held last month: outside participants and attendance for the yearly figures ----
        var heldStart = On(today.AddDays(-30), DayOfWeek.Thursday, 9);
        var pastTraining = Meeting.Schedule(MeetingKind.Training,
            new MeetingDetails(Meetings.PastTraining, "Kampanjutbildning om tecken på sexuell exploatering på hotell.",
                "Scandic Continental, Vasagatan 22, Stockholm", null),
            [Workspaces.InformationNetwork], Person("anna.lindqvist"), heldStart, heldStart.AddHours(2), null,
            informationMembers, 40, null, zone);
        var heldOccurrence = pastTraining.OccurrencesInOrder.Single();
        foreach (var member in new[] { "linnea.ek", "birgitta.sund" })
        {
            pastTraining.Register(heldOccurrence.Id, Person(member), heldOccurrence.Start.AddDays(-10));
            pastTraining.MarkRegistrationAttended(heldOccurrence.Id, Person(member), true);
        }
        foreach (var (organisation, kind, county, count) in new (string, ParticipantOrganisationKind, County, int)[]
                 {
                     ("Scandic Hotels", ParticipantOrganisationKind.Business, County.Stockholm, 14),
                     ("Stockholms stad", ParticipantOrganisationKind.Municipality, County.Stockholm, 6),
                     ("Taxi Stockholm", ParticipantOrganisationKind.Business, County.Stockholm, 3),
                 })
        {
            // Counted rows are what came: they carry no attendance of their own.
            pastTraining.AddOutsideParticipant(heldOccurrence.Id, null, organisation, kind, county, count,
                Person("anna.lindqvist"), heldOccurrence.Start.AddDays(-3));
        }
        db.Meetings.Add(pastTraining);
    }
}
