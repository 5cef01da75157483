using Portal.Domain.Assignments;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using static Portal.Domain.Directory.ExploitationForm;

namespace Portal.Infrastructure.Seeding;

public static partial class DemoData
{
    /// <summary>The demo's government assignments, for tests and the demo.</summary>
    public static class Assignments
    {
        /// <summary>Ju2017/01271/PO: all forms of trafficking, 1,200,000 kronor over four expenditure areas.</summary>
        public static readonly Guid Justice2017 = IdFor("assignment:ju2017-01271-po");
        public const string Justice2017Number = "Ju2017/01271/PO";

        /// <summary>S2014/1695/FST: children, 3,000,000 kronor from expenditure area 9.</summary>
        public static readonly Guid Children2014 = IdFor("assignment:s2014-1695-fst");
        public const string Children2014Number = "S2014/1695/FST";

        /// <summary>An invented decision for the current year (the two real ones are long closed), so that the plan,
        /// the deadlines and a report draft have something of this year to show. Its number is made up.</summary>
        public static readonly Guid ThisYear = IdFor("assignment:this-year");
        public static string ThisYearNumber(int year) => $"Ju{year}/00417/PO";

        /// <summary>Titles of some planned activities, for tests.</summary>
        public const string NmtActivity = "Metodstöd i operativa ärenden genom NMT";
        public const string LampActivity = "LAMP:s nätverksdagar";
        public const string EndingSoonActivity = "Kartläggning av barn som utnyttjas i kriminalitet";
    }

    /// <summary>The assignments' demo: the two decisions in the source documents — registration numbers, ministry,
    /// parts, partner authorities, amounts, appropriations, the authority to requisition from and the requisition,
    /// repayment and report dates as written there — and an invented decision for the current year with about
    /// twenty planned activities, owned by members of the secretariat, NMT, LAMP and the regional coordinators,
    /// linked to the demo's meetings, documents, threads and method-support requests. When the money of the two
    /// old decisions was requisitioned is not in the decisions: the dates recorded here are invented (before the
    /// deadline, the whole amount), so that the deadline overview does not show them as overdue for ever. The
    /// current year's dates are relative to the seeding day: one requisition and one activity's end come within
    /// the deadline job's two weeks, one activity is past its end and still in progress. Indexed for search here.</summary>
    private static async Task SeedAssignmentsAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var indexer = new AssignmentSearchIndexer(new SearchIndex());
        var today = StockholmTime.DayOf(now);
        var year = today.Year;
        Guid Person(string key) => IdFor("member:" + key);
        Guid Org(string key) => IdFor("org:" + key);
        static DateOnly Day(int year, int month, int day) => new(year, month, day);
        static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
        static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

        GovernmentAssignment Decision(Guid id, string number, string title, string ministry, DateOnly decided, DateOnly start, DateOnly end,
            string[] parts, string[] partners, bool childRights, decimal total, BudgetLineTerms[] lines, DateOnly repayment, DateOnly report)
        {
            var assignment = GovernmentAssignment.Register(new AssignmentTerms(RegistrationNumber.Parse(number), title, ministry, decided, start, end,
                parts, partners.Select(Org).ToList(), childRights, total, lines, repayment, report, null), now);
            SetId(assignment, id);
            assignment.ClearDomainEvents();
            db.GovernmentAssignments.Add(assignment);
            return assignment;
        }

        // ---- Ju2017/01271/PO (Justitiedepartementet, 2017-02-09) ----
        BudgetLineTerms Line2017(string area, string appropriation, string item) =>
            new(300_000m, area, appropriation, item, "Kammarkollegiet", Day(2017, 9, 15), Day(2017, 4, 3), 300_000m);
        var justice = Decision(Assignments.Justice2017, Assignments.Justice2017Number,
            "Uppdrag till Länsstyrelsen i Stockholms län att fortsätta utvecklingen av samordning och samverkan mot människohandel",
            "Justitiedepartementet", Day(2017, 2, 9), Day(2017, 1, 1), Day(2017, 12, 31),
            [
                "Samordna på nationell nivå det arbete som bedrivs mot sådan människohandel som syftar till avlägsnande av organ, krigstjänst, tvångsarbete eller annan verksamhet i en situation som innebär nödläge för den utsatte.",
                "Verka för stärkt samverkan mellan myndigheter, kommuner, frivillig- och intresseorganisationer samt andra nationella och internationella aktörer, inklusive Sveriges utlandsmyndigheter.",
                "Lämna metodstöd och genomföra kompetensutvecklingsinsatser riktade till de samverkande myndigheterna.",
            ],
            ["av", "af", "bo", "migrationsverket", "polisen", "skatteverket", "socialstyrelsen", "aklagare"], childRights: true, 1_200_000m,
            [
                Line2017("UO 4", "1:1", "ap.4"),
                Line2017("UO 8", "1:3", "ap.2"),
                Line2017("UO 14", "1:3", "ap.4"),
                Line2017("UO 9", "4:7", "ap.5"),
            ],
            Day(2018, 3, 15), Day(2018, 3, 15));

        // ---- S2014/1695/FST (Socialdepartementet, 2014-02-20). The decision names Rikspolisstyrelsen for the dialogue
        // on tourism; its successor in the directory is the Police Authority. ----
        var children = Decision(Assignments.Children2014, Assignments.Children2014Number,
            "Uppdrag att samordna arbetet mot människohandel och exploatering av barn", "Socialdepartementet",
            Day(2014, 2, 20), Day(2014, 1, 1), Day(2014, 12, 31),
            [
                "Samordna spridningen av kunskap och metoder för att ge stöd och skydd till barn mot människohandel och exploatering, till kommuner, landsting, länsstyrelser och myndigheter i deras arbete.",
                "Verka för att förnya och utveckla samarbetet med taxibolag och hotell- och restaurangbranschen i syfte att öka möjligheten att identifiera barn som exploateras för olika ändamål.",
                "Informera allmänheten om förekomsten av sexuell exploatering av barn i samband med turism och resande och att övergreppen i stor utsträckning utgör brott även utomlands samt uppmana allmänheten att anmäla kännedom om misstänkta övergrepp.",
                "Bidra till en förstärkt samordning och samarbete på operativ nivå mellan relevanta myndigheter inom EU.",
            ],
            ["polisen"], childRights: true, 3_000_000m,
            [new BudgetLineTerms(3_000_000m, "UO 9", "4:7", "ap.4", "Socialstyrelsen", Day(2014, 12, 1), Day(2014, 6, 2), 3_000_000m)],
            Day(2015, 3, 31), Day(2015, 5, 31));

        // ---- This year's decision (invented): one requisition within two weeks, one done earlier in the year ----
        var yearEnd = Day(year, 12, 31);
        var soon = Earliest(today.AddDays(10), yearEnd);
        var early = Day(year, 3, 31);
        var thisYear = Decision(Assignments.ThisYear, Assignments.ThisYearNumber(year),
            "Uppdrag att fortsätta samordningen av arbetet mot människohandel och exploatering", "Justitiedepartementet",
            Day(year, 1, 30), Day(year, 1, 1), yearEnd,
            [
                "Samordna arbetet mot människohandel för alla ändamål på nationell nivå och stärka samverkan mellan myndigheter, kommuner och civilsamhället.",
                "Ge metodstöd i operativa ärenden genom Nationellt metodstödsteam (NMT).",
                "Genomföra kompetensutvecklingsinsatser för yrkesverksamma som kan möta utsatta.",
                "Särskilt uppmärksamma barns rättigheter och stödet till barn som utsätts för människohandel och exploatering.",
            ],
            ["polisen", "aklagare", "migrationsverket", "socialstyrelsen", "av", "bo"], childRights: false, 4_000_000m,
            [
                new BudgetLineTerms(2_000_000m, "UO 4", "1:1", "ap.4", "Kammarkollegiet", soon, null, null),
                new BudgetLineTerms(2_000_000m, "UO 9", "4:7", "ap.5", "Socialstyrelsen", early,
                    today > early ? Day(year, 3, 10) : null, today > early ? 2_000_000m : null),
            ],
            Day(year + 1, 3, 31), Day(year + 1, 3, 31));
        Guid Part(int number) => thisYear.Parts.Single(p => p.Number == number).Id;

        // ---- The plan for the current year ----
        var meetings = db.Meetings.Local.ToList().ToDictionary(m => m.Title, m => m.Id);
        var documents = db.Documents.Local.ToList().ToDictionary(d => d.Title, d => d.Id);
        var threads = db.Threads.Local.ToList().ToDictionary(t => t.Title, t => t.Id);
        var secretariat = Person("anna.lindqvist");

        PlannedActivity Activity(string title, ActivityKind kind, string owner, int[] parts, Guid? workspace, DateOnly start, DateOnly end,
            decimal plannedCost, ExploitationForm[] forms, bool child = false, string? description = null, ActivityStatus? status = null)
        {
            // What the plan says today: finished before today, under way, or still ahead.
            var state = status ?? (end < today ? ActivityStatus.Done : start <= today ? ActivityStatus.InProgress : ActivityStatus.Planned);
            var spent = state switch
            {
                ActivityStatus.Done => plannedCost * 0.9m,
                ActivityStatus.InProgress => plannedCost * 0.4m,
                _ => 0m,
            };
            var activity = PlannedActivity.Plan(new ActivityTerms(year, title, description, kind, Person(owner), workspace,
                parts.Select(Part).ToList(), start, end, state, plannedCost, Math.Round(spent, 0), forms, child), thisYear, now);
            db.PlannedActivities.Add(activity);
            return activity;
        }

        void Link(PlannedActivity activity, ActivityLinkKind kind, Guid? target)
        {
            if (target is { } id)
                activity.Link(kind, id, secretariat, now);
        }

        Guid? Meeting(string title) => meetings.TryGetValue(title, out var id) ? id : null;
        Guid? Document(string title) => documents.TryGetValue(title, out var id) ? id : null;
        Guid? Thread(string title) => threads.TryGetValue(title, out var id) ? id : null;

        var nmt = Activity(Assignments.NmtActivity, ActivityKind.MethodSupport, "erik.sandberg", [2], Workspaces.Nmt,
            Day(year, 1, 1), yearEnd, 600_000m, [SexualPurposes, ForcedLabour, Begging, CriminalActivities],
            description: "NMT tar emot förfrågningar om metodstöd, fördelar dem mellan myndigheterna och följer upp hänvisningarna. Veckomöte varje tisdag.");
        Link(nmt, ActivityLinkKind.Meeting, Meeting(Meetings.NmtWeekly));
        foreach (var reference in new[] { "2026-0001", "2026-0002", "2026-0003" })
            Link(nmt, ActivityLinkKind.SupportRequest, IdFor("support:" + reference));
        Link(nmt, ActivityLinkKind.Thread, Thread(Threads.NmtMethodSupport));

        var lamp = Activity(Assignments.LampActivity, ActivityKind.Network, "lars.persson", [1], Workspaces.Lamp,
            Day(year, 2, 1), Day(year, 12, 15), 250_000m, [SexualPurposes, ForcedLabour],
            description: "Två nätverksdagar för länsstyrelsernas kontaktpersoner: lägesbild, erfarenhetsutbyte och planering av regionala utbildningar.");
        Link(lamp, ActivityLinkKind.Meeting, Meeting(Meetings.LampNetworkDay));
        Link(lamp, ActivityLinkKind.Thread, Thread(Threads.CrossAuthority));

        var regional = Activity("Regionkoordinatorernas nätverk", ActivityKind.Network, "erik.sandberg", [1], Workspaces.RegionalCoordinators,
            Day(year, 1, 1), yearEnd, 150_000m, [SexualPurposes, ForcedLabour, Begging]);
        Link(regional, ActivityLinkKind.Meeting, Meeting(Meetings.RegionalMonthly));

        var basicTraining = Activity("Grundutbildning för socialtjänsten", ActivityKind.Training, "anna.lindqvist", [3], Workspaces.InformationNetwork,
            Day(year, 9, 1), yearEnd, 180_000m, [SexualPurposes, ForcedLabour, Begging],
            description: "Tecken på människohandel, första steg och vart man vänder sig – för kommunernas socialtjänst och andra yrkesverksamma.");
        Link(basicTraining, ActivityLinkKind.Meeting, Meeting(Meetings.Training));

        var hotels = Activity("Utbildning för hotell- och restaurangbranschen", ActivityKind.Training, "anna.lindqvist", [3, 4],
            Workspaces.InformationNetwork, Day(year, 5, 1), Day(year, 11, 30), 120_000m, [SexualPurposes], child: true);
        Link(hotels, ActivityLinkKind.Meeting, Meeting(Meetings.PastTraining));

        var manual = Activity("Revidering av manualen vid misstanke om människohandel", ActivityKind.Guidance, "johanna.wall", [1],
            Workspaces.ManualRevision, Day(year, 1, 15), Day(year, 10, 31), 300_000m, [SexualPurposes, ForcedLabour, Begging, CriminalActivities, OrganRemoval]);
        Link(manual, ActivityLinkKind.Document, Document(Documents.Manual));

        var checklists = Activity("Checklistor för första kontakten och för barn", ActivityKind.Guidance, "johanna.wall", [1, 4], null,
            Day(year, 3, 1), Day(year, 12, 20), 80_000m, [SexualPurposes, ForcedLabour], child: true);
        Link(checklists, ActivityLinkKind.Document, Document(Documents.FirstContact));
        Link(checklists, ActivityLinkKind.Document, Document(Documents.Children));

        var inspections = Activity("Gemensamma arbetsplatskontroller med Arbetsmiljöverket", ActivityKind.MethodSupport, "karin.holm", [1],
            Workspaces.Nmt, Day(year, 4, 1), Day(year, 10, 15), 90_000m, [ForcedLabour]);
        Link(inspections, ActivityLinkKind.Document, Document(Documents.WorkplaceInspection));
        Link(inspections, ActivityLinkKind.SupportRequest, IdFor("support:2025-0001"));

        // Ends within the deadline job's two weeks; its start (and the late report's) may fall in the year before early in January.
        var endingSoon = today.AddDays(7);
        var childCrime = Activity(Assignments.EndingSoonActivity, ActivityKind.Study, "ola.svensson", [4], Workspaces.RegionalCoordinators,
            Earliest(Day(year, 2, 1), endingSoon.AddDays(-60)), endingSoon, 200_000m, [CriminalActivities], child: true, status: ActivityStatus.InProgress);
        Link(childCrime, ActivityLinkKind.Thread, Thread(Threads.ChildConcerned));

        var late = Latest(today.AddDays(-5), Day(year, 1, 1));
        Activity("Lägesrapport om människohandel för tvångsarbete", ActivityKind.Study, "johanna.wall", [1], Workspaces.SteeringGroup,
            Earliest(Day(year, 1, 10), late.AddDays(-60)), late, 150_000m, [ForcedLabour], status: ActivityStatus.InProgress,
            description: "Sammanställning av ärenden och hänvisningar under året; ska ha varit klar men väntar på underlag från två län.");
        Activity("Kampanj: sexuell exploatering av barn vid resor", ActivityKind.Campaign, "anna.lindqvist", [4], Workspaces.InformationNetwork,
            Day(year, 6, 1), Day(year, 8, 31), 350_000m, [SexualPurposes], child: true);
        Activity("Informationsinsats till taxibranschen", ActivityKind.Campaign, "anna.lindqvist", [4], null,
            Day(year, 10, 1), Day(year + 1, 2, 28), 100_000m, [SexualPurposes, CriminalActivities], child: true);
        Activity("Stödlinjen för yrkesverksamma", ActivityKind.MethodSupport, "erik.sandberg", [2], Workspaces.Nmt,
            Day(year, 1, 1), yearEnd, 220_000m, [SexualPurposes, ForcedLabour, Begging, CriminalActivities, Other]);
        Activity("Regionala utbildningsdagar i Skåne", ActivityKind.Training, "lars.persson", [3], Workspaces.Lamp,
            Day(year, 3, 1), Day(year, 4, 30), 90_000m, [SexualPurposes, ForcedLabour]);
        Activity("Återvändande och stöd i hemlandet – samverkan med IOM", ActivityKind.Network, "erik.sandberg", [1], null,
            Day(year, 2, 1), Day(year, 11, 30), 130_000m, [SexualPurposes, ForcedLabour, Other]);
        Activity("Operativ samverkan inom EU om barn som exploateras", ActivityKind.Network, "karin.holm", [4], null,
            Day(year, 5, 1), Day(year + 1, 5, 31), 160_000m, [Begging, CriminalActivities], child: true, status: ActivityStatus.Postponed);
        Activity("Utvärdering av hänvisningar till socialtjänsten", ActivityKind.Study, "ola.svensson", [2], null,
            Day(year, 11, 1), Day(year + 1, 3, 31), 70_000m, [SexualPurposes, ForcedLabour]);
        Activity("Nationell konferens om människohandel", ActivityKind.Network, "anna.lindqvist", [1, 3], null,
            Day(year, 9, 15), Day(year, 10, 15), 400_000m, [SexualPurposes, ForcedLabour, Begging, CriminalActivities], status: ActivityStatus.Cancelled,
            description: "Ställdes in; ersätts av regionala utbildningsdagar.");
        Activity("Webbutbildning om tecken på tvångsarbete", ActivityKind.Training, "johanna.wall", [3], null,
            Day(year, 8, 1), Day(year + 1, 1, 31), 110_000m, [ForcedLabour]);

        // None of the demo's guidance documents is a decision, so no decision document is attached.
        // A snapshot: indexing queries the context, which may add to what it tracks.
        var planned = db.PlannedActivities.Local.ToList();
        foreach (var activity in planned)
            activity.ClearDomainEvents();
        foreach (var assignment in new[] { justice, children, thisYear })
            await indexer.IndexAssignmentAsync(db, assignment, cancellationToken);
        foreach (var activity in planned)
            await indexer.IndexActivityAsync(db, activity, cancellationToken);
    }
}
