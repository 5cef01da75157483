using Portal.Domain.Directory;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;

namespace Portal.Bench.Data.Parts;

/// <summary>Workspaces with a mix of kinds and visibilities (about a third open, a tenth hidden), the
/// standing ones of the real work first (the wide information network that every member has joined,
/// NMT, LAMP, the regional coordinators, the secretariat's hidden group), then regional networks,
/// working groups, teams and information networks of skewed sizes. Memberships go through the
/// domain's own rules: leads appointed, members joining open workspaces or invited into closed ones,
/// observers, and a few pending requests, invitations and departures.</summary>
public sealed class WorkspacesPart : IBenchDataPart
{
    public string Name => "workspaces";

    private static readonly string[] Topics =
    [
        "revidering av manualen", "barn i resor och turism", "tvångsarbete i byggbranschen", "tiggeri och kriminalitet",
        "stöd till utsatta", "frivilligt återvändande", "utbildningsdagar", "årsrapporten", "annonssajter", "skyddat boende",
        "bärbranschen", "restaurang- och städbranschen", "hedersrelaterad exploatering", "digitala spår", "tolkfrågor",
    ];

    private static readonly string[] TeamPlaces =
        ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Örebro", "Linköping", "Umeå", "Luleå", "Sundsvall", "Växjö", "Karlstad", "Gävle"];

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var all = world.Members.Select(m => m.Id).ToList();
        var coordinator = world.CoordinatorId;
        var secretariat = world.Members.Where(m => m.OrganisationId == world.Organisations[0].Id).Select(m => m.Id).ToList();
        var boardContacts = world.Members.Where(m => m.OrganisationKind == OrganisationKind.CountyAdministrativeBoard)
            .GroupBy(m => m.OrganisationId).Select(g => g.First().Id).ToList();
        var municipal = world.Members.Where(m => m.OrganisationKind == OrganisationKind.Municipality).Select(m => m.Id).ToList();
        var agencies = world.Members.Where(m => m.OrganisationKind is OrganisationKind.StateAgency or OrganisationKind.Municipality)
            .Select(m => m.Id).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < world.Volume.Workspaces; i++)
        {
            var (name, kind, visibility, purpose, pool, size) = i switch
            {
                0 => ("Informationsnätverket mot människohandel", WorkspaceKind.InformationNetwork, WorkspaceVisibility.Open,
                    "Öppet nätverk för information om utbildningar, nya rapporter och händelser. Alla i portalen kan gå med.", all, all.Count),
                1 => ("NMT – Nationellt metodstödsteam", WorkspaceKind.Team, WorkspaceVisibility.Closed,
                    "Nationellt metodstödsteam mot prostitution och människohandel: metodstöd i operativa ärenden och länkning.",
                    agencies, Math.Min(15, agencies.Count)),
                2 => ("LAMP – Länsstyrelsernas arbetsgrupp", WorkspaceKind.Network, WorkspaceVisibility.Closed,
                    "Länsstyrelsernas gemensamma arbetsgrupp mot människohandel och prostitution: en kontaktperson per län.",
                    boardContacts, boardContacts.Count),
                3 => ("Regionkoordinatorernas nätverk", WorkspaceKind.Network, WorkspaceVisibility.Closed,
                    "Nätverk för regionkoordinatorerna, som i samverkan med polisen ser till att den som utsatts får stöd.",
                    municipal, Math.Min(20, municipal.Count)),
                4 => ("Samordningens ledningsgrupp", WorkspaceKind.Team, WorkspaceVisibility.Hidden,
                    "Sekretariatets interna planering av verksamhetsplan och regeringsuppdrag.", secretariat, Math.Min(6, secretariat.Count)),
                _ => Generated(world, random, all),
            };
            name = Unique(name, names);
            var created = world.InYear(random.NextDouble() * 0.3);
            var workspace = Workspace.Create(name, kind, visibility, purpose).WithId(random.NextId());
            Seeded.Created(workspace, created, coordinator);

            var chosen = random.Sample(pool.Count > 0 ? pool : all, Math.Max(1, size));
            var leadCount = chosen.Count >= 30 ? 3 : chosen.Count >= 8 ? 2 : 1;
            List<Guid> leads = i == 0 ? [coordinator, .. chosen.Where(id => id != coordinator).Take(leadCount - 1)] : chosen.Take(leadCount).ToList();
            var rest = chosen.Except(leads).ToList();
            var observers = rest.Where(_ => random.Chance(0.08)).ToList();
            // Every larger workspace has someone who only reads.
            if (observers.Count == 0 && rest.Count >= 4)
                observers.Add(rest[^1]);
            var members = rest.Except(observers).ToList();
            DateTimeOffset When() => created.AddDays(random.NextDouble() * 30);

            foreach (var lead in leads)
                workspace.AppointLead(lead, coordinator, When());
            foreach (var member in members)
            {
                if (visibility == WorkspaceVisibility.Open)
                    workspace.Join(member, When());
                else
                {
                    workspace.Invite(member, MembershipRole.Member, leads[0], When());
                    workspace.AcceptInvitation(member, When());
                }
            }
            foreach (var observer in observers)
            {
                workspace.Invite(observer, MembershipRole.Observer, leads[0], When());
                workspace.AcceptInvitation(observer, When());
            }
            // A few who left (not the network everyone belongs to), and (in closed and hidden workspaces)
            // requests and invitations not yet answered.
            var left = members.Where(_ => random.Chance(0.02) && i > 0).ToList();
            foreach (var member in left)
                workspace.Leave(member, world.InYear(0.5 + random.NextDouble() * 0.4));
            if (visibility != WorkspaceVisibility.Open)
            {
                var outside = random.Sample(all, random.Poisson(1.0) + random.Poisson(0.4)).Where(id => workspace.MembershipOf(id) is null).ToList();
                for (var k = 0; k < outside.Count; k++)
                {
                    var at = world.Now.AddDays(-random.Next(1, 20));
                    if (k % 3 == 2)
                        workspace.Invite(outside[k], MembershipRole.Member, leads[0], at);
                    else if (visibility == WorkspaceVisibility.Closed)
                        workspace.RequestToJoin(outside[k], "Jag arbetar med frågorna i mitt län och vill gärna vara med.", at);
                }
            }

            foreach (var membership in workspace.Memberships)
            {
                membership.WithId(random.NextId());
                Seeded.Set(membership, nameof(Membership.Version), random.NextId());
                Seeded.Created(membership, membership.StatusChangedAt, membership.StatusChangedBy);
            }
            var activeMembers = members.Except(left).ToList();
            world.Workspaces.Add(new GeneratedWorkspace(workspace.Id, name, kind, visibility, leads, activeMembers, observers));
            if (i == 0)
                world.OpenNetworkId = workspace.Id;
            await writer.AddAsync(workspace, cancellationToken);
        }
    }

    private static (string, WorkspaceKind, WorkspaceVisibility, string, List<Guid>, int) Generated(GeneratedWorld world, BenchRandom random,
        List<Guid> all)
    {
        // Sizes: most a dozen or so, a few in the hundreds.
        var size = (int)Math.Clamp(Math.Round(12 * random.Skewed(0.8)), 3, Math.Max(3, all.Count / 5));
        var roll = random.NextDouble();
        if (roll < 0.3)
        {
            var county = random.Pick(Counties.All);
            var local = world.Members.Where(m => m.County == county).Select(m => m.Id).ToList();
            var visibility = random.Chance(0.5) ? WorkspaceVisibility.Open : WorkspaceVisibility.Closed;
            return ($"Regionalt nätverk mot människohandel – {CountyName(county)}", WorkspaceKind.Network, visibility,
                $"Samverkan mellan myndigheter och organisationer i {CountyName(county)} mot människohandel och prostitution.",
                local.Count >= 3 ? local : all, size);
        }
        var topic = random.Pick(Topics);
        if (roll < 0.6)
            return ($"Arbetsgrupp: {topic}", WorkspaceKind.WorkingGroup,
                random.Chance(0.8) ? WorkspaceVisibility.Closed : WorkspaceVisibility.Hidden,
                $"Tidsbegränsad arbetsgrupp om {topic}.", all, size);
        if (roll < 0.8)
        {
            var place = random.Pick(TeamPlaces);
            return ($"Samverkansteam {place}", WorkspaceKind.Team,
                random.Chance(0.75) ? WorkspaceVisibility.Closed : WorkspaceVisibility.Hidden,
                $"Operativ samverkan i {place} mellan polis, socialtjänst och andra myndigheter.", all, size);
        }
        return ($"Informationsnätverk: {topic}", WorkspaceKind.InformationNetwork, WorkspaceVisibility.Open,
            $"Öppet nätverk för den som vill följa arbetet med {topic}.", all, Math.Min(all.Count, size * 3));
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{name} ({n})";
        return candidate;
    }

    private static string CountyName(County county) => county switch
    {
        County.Stockholm => "Stockholms län", County.Uppsala => "Uppsala län", County.Sodermanland => "Södermanlands län",
        County.Ostergotland => "Östergötlands län", County.Jonkoping => "Jönköpings län", County.Kronoberg => "Kronobergs län",
        County.Kalmar => "Kalmar län", County.Gotland => "Gotlands län", County.Blekinge => "Blekinge län", County.Skane => "Skåne län",
        County.Halland => "Hallands län", County.VastraGotaland => "Västra Götalands län", County.Varmland => "Värmlands län",
        County.Orebro => "Örebro län", County.Vastmanland => "Västmanlands län", County.Dalarna => "Dalarnas län",
        County.Gavleborg => "Gävleborgs län", County.Vasternorrland => "Västernorrlands län", County.Jamtland => "Jämtlands län",
        County.Vasterbotten => "Västerbottens län", _ => "Norrbottens län",
    };
}
