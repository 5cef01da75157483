using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Persistence;
using static Portal.Domain.Directory.ExploitationForm;

namespace Portal.Infrastructure.Seeding;

public static partial class DemoData
{
    /// <summary>Method-support demo: the desk is the NMT workspace with Erik Sandberg on duty, and a handful of
    /// invented requests across 2025 and 2026 — asked in the portal and logged from the support line — answered,
    /// referred, closed, one with a child concerned and one still new. Fixed dates, so the figures of these
    /// years are the same in every demo.</summary>
    public static class MethodSupport
    {
        public static readonly Guid Desk = IdFor("support:desk");
        public static readonly Guid OpenChildRequest = IdFor("support:2026-0002");
        public const string OpenChildReference = "MS-2026-0002";
    }

    private static Task SeedMethodSupportAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        Guid Person(string key) => IdFor("member:" + key);
        Guid Org(string key) => IdFor("org:" + key);
        static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

        var desk = SupportDesk.For(Workspaces.Nmt);
        SetId(desk, MethodSupport.Desk);
        desk.SetDuty([Person("erik.sandberg")]);
        db.SupportDesks.Add(desk);

        var numbers = new Dictionary<int, int>();
        SupportRequest Request(string? asker, string organisation, SupportQuestion question, DateTimeOffset at, SupportChannel channel = SupportChannel.Portal,
            string? loggedBy = null, string? contact = null, OrganisationKind kind = OrganisationKind.Municipality)
        {
            var number = numbers[at.Year] = numbers.GetValueOrDefault(at.Year) + 1;
            var request = SupportRequest.Submit(new SupportAsker(asker is null ? null : Person(asker), Org(organisation), null, kind, contact),
                question, channel, loggedBy is null ? null : Person(loggedBy), at.Year, number, at);
            SetId(request, IdFor($"support:{at.Year}-{number:D4}"));
            db.SupportRequests.Add(request);
            return request;
        }

        // 2025: berry pickers, answered and referred to the Work Environment Authority, closed.
        var berries = Request("ola.svensson", "malmo-stad", new SupportQuestion(
            "Vi har fått uppgifter om bärplockare från ett annat EU-land som bor i tält utan lön sedan flera veckor. Hur bör socialtjänsten gå vidare?",
            "Vi har träffat två av plockarna tillsammans med tolk.", [ForcedLabour], false, County.Skane, SupportUrgency.ThisWeek, "Telefon under kontorstid"),
            At(2025, 8, 12, 7));
        berries.Assign([Person("karin.holm")], Person("erik.sandberg"), At(2025, 8, 12, 9));
        berries.Reply(Person("karin.holm"), true, "Kontakta polisens människohandelsgrupp i regionen och Arbetsmiljöverket. Erbjud stöd enligt socialtjänstlagen.", At(2025, 8, 12, 13));
        berries.Refer(Org("av"), "arbetsmiljoverket@av.example", new DateOnly(2025, 8, 12), "Arbetsvillkoren behöver inspekteras.", Person("karin.holm"), At(2025, 8, 12, 14));
        berries.Close(Person("karin.holm"), At(2025, 9, 1, 8));

        // 2025: a call on the support line from the police, logged by an NMT member, answered and closed.
        var call = Request(null, "polisen-vast", new SupportQuestion(
            "Polisen undrar hur en misstänkt utsatt kvinna kan få skyddat boende i ett annat län.", null, [SexualPurposes], false,
            County.VastraGotaland, SupportUrgency.Today, null), At(2025, 11, 3, 10), SupportChannel.Phone, "erik.sandberg", "Växeln, människohandelsgruppen",
            OrganisationKind.StateAgency);
        call.Assign([Person("maria.ek")], Person("erik.sandberg"), At(2025, 11, 3, 10));
        call.Reply(Person("maria.ek"), true, "Regionkoordinatorn i länet ordnar boende; kontaktuppgifter finns i katalogen.", At(2025, 11, 3, 12));
        call.Close(Person("maria.ek"), At(2025, 11, 10, 9));

        // 2026: an NGO asks about begging; referred to the police, still open.
        var begging = Request("fatima.ali", "fralsningsarmen", new SupportQuestion(
            "Vi ser personer som verkar tvingas tigga utanför flera butiker och lämna pengarna till samma man varje kväll.",
            "Vi har pratat med två av dem på deras språk.", [Begging], false, County.Stockholm, SupportUrgency.ThisWeek, "E-post till funktionsbrevlådan"),
            At(2026, 3, 4, 8), kind: OrganisationKind.Ngo);
        begging.Assign([Person("karin.holm"), Person("sara.nilsson")], Person("erik.sandberg"), At(2026, 3, 4, 9));
        begging.Refer(Org("polisen-sthlm"), null, new DateOnly(2026, 3, 5), "Polisen utreder tvång till tiggeri.", Person("karin.holm"), At(2026, 3, 5, 10));

        // 2026: a child concerned, submitted by the youth emergency unit, assigned but not yet answered.
        var child = Request("maria.ek", "stockholm-ungdomsjouren", new SupportQuestion(
            "En 15-åring berättar att hon säljer sex via en annons som någon annan har lagt upp. Vilka myndigheter behöver vi samverka med?",
            "Orosanmälan är gjord.", [SexualPurposes], true, County.Stockholm, SupportUrgency.Today, "Telefon"),
            At(2026, 11, 2, 7));
        child.Assign([Person("johan.berg")], Person("erik.sandberg"), At(2026, 11, 2, 8));

        // 2026: a new request from Uppsala, nobody assigned yet.
        Request("kristina.wennberg", "uppsala-kommun", new SupportQuestion(
            "Hur dokumenterar vi bäst misstankar om människohandel i ett ärende om ekonomiskt bistånd?", null, [ForcedLabour, Other], false,
            County.Uppsala, SupportUrgency.NoRush, null), At(2026, 11, 20, 9));

        foreach (var request in db.ChangeTracker.Entries<SupportRequest>())
            request.Entity.ClearDomainEvents();
        return Task.CompletedTask;
    }
}
