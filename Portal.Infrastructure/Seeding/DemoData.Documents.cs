using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using static Portal.Domain.Directory.ExploitationForm;

namespace Portal.Infrastructure.Seeding;

public static partial class DemoData
{
    /// <summary>Titles of the demo documents, for tests and the demo.</summary>
    public static class Documents
    {
        public const string Manual = "Manual vid misstanke om människohandel";
        public const string FirstContact = "Checklista: första kontakt";
        public const string Children = "Checklista: barn som misstänks vara utsatta";
        public const string WorkplaceInspection = "Checklista: gemensam arbetsplatskontroll";
    }

    /// <summary>The guidance library's demo: the multi-agency manual (1.0 superseded, 2.0 in force, both
    /// signed off by several authorities), a checklist with a version coming into force in two weeks, one
    /// with an open draft half signed off, and one in NMT's own library; some members have acknowledged what
    /// they read. Built through the domain's lifecycle with dates before the seeding time, and indexed for
    /// search here (the start-up backfill only fills an empty index, and the discussions fill it first).</summary>
    private static async Task SeedDocumentsAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var indexer = new DocumentSearchIndexer(new SearchIndex());
        var today = StockholmTime.DayOf(now);
        Guid Person(string key) => IdFor("member:" + key);
        Guid Org(string key) => IdFor("org:" + key);
        DocumentReviewer Reviewer(string key, string organisation) => new(Person(key), Org(organisation));

        void SignOff(GuidanceDocument document, DocumentReviewer[] reviewers, DateTimeOffset at)
        {
            var draft = document.Draft!;
            document.SetReviewers(draft.Id, reviewers, at);
            for (var i = 0; i < reviewers.Length; i++)
                document.Decide(draft.Id, reviewers[i].MemberId, ReviewDecision.Approved, i == 0 ? "Godkänt för vår del." : null, at.AddHours(4 + i * 20));
        }

        DocumentVersion Publish(GuidanceDocument document, string publisher, DateTimeOffset at, int daysUntilInForce = 0)
        {
            var day = StockholmTime.DayOf(at);
            return document.Publish(document.Draft!.Id, Person(publisher), day.AddDays(daysUntilInForce), day, at);
        }

        void Acknowledge(GuidanceDocument document, DocumentVersion version, string[] readers, DateTimeOffset from)
        {
            for (var i = 0; i < readers.Length; i++)
                db.DocumentAcknowledgements.Add(new DocumentAcknowledgement(document.Id, version.Id, version.Number, Person(readers[i]), from.AddHours(3 + 7 * i)));
        }

        // ---- The manual: portal-wide, owned by the secretariat ----
        var started = now.AddDays(-430);
        var manual = GuidanceDocument.Create(null, Org("lst-ab"), Person("johanna.wall"),
            new DocumentMetadata(Documents.Manual,
                "Gemensam vägledning för myndigheter och frivilligorganisationer: vem gör vad, hur man känner igen människohandel och vilka steg som tas först, särskilt när ett barn kan vara utsatt.",
                DocumentType.Manual, DocumentAudience.Both, [SexualPurposes, ForcedLabour, Begging, CriminalActivities, OrganRemoval], today.AddMonths(9)),
            ManualText(revised: false), "Första gemensamma versionen av manualen.", StockholmTime.DayOf(started), started);
        SignOff(manual, [Reviewer("karin.holm", "polisen-noa"), Reviewer("johan.berg", "aklagare"), Reviewer("sara.nilsson", "migrationsverket"),
            Reviewer("maria.ek", "stockholm-ungdomsjouren")], started.AddDays(20));
        var manualFirst = Publish(manual, "johanna.wall", started.AddDays(30), daysUntilInForce: 5);
        Acknowledge(manual, manualFirst, ["ola.svensson", "fatima.ali", "elin.ahmed", "karin.holm"], started.AddDays(36));

        var revision = now.AddDays(-75);
        var manualDraft = manual.StartDraft(Person("johanna.wall"), major: true, revision);
        manual.EditDraft(manualDraft.Id, ManualText(revised: true),
            "Nytt avsnitt om människoexploatering och om barn som utnyttjas i kriminalitet, förtydligade roller för länsstyrelsernas regionkoordinatorer och en ny ordning för första kontakt med tolk.",
            major: true, revision.AddDays(10));
        SignOff(manual, [Reviewer("karin.holm", "polisen-noa"), Reviewer("johan.berg", "aklagare"), Reviewer("sara.nilsson", "migrationsverket"),
            Reviewer("hanna.lind", "socialstyrelsen"), Reviewer("tove.mark", "bo")], revision.AddDays(20));
        var manualSecond = Publish(manual, "johanna.wall", revision.AddDays(45), daysUntilInForce: 7);
        Acknowledge(manual, manualSecond, ["karin.holm", "johan.berg", "sara.nilsson", "erik.sandberg", "maria.ek", "lars.persson", "ola.svensson"],
            revision.AddDays(53));

        // ---- First contact: portal-wide, a corrected version comes into force in two weeks ----
        var firstContactStarted = now.AddDays(-200);
        var firstContact = GuidanceDocument.Create(null, Org("lst-ab"), Person("anna.lindqvist"),
            new DocumentMetadata(Documents.FirstContact, "Vad du gör under det första mötet med en person som kan vara utsatt.",
                DocumentType.Checklist, DocumentAudience.Adults, [SexualPurposes, ForcedLabour, Begging], today.AddMonths(4)),
            FirstContactText(corrected: false), "Första versionen.", StockholmTime.DayOf(firstContactStarted), firstContactStarted);
        SignOff(firstContact, [Reviewer("karin.holm", "polisen-noa"), Reviewer("fatima.ali", "fralsningsarmen")], firstContactStarted.AddDays(5));
        var firstContactFirst = Publish(firstContact, "anna.lindqvist", firstContactStarted.AddDays(8));
        Acknowledge(firstContact, firstContactFirst, ["fatima.ali", "marco.rossi", "greta.alm", "david.nord", "mats.olsson"], firstContactStarted.AddDays(10));
        var correction = now.AddDays(-6);
        var firstContactDraft = firstContact.StartDraft(Person("anna.lindqvist"), major: false, correction);
        firstContact.EditDraft(firstContactDraft.Id, FirstContactText(corrected: true),
            "Rättat telefonnumret till stödtelefonen och lagt till punkten om att erbjuda tolk av önskat kön.", major: false, correction);
        SignOff(firstContact, [Reviewer("karin.holm", "polisen-noa"), Reviewer("fatima.ali", "fralsningsarmen")], correction.AddDays(1));
        Publish(firstContact, "anna.lindqvist", correction.AddDays(4), daysUntilInForce: 14);

        // ---- Children: in the revision group, a new version is under review ----
        var childrenStarted = now.AddDays(-150);
        var children = GuidanceDocument.Create(Workspaces.ManualRevision, Org("lst-ab"), Person("johanna.wall"),
            new DocumentMetadata(Documents.Children, "När ett barn kan vara utsatt för människohandel: vad som gäller utöver den vanliga checklistan.",
                DocumentType.Checklist, DocumentAudience.Children, [SexualPurposes, CriminalActivities, Begging], today.AddMonths(2)),
            ChildrenText(draft: false), "Första versionen.", StockholmTime.DayOf(childrenStarted), childrenStarted);
        SignOff(children, [Reviewer("tove.mark", "bo"), Reviewer("hanna.lind", "socialstyrelsen")], childrenStarted.AddDays(4));
        var childrenFirst = Publish(children, "johanna.wall", childrenStarted.AddDays(9));
        Acknowledge(children, childrenFirst, ["karin.holm", "tove.mark", "sara.nilsson"], childrenStarted.AddDays(12));
        var childrenRevision = now.AddDays(-4);
        var childrenDraft = children.StartDraft(Person("johanna.wall"), major: true, childrenRevision);
        children.EditDraft(childrenDraft.Id, ChildrenText(draft: true),
            "Barn som utnyttjas i kriminalitet får en egen punkt; åldersbedömning och god man förtydligade.", major: true, childrenRevision.AddHours(2));
        children.SetReviewers(childrenDraft.Id, [Reviewer("tove.mark", "bo"), Reviewer("hanna.lind", "socialstyrelsen")], childrenRevision.AddHours(3));
        children.Decide(childrenDraft.Id, Person("tove.mark"), ReviewDecision.Approved, "Bra att kriminaliteten lyfts. Godkänt från Barnombudsmannen.",
            childrenRevision.AddDays(1));

        // ---- NMT's own library ----
        var inspectionStarted = now.AddDays(-90);
        var inspection = GuidanceDocument.Create(Workspaces.Nmt, Org("lst-ab"), Person("erik.sandberg"),
            new DocumentMetadata(Documents.WorkplaceInspection, "Förberedelser och ansvarsfördelning när polis och Arbetsmiljöverket gör en gemensam kontroll.",
                DocumentType.Checklist, DocumentAudience.Adults, [ForcedLabour], today.AddDays(20)),
            InspectionText(), "Första versionen.", StockholmTime.DayOf(inspectionStarted), inspectionStarted);
        SignOff(inspection, [Reviewer("karin.holm", "polisen-noa"), Reviewer("mats.olsson", "polisen-grans")], inspectionStarted.AddDays(3));
        var inspectionFirst = Publish(inspection, "erik.sandberg", inspectionStarted.AddDays(5));
        Acknowledge(inspection, inspectionFirst, ["karin.holm", "johan.berg"], inspectionStarted.AddDays(6));

        foreach (var document in new[] { manual, firstContact, children, inspection })
        {
            document.ClearDomainEvents();
            db.Documents.Add(document);
            await indexer.IndexAsync(db, document, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string ManualText(bool revised) => string.Join("\n\n", new[]
    {
        """
        ## Om manualen

        Manualen beskriver hur myndigheter, kommuner och frivilligorganisationer tillsammans agerar när någon kan vara utsatt för människohandel. Den ersätter inte myndigheternas egna rutiner men visar var de möts: vem som ska kontaktas, i vilken ordning och vad den utsatta har rätt till.

        Manualen gäller alla former av exploatering: sexuella ändamål, tvångsarbete, tiggeri, kriminalitet, organhandel och krigstjänst.
        """,
        """
        ## 1. Myndigheternas och organisationernas roller

        ### 1.1 Polisen

        Polisen tar emot anmälningar, utreder brottet och ansvarar för den utsattas säkerhet i det akuta skedet. Vid misstanke om människohandel kontaktas den regionala människohandelsgruppen eller Nationella operativa avdelningen. Polisen kan ansöka om tidsbegränsat uppehållstillstånd för den som medverkar i en förundersökning.

        ### 1.2 Åklagare

        Åklagaren leder förundersökningen när det finns en misstänkt och prövar om ärendet ska rubriceras som människohandel, människoexploatering, koppleri eller något annat brott. Tidig kontakt mellan polis och åklagare gör att bevis säkras innan den utsatta har lämnat landet.

        ### 1.3 Migrationsverket

        Migrationsverket prövar frågor om uppehållstillstånd och har särskilda handläggare för människohandel. Den som under asylutredningen berättar om exploatering ska få frågan om stöd, och uppgifterna förs vidare till polisen med den utsattas vetskap.

        ### 1.4 Socialtjänsten

        Socialtjänsten i den kommun där den utsatta befinner sig ansvarar för stöd och hjälp: boende, försörjning och samtalsstöd. För barn gäller socialtjänstens utredningsskyldighet fullt ut, oavsett om barnet har uppehållstillstånd.
        """,
        revised
            ? """
              ### 1.5 Länsstyrelserna och Nationellt metodstödsteam

              Länsstyrelsen i Stockholms län är nationell samordnare. Nationellt metodstödsteam (NMT) ger metodstöd i pågående ärenden dygnet runt via stödtelefonen för yrkesverksamma. Varje region har regionkoordinatorer som tillsammans med polisen ser till att den utsatta får det stöd hon eller han har rätt till, och som hjälper till att ordna skyddat boende i ett annat län.
              """
            : """
              ### 1.5 Länsstyrelserna och Nationellt metodstödsteam

              Länsstyrelsen i Stockholms län är nationell samordnare. Nationellt metodstödsteam (NMT) ger metodstöd i pågående ärenden och kan nås via stödtelefonen för yrkesverksamma.
              """,
        """
        ### 1.6 Frivilligorganisationer

        Frivilligorganisationer möter ofta de utsatta först, på gatan, i härbärgen eller i kyrkans verksamhet. De erbjuder skyddat boende, samtal och praktisk hjälp och kan följa med till polis och socialtjänst. Plattformen Civila Sverige mot Människohandel samordnar organisationernas arbete och deras återvändandeprogram.
        """,
        """
        ## 2. Tecken på människohandel

        ### 2.1 Tecken hos personen

        Ingen enskild signal bevisar människohandel, men flera tillsammans bör leda till frågor. Personen saknar kontroll över sina egna pass och pengar, vet inte var hon bor eller arbetar, verkar rädd för någon som följer med, berättar en inövad historia eller har skador som inte förklaras.

        ### 2.2 Tecken i arbete och boende

        Många bor trångt i lokaler som arbetsgivaren äger, arbetar långa pass utan ledighet, får ingen eller mycket låg lön och har en skuld för resan eller bostaden som aldrig tycks minska. Annonser där samma telefonnummer förekommer på flera orter är ett vanligt tecken vid sexuell exploatering.
        """,
        revised
            ? """
              ### 2.3 Tecken vid kriminalitet och tiggeri

              Barn och vuxna kan tvingas stjäla, sälja narkotika eller tigga åt någon annan. Var uppmärksam när samma personer lämnas av och hämtas upp på bestämda tider, när någon lämnar ifrån sig allt de fått, eller när ett barn saknar vuxen i Sverige och ändå har bostad och mobiltelefon ordnad av okända personer.
              """
            : "",
        """
        ## 3. Första steg

        ### 3.1 Säkerheten först

        Bedöm om personen är i akut fara. Ring 112 om det finns en omedelbar hotbild. Samtala i enrum, utan den som följer med personen, och använd en tolk som inte har någon koppling till personen eller gärningsmännen.

        ### 3.2 Kontakta rätt instans

        Kontakta polisen och socialtjänsten. Vid osäkerhet kan stödtelefonen för yrkesverksamma ge råd om vem som ska kontaktas och i vilken ordning. Dokumentera vad som sagts och vad som observerats, med datum och klockslag.
        """,
        revised
            ? """
              ### 3.3 Tolk och information om rättigheter

              Erbjud tolk på personens eget språk, och när det behövs en tolk av önskat kön. Ge muntlig och skriftlig information om rätten till stöd, till betänketid och till ett målsägandebiträde. Informationen ska ges innan personen tillfrågas om hon vill medverka i en utredning.
              """
            : """
              ### 3.3 Information om rättigheter

              Ge information om rätten till stöd och till ett målsägandebiträde.
              """,
        """
        ## 4. Särskilt om barn

        ### 4.1 Barnets bästa

        När den utsatta kan vara under arton år gäller barnkonventionen och barnets bästa i varje steg. Socialtjänsten ska alltid kontaktas genast, även när åldern är oklar. En ansökan om god man görs för barn utan vårdnadshavare i Sverige.

        ### 4.2 Samtal med barn

        Barnet ska inte förhöras av flera myndigheter efter varandra. Samordna så att samtalet hålls en gång, i barnanpassad miljö, till exempel i ett barnahus, och med en vuxen som barnet har förtroende för närvarande.
        """,
        revised
            ? """
              ### 4.3 Barn som utnyttjas i kriminalitet

              Ett barn som tvingas begå brott är i första hand ett brottsoffer. Polis och socialtjänst bedömer tillsammans om barnet kan vara utsatt för människohandel innan en brottsutredning mot barnet går vidare, och barnrättsperspektivet dokumenteras i ärendet.
              """
            : "",
        """
        ## 5. Stöd och återvändande

        ### 5.1 Stöd under betänketiden

        Den utsatta har rätt till en betänketid för att återhämta sig och ta ställning till om hon vill medverka i en utredning. Under den tiden kan skyddat boende, vård och samtalsstöd ges genom socialtjänsten och frivilligorganisationerna.

        ### 5.2 Tryggt och frivilligt återvändande

        Den som vill återvända till sitt hemland kan få stöd genom det nationella återvändandeprogrammet, i samarbete med IOM och organisationer i mottagarlandet. En riskbedömning görs före resan så att personen inte hamnar hos samma gärningsmän igen.

        ### 5.3 Uppföljning

        Den myndighet som har huvudansvaret följer upp ärendet och ser till att informationen om stöd har nått fram. Erfarenheter från ärendet återförs till NMT så att manualen kan förbättras.
        """,
    }.Where(part => part.Length > 0));

    private static string FirstContactText(bool corrected) => $"""
        ## Före samtalet

        - Ordna ett enskilt rum där ingen medföljande kan höra
        - Boka en oberoende tolk{(corrected ? ", och fråga om personen önskar en tolk av visst kön" : "")}
        - Ha stödtelefonens nummer till hands: {(corrected ? "010-000 00 00" : "010-000 00 01")}

        ## Under samtalet

        - Fråga om personen är i fara just nu
        - Fråga vem som har hennes eller hans pass och pengar
        - Fråga var personen bor och vem som ordnat boendet
        - Lyssna efter skulder för resa, boende eller arbete

        ## Efter samtalet

        - Dokumentera vad som sagts och vad du sett
        - Kontakta polisen och socialtjänsten
        - Ge information om rätten till stöd och betänketid
        """;

    private static string ChildrenText(bool draft) => $"""
        ## Direkt

        - Kontakta socialtjänsten genast, även när åldern är oklar
        - Lämna aldrig barnet med den vuxna som följt med
        - Ansök om god man när barnet saknar vårdnadshavare i Sverige
        {(draft ? "- Gör ingen åldersbedömning på egen hand: den görs av Migrationsverket eller socialtjänsten" : "")}

        ## Samtalet

        - Ett samtal, samordnat mellan myndigheterna, i barnanpassad miljö
        - En vuxen som barnet litar på får vara med
        {(draft ? "\n## Barn i kriminalitet\n\n- Behandla barnet som brottsoffer i första hand\n- Bedöm människohandel innan brottsutredningen mot barnet går vidare\n" : "")}
        """;

    private static string InspectionText() => """
        ## Före kontrollen

        - Polisen och Arbetsmiljöverket går igenom vad som är känt om arbetsplatsen
        - Tolkar bokas för de språk som kan förekomma
        - Socialtjänsten i kommunen vet att kontrollen görs och kan ordna akut boende

        ## På plats

        - Samtala med arbetstagarna en och en, utan arbetsledare närvarande
        - Notera boende, arbetstider, löner och vem som har passen

        ## Efteråt

        - Gemensam genomgång samma dag
        - Beslut om anmälan och stöd dokumenteras i ärendet
        """;
}
