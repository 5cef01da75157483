using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.Discussions;
using Portal.Domain.Updates;
using Portal.Domain.Members;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using static Portal.Domain.Directory.ExploitationForm;

namespace Portal.Infrastructure.Seeding;

/// <summary>Fictional demo data: real kinds of organisation, invented people. Ids are derived from
/// stable keys so that tests and the demo sign-in can name a persona.</summary>
public static partial class DemoData
{
    /// <summary>Well-known personas, for the demo sign-in and for tests.</summary>
    public static class Personas
    {
        public static readonly Guid Administrator = IdFor("member:anna.lindqvist");
        public static readonly Guid NmtLead = IdFor("member:erik.sandberg");
        public static readonly Guid NmtPolice = IdFor("member:karin.holm");
        public static readonly Guid LampLead = IdFor("member:lars.persson");
        public static readonly Guid NgoMember = IdFor("member:fatima.ali");
        public static readonly Guid RegionalCoordinator = IdFor("member:ola.svensson");
    }

    public static class Workspaces
    {
        public static readonly Guid Nmt = IdFor("workspace:nmt");
        public static readonly Guid Lamp = IdFor("workspace:lamp");
        public static readonly Guid RegionalCoordinators = IdFor("workspace:regionkoordinatorer");
        public static readonly Guid InformationNetwork = IdFor("workspace:informationsnatverk");
        public static readonly Guid ManualRevision = IdFor("workspace:manualrevision");
        public static readonly Guid SteeringGroup = IdFor("workspace:ledningsgrupp");
    }

    public static Guid IdFor(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes(key)));

    public static string TenantFor(string organisationKey) => IdFor("tenant:" + organisationKey).ToString("D");

    private static readonly (string Key, string Name, County County)[] CountyBoards =
    [
        ("lst-ab", "Länsstyrelsen i Stockholms län", County.Stockholm),
        ("lst-c", "Länsstyrelsen i Uppsala län", County.Uppsala),
        ("lst-d", "Länsstyrelsen i Södermanlands län", County.Sodermanland),
        ("lst-e", "Länsstyrelsen i Östergötlands län", County.Ostergotland),
        ("lst-f", "Länsstyrelsen i Jönköpings län", County.Jonkoping),
        ("lst-g", "Länsstyrelsen i Kronobergs län", County.Kronoberg),
        ("lst-h", "Länsstyrelsen i Kalmar län", County.Kalmar),
        ("lst-i", "Länsstyrelsen i Gotlands län", County.Gotland),
        ("lst-k", "Länsstyrelsen i Blekinge län", County.Blekinge),
        ("lst-m", "Länsstyrelsen i Skåne län", County.Skane),
        ("lst-n", "Länsstyrelsen i Hallands län", County.Halland),
        ("lst-o", "Länsstyrelsen i Västra Götalands län", County.VastraGotaland),
        ("lst-s", "Länsstyrelsen i Värmlands län", County.Varmland),
        ("lst-t", "Länsstyrelsen i Örebro län", County.Orebro),
        ("lst-u", "Länsstyrelsen i Västmanlands län", County.Vastmanland),
        ("lst-w", "Länsstyrelsen i Dalarnas län", County.Dalarna),
        ("lst-x", "Länsstyrelsen i Gävleborgs län", County.Gavleborg),
        ("lst-y", "Länsstyrelsen i Västernorrlands län", County.Vasternorrland),
        ("lst-z", "Länsstyrelsen i Jämtlands län", County.Jamtland),
        ("lst-ac", "Länsstyrelsen i Västerbottens län", County.Vasterbotten),
        ("lst-bd", "Länsstyrelsen i Norrbottens län", County.Norrbotten),
    ];

    // The county boards' LAMP contacts (one per county), invented names.
    private static readonly string[] LampContacts =
    [
        "Eva Nyström", "Helena Åberg", "Mikael Dahl", "Sofia Lund", "Peter Ström", "Emma Forsberg", "Jonas Wikström",
        "Lina Hedlund", "Anders Sjöberg", "Lars Persson", "Daniel Engström", "Ida Lundgren", "Tomas Berglund", "Malin Hellström",
        "Henrik Sundberg", "Camilla Björk", "Fredrik Isaksson", "Johanna Falk", "Magnus Lindberg", "Sara Eklund", "Niklas Holmberg",
    ];

    public static async Task SeedAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
            return;

        var organisations = new Dictionary<string, Organisation>();
        Organisation Org(string key, string name, OrganisationKind kind, string? shortName = null, string? parent = null,
            County[]? counties = null, string? email = null, string? phone = null)
        {
            var organisation = Organisation.Create(name, kind, shortName, parent is null ? null : organisations[parent].Id,
                counties ?? [], email, phone);
            SetId(organisation, IdFor("org:" + key));
            organisation.SetTenants([TenantFor(key)]);
            organisations[key] = organisation;
            return organisation;
        }

        var allCounties = Counties.All.ToArray();
        foreach (var (key, name, county) in CountyBoards)
            Org(key, name, OrganisationKind.CountyAdministrativeBoard, null, null, [county], $"{key}.manniskohandel@lansstyrelsen.example");
        organisations["lst-ab"].UpdateProfile("Länsstyrelsen i Stockholms län", "Nationell samordnare", allCounties,
            "nationell.samordnare@lansstyrelsen.example", "010-000 00 00 (stödtelefon för yrkesverksamma)");

        Org("polisen", "Polismyndigheten", OrganisationKind.StateAgency, "Polisen", counties: allCounties, email: "registrator@polisen.example");
        Org("polisen-noa", "Polisen – Nationella operativa avdelningen", OrganisationKind.StateAgency, "NOA", "polisen", allCounties, "noa.manniskohandel@polisen.example");
        Org("polisen-sthlm", "Polisen – Region Stockholm", OrganisationKind.StateAgency, null, "polisen", [County.Stockholm, County.Gotland]);
        Org("polisen-syd", "Polisen – Region Syd", OrganisationKind.StateAgency, null, "polisen", [County.Skane, County.Blekinge, County.Kronoberg, County.Kalmar]);
        Org("polisen-vast", "Polisen – Region Väst", OrganisationKind.StateAgency, null, "polisen", [County.VastraGotaland, County.Halland]);
        Org("polisen-grans", "Polisen – Gränspolisen", OrganisationKind.StateAgency, null, "polisen", allCounties);
        Org("aklagare", "Åklagarmyndigheten", OrganisationKind.StateAgency, "Åklagarmyndigheten", counties: allCounties, email: "registrator@aklagare.example");
        Org("migrationsverket", "Migrationsverket", OrganisationKind.StateAgency, counties: allCounties, email: "migrationsverket@migrationsverket.example");
        Org("socialstyrelsen", "Socialstyrelsen", OrganisationKind.StateAgency, counties: allCounties);
        Org("av", "Arbetsmiljöverket", OrganisationKind.StateAgency, counties: allCounties, email: "arbetsmiljoverket@av.example");
        Org("af", "Arbetsförmedlingen", OrganisationKind.StateAgency, counties: allCounties);
        Org("skatteverket", "Skatteverket", OrganisationKind.StateAgency, counties: allCounties);
        Org("bo", "Barnombudsmannen", OrganisationKind.StateAgency, counties: allCounties);
        Org("skr", "Sveriges Kommuner och Regioner", OrganisationKind.Municipality, "SKR", counties: allCounties);
        Org("stockholm-stad", "Stockholms stad – Socialtjänsten", OrganisationKind.Municipality, null, null, [County.Stockholm]);
        Org("stockholm-ungdomsjouren", "Stockholms stad – Ungdomsjouren", OrganisationKind.Municipality, "Ungdomsjouren", "stockholm-stad", [County.Stockholm], phone: "08-000 000 10");
        Org("goteborg-stad", "Göteborgs stad – Socialtjänsten", OrganisationKind.Municipality, null, null, [County.VastraGotaland]);
        Org("malmo-stad", "Malmö stad – Socialtjänsten", OrganisationKind.Municipality, null, null, [County.Skane]);
        Org("uppsala-kommun", "Uppsala kommun – Socialtjänsten", OrganisationKind.Municipality, null, null, [County.Uppsala]);
        Org("region-skane", "Region Skåne", OrganisationKind.Region, null, null, [County.Skane]);
        Org("plattformen", "Plattformen Civila Sverige mot Människohandel", OrganisationKind.Ngo, "Plattformen", counties: allCounties, email: "info@plattformen.example");
        Org("fralsningsarmen", "Frälsningsarmén", OrganisationKind.Ngo, counties: allCounties);
        Org("caritas", "Caritas Sverige", OrganisationKind.Ngo, counties: allCounties);
        Org("ecpat", "ECPAT Sverige", OrganisationKind.Ngo, counties: allCounties, email: "info@ecpat.example");
        Org("unicef", "UNICEF Sverige", OrganisationKind.Ngo, counties: allCounties);
        Org("iom", "IOM – Internationella organisationen för migration", OrganisationKind.InternationalOrganisation, "IOM", counties: allCounties, email: "iom.stockholm@iom.example");
        db.Organisations.AddRange(organisations.Values);

        var members = new Dictionary<string, Member>();
        Member Person(string key, string organisation, string name, string title, County? county, ExploitationForm[] forms, string[] languages, bool admin = false)
        {
            var member = Member.Create(TenantFor(organisation), "oid-" + key, organisations[organisation].Id, name,
                $"{Slug(key)}@{organisation}.example");
            SetId(member, IdFor("member:" + key));
            member.UpdateProfile(title, null, county, forms, languages);
            if (admin)
                member.GrantAdministrator();
            members[key] = member;
            return member;
        }

        Person("anna.lindqvist", "lst-ab", "Anna Lindqvist", "Handläggare, nationella samordningens sekretariat", County.Stockholm, [SexualPurposes, ForcedLabour], ["sv", "en"], admin: true);
        Person("erik.sandberg", "lst-ab", "Erik Sandberg", "Samordnare för NMT", County.Stockholm, [SexualPurposes, ForcedLabour, Begging, CriminalActivities], ["sv", "en"]);
        Person("johanna.wall", "lst-ab", "Johanna Wall", "Utredare, nationella samordningen", County.Stockholm, [SexualPurposes], ["sv", "en", "fr"], admin: true);
        Person("karin.holm", "polisen-noa", "Karin Holm", "Kriminalinspektör, människohandelsgruppen", County.Stockholm, [SexualPurposes, ForcedLabour], ["sv", "en"]);
        Person("mats.olsson", "polisen-grans", "Mats Olsson", "Gränspolis", County.Skane, [ForcedLabour, Other], ["sv", "en", "pl"]);
        Person("nora.haddad", "polisen-syd", "Nora Haddad", "Utredare, grova brott", County.Skane, [ForcedLabour, Begging, CriminalActivities], ["sv", "ar", "en"]);
        Person("jonas.karlsson", "polisen-vast", "Jonas Karlsson", "Kriminalinspektör", County.VastraGotaland, [SexualPurposes], ["sv", "en"]);
        Person("johan.berg", "aklagare", "Johan Berg", "Kammaråklagare", County.Stockholm, [SexualPurposes, ForcedLabour, OrganRemoval], ["sv", "en"]);
        Person("sara.nilsson", "migrationsverket", "Sara Nilsson", "Specialist människohandel", County.Stockholm, [SexualPurposes, ForcedLabour, WarService], ["sv", "en", "so"]);
        Person("maria.ek", "stockholm-ungdomsjouren", "Maria Ek", "Socialsekreterare, Ungdomsjouren", County.Stockholm, [SexualPurposes, CriminalActivities], ["sv", "en", "es"]);
        Person("hanna.lind", "socialstyrelsen", "Hanna Lind", "Utredare", County.Stockholm, [SexualPurposes], ["sv", "en"]);
        Person("per.axelsson", "av", "Per Axelsson", "Arbetsmiljöinspektör", County.Skane, [ForcedLabour], ["sv", "en", "ro"]);
        Person("lena.grahn", "av", "Lena Grahn", "Arbetsmiljöinspektör", County.VastraGotaland, [ForcedLabour], ["sv", "en"]);
        Person("ali.rahimi", "af", "Ali Rahimi", "Handläggare", County.Stockholm, [ForcedLabour], ["sv", "prs", "en"]);
        Person("birgitta.sund", "skatteverket", "Birgitta Sund", "Skatterevisor", County.Skane, [ForcedLabour, CriminalActivities], ["sv", "en"]);
        Person("tove.mark", "bo", "Tove Mark", "Utredare, barnrätt", County.Stockholm, [SexualPurposes, Begging], ["sv", "en"]);
        Person("ola.svensson", "malmo-stad", "Ola Svensson", "Regionkoordinator Syd", County.Skane, [SexualPurposes, ForcedLabour, Begging], ["sv", "en", "ro"]);
        Person("elin.ahmed", "goteborg-stad", "Elin Ahmed", "Regionkoordinator Väst", County.VastraGotaland, [SexualPurposes, ForcedLabour], ["sv", "en", "ar"]);
        Person("kristina.wennberg", "uppsala-kommun", "Kristina Wennberg", "Regionkoordinator Mitt", County.Uppsala, [SexualPurposes], ["sv", "en"]);
        Person("fatima.ali", "fralsningsarmen", "Fatima Ali", "Projektledare, stöd till utsatta", County.Stockholm, [SexualPurposes, Begging], ["sv", "en", "so"]);
        Person("marco.rossi", "caritas", "Marco Rossi", "Handläggare", County.Skane, [Begging, ForcedLabour], ["sv", "it", "ro"]);
        Person("linnea.ek", "ecpat", "Linnéa Ek", "Sakkunnig, barn i resor och turism", County.Stockholm, [SexualPurposes], ["sv", "en"]);
        Person("greta.alm", "iom", "Greta Alm", "Programansvarig, frivilligt återvändande", County.Stockholm, [SexualPurposes, ForcedLabour, Other], ["sv", "en", "ru"]);
        Person("david.nord", "plattformen", "David Nord", "Samordnare", County.Stockholm, [SexualPurposes, ForcedLabour], ["sv", "en"]);
        Person("rebecka.ling", "region-skane", "Rebecka Ling", "Kurator, sexuell hälsa", County.Skane, [SexualPurposes], ["sv", "en"]);
        // One LAMP contact per county board; Lars Persson at the Skåne board leads LAMP.
        for (var i = 0; i < CountyBoards.Length; i++)
            Person(Slug(LampContacts[i]), CountyBoards[i].Key, LampContacts[i], "Länssamordnare mot människohandel",
                CountyBoards[i].County, [SexualPurposes, ForcedLabour], ["sv", "en"]);
        db.Members.AddRange(members.Values);

        Workspace Space(Guid id, string name, WorkspaceKind kind, WorkspaceVisibility visibility, string purpose, string[] leads, string[] people, string[]? observers = null)
        {
            var workspace = Workspace.Create(name, kind, visibility, purpose);
            SetId(workspace, id);
            var by = members["anna.lindqvist"].Id;
            foreach (var lead in leads)
                workspace.AppointLead(members[lead].Id, by, now);
            foreach (var person in people)
            {
                workspace.Invite(members[person].Id, MembershipRole.Member, by, now);
                workspace.AcceptInvitation(members[person].Id, now);
            }
            foreach (var person in observers ?? [])
            {
                workspace.Invite(members[person].Id, MembershipRole.Observer, by, now);
                workspace.AcceptInvitation(members[person].Id, now);
            }
            workspace.ClearDomainEvents();
            db.Workspaces.Add(workspace);
            return workspace;
        }

        Space(Workspaces.Nmt, "NMT – Nationellt metodstödsteam", WorkspaceKind.Team, WorkspaceVisibility.Closed,
            "Nationellt metodstödsteam mot prostitution och människohandel. Ger metodstöd i operativa ärenden, länkar myndigheter och frivilligorganisationer till rätt instans och medverkar i utbildning.",
            ["erik.sandberg"], ["karin.holm", "johan.berg", "sara.nilsson", "maria.ek", "mats.olsson"], ["anna.lindqvist"]);
        var lampMembers = LampContacts.Select(Slug).Where(k => k != "lars.persson").ToArray();
        Space(Workspaces.Lamp, "LAMP – Länsstyrelsernas arbetsgrupp", WorkspaceKind.Network, WorkspaceVisibility.Closed,
            "Länsstyrelsernas gemensamma arbetsgrupp mot människohandel och prostitution: en kontaktperson per län.",
            ["lars.persson"], [.. lampMembers, "erik.sandberg"]);
        Space(Workspaces.RegionalCoordinators, "Regionkoordinatorernas nätverk", WorkspaceKind.Network, WorkspaceVisibility.Closed,
            "Nätverk för regionkoordinatorerna, som i samverkan med polisen ser till att den som utsatts får det stöd den har rätt till.",
            ["erik.sandberg"], ["ola.svensson", "elin.ahmed", "kristina.wennberg"]);
        Space(Workspaces.InformationNetwork, "Informationsnätverket mot människohandel", WorkspaceKind.InformationNetwork, WorkspaceVisibility.Open,
            "Öppet nätverk för information om utbildningar, nya rapporter och händelser. Alla i portalen kan gå med.",
            ["anna.lindqvist"], ["fatima.ali", "marco.rossi", "linnea.ek", "greta.alm", "david.nord", "ola.svensson", "tove.mark", "ali.rahimi", "birgitta.sund"]);
        Space(Workspaces.ManualRevision, "Arbetsgrupp: revidering av manualen", WorkspaceKind.WorkingGroup, WorkspaceVisibility.Closed,
            "Arbetsgrupp med ett tiotal myndigheter som reviderar Manual vid misstanke om människohandel.",
            ["johanna.wall"], ["karin.holm", "johan.berg", "sara.nilsson", "hanna.lind", "per.axelsson", "tove.mark", "greta.alm"]);
        Space(Workspaces.SteeringGroup, "Samordningens ledningsgrupp", WorkspaceKind.Team, WorkspaceVisibility.Hidden,
            "Sekretariatets interna planering av verksamhetsplan och regeringsuppdrag.",
            ["anna.lindqvist"], ["johanna.wall", "erik.sandberg"]);

        await db.SaveChangesAsync(cancellationToken);
        await SeedDiscussionsAsync(db, members, now, cancellationToken);
        await SeedDocumentsAsync(db, now, cancellationToken);
        await SeedMeetingsAsync(db, now, cancellationToken);
        await SeedMethodSupportAsync(db, cancellationToken);
        await SeedAssignmentsAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Titles of the demo threads, for tests and the demo.</summary>
    public static class Threads
    {
        public const string NmtMethodSupport = "Metodstöd: misstänkt tvångsarbete inom bärplockning";
        public const string CrossAuthority = "Lägesbild NMT och LAMP: sexuell exploatering via annonssajter";
        public const string ChildConcerned = "Barn som utnyttjas i kriminalitet – samverkan med socialtjänsten";
        public const string OpenNetwork = "Utbildningsdag om människohandel i Malmö";
    }

    private static async Task SeedDiscussionsAsync(PortalDbContext db, Dictionary<string, Member> members, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var renderer = new MarkdownRenderer();
        ISearchIndexer indexer = new DiscussionSearchIndexer(new SearchIndex());
        var follows = new HashSet<(Guid, Guid)>();

        async Task<DiscussionThread> Thread(Guid[] workspaces, string title, ExploitationForm[] forms, bool child,
            string author, string markdown, DateTimeOffset at)
        {
            var body = PostBody.Parse(markdown);
            var (thread, post) = DiscussionThread.Start(workspaces, title, forms, child, members[author].Id, body, renderer.Render(body), at);
            db.Threads.Add(thread);
            db.Posts.Add(post);
            await indexer.IndexThreadAsync(db, thread, cancellationToken);
            await indexer.IndexPostAsync(db, post, cancellationToken);
            follows.Add((members[author].Id, thread.Id));
            return thread;
        }

        async Task<Post> Reply(DiscussionThread thread, string author, string markdown, DateTimeOffset at, Post? parent = null)
        {
            var body = PostBody.Parse(markdown);
            var post = thread.AddPost(members[author].Id, body, renderer.Render(body), parent, at);
            db.Posts.Add(post);
            await indexer.IndexPostAsync(db, post, cancellationToken);
            follows.Add((members[author].Id, thread.Id));
            return post;
        }

        string Mention(string key) => $"@[{members[key].DisplayName}](member:{members[key].Id:D})";

        var day = now.AddDays(-3);
        var nmt = await Thread([Workspaces.Nmt], Threads.NmtMethodSupport, [ForcedLabour], false, "karin.holm",
            """
            Vi har ett ärende där ett tjugotal bärplockare bor i husvagnar utan el och lämnat ifrån sig sina pass till arbetsgivaren.

            - Lönerna betalas ut kontant och långt under det avtalade
            - Flera uppger skulder för resan hit

            Finns det erfarenhet av hur vi bäst samordnar med Arbetsmiljöverket innan vi går in?
            """, day);
        var legal = await Reply(nmt, "johan.berg",
            """
            Bra fråga. I liknande ärenden har vi haft nytta av att utreda **människoexploatering** parallellt med människohandel, så att vi inte står utan rubricering om transportledet inte går att bevisa.
            """, day.AddMinutes(40));
        await Reply(nmt, "erik.sandberg",
            $"""
            Instämmer. {Mention("sara.nilsson")} – kan Migrationsverket bidra med underlag om arbetstillstånden?
            """, day.AddMinutes(55), legal);
        await Reply(nmt, "sara.nilsson", "Ja, jag tar fram vilka arbetsgivare som stått som sökande. Återkommer i morgon.", day.AddHours(2));

        var cross = await Thread([Workspaces.Nmt, Workspaces.Lamp], Threads.CrossAuthority, [SexualPurposes], false, "erik.sandberg",
            """
            Polisen ser en ökning av annonser där kvinnor flyttas mellan orter varje vecka. Vi vill samla länens bild innan nästa NMT-möte.

            > Vilka orter har ni sett i annonserna det senaste kvartalet?
            """, day.AddHours(5));
        await Reply(cross, "lars.persson", "I Skåne ser vi samma mönster: Malmö, Helsingborg och Kristianstad roterar. Vi har tre nya ärenden sedan augusti.", day.AddHours(6));
        await Reply(cross, "karin.holm", "Tack! Vi kopplar det till vår kartläggning. Flera ärenden har samma telefonnummer i annonserna.", day.AddHours(7));
        await Reply(cross, "eva.nystrom", "Stockholms län: ett ärende där ett barn på 16 år förekommer i en annons. Socialtjänsten är kontaktad.", day.AddHours(8));

        var child = await Thread([Workspaces.RegionalCoordinators], Threads.ChildConcerned, [CriminalActivities], true, "ola.svensson",
            """
            Vi har fått in flera signaler om barn som används för stölder i butiker. Barnet i det senaste ärendet har ingen vårdnadshavare i Sverige.

            Hur har ni andra organiserat samverkan med socialtjänstens barnutredare?
            """, day.AddDays(1));
        await Reply(child, "elin.ahmed", "I Göteborg har vi ett fast samrådsmöte varje vecka med socialjouren. Det gör att barnets ärende inte tappas bort mellan helger.", day.AddDays(1).AddHours(3));
        await Reply(child, "erik.sandberg", "Bra exempel. Glöm inte att barnrättsperspektivet ska dokumenteras i varje ärende.", day.AddDays(1).AddHours(4));

        var open = await Thread([Workspaces.InformationNetwork], Threads.OpenNetwork, [SexualPurposes, ForcedLabour], false, "anna.lindqvist",
            """
            Välkomna till en utbildningsdag om människohandel den 12 mars i Malmö. Program och anmälan finns på [länsstyrelsens webbplats](https://www.lansstyrelsen.se/).
            """, day.AddDays(2));
        await Reply(open, "fatima.ali", "Tack! Blir det något pass om stöd till utsatta i frivilligorganisationerna?", day.AddDays(2).AddHours(1));

        foreach (var (memberId, threadId) in follows)
            db.ThreadFollows.Add(new ThreadFollow(memberId, threadId, now));

        WorkspaceUpdate Update(Guid workspace, string author, string text, string? link, DateTimeOffset at, bool pinned = false)
        {
            var update = WorkspaceUpdate.Post(workspace, members[author].Id, text, link, at);
            if (pinned)
                update.Pin(true, members[author].Id, at);
            update.ClearDomainEvents();
            db.WorkspaceUpdates.Add(update);
            return update;
        }

        Update(Workspaces.Nmt, "erik.sandberg", "NMT-mötet flyttas till torsdag kl. 10 denna vecka.", null, day.AddHours(1), pinned: true);
        Update(Workspaces.Nmt, "karin.holm", "Ny kontaktperson på NOA:s människohandelsgrupp från 1 december.", null, day.AddHours(3));
        Update(Workspaces.Lamp, "lars.persson", "Underlaget till årsrapporten ska vara inne senast 15 januari.", null, day.AddHours(4), pinned: true);
        Update(Workspaces.RegionalCoordinators, "ola.svensson", "Region Syd har rekryterat en ny regionkoordinator med start i februari.", null, day.AddDays(1));
        Update(Workspaces.InformationNetwork, "anna.lindqvist", "Ny rapport om människohandel för tvångsarbete publicerad.", "https://www.lansstyrelsen.se/", day.AddDays(2));

        foreach (var entity in db.ChangeTracker.Entries<Domain.Common.Entity>())
            entity.Entity.ClearDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '.')
        .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e');

    // Demo rows get stable ids; the domain otherwise generates them.
    private static void SetId(Domain.Common.Entity entity, Guid id) =>
        typeof(Domain.Common.Entity).GetProperty(nameof(Domain.Common.Entity.Id))!.SetValue(entity, id);
}
