using Portal.Bench.Data.Text;
using Portal.Domain.Directory;
using Portal.Domain.Organisations;

namespace Portal.Bench.Data.Parts;

/// <summary>Organisations of every kind in the proportions of the real work (county boards, state
/// agencies and their units, municipalities' social services, regions, NGOs, international), each with
/// the counties it serves and one Entra tenant.</summary>
public sealed class OrganisationsPart : IBenchDataPart
{
    public string Name => "organisations";

    // Shares of the full volume's 120: 21 county boards, 22 state agencies, 44 municipalities,
    // 15 regions, 16 NGOs, 2 international organisations.
    private static readonly (OrganisationKind Kind, int Full)[] Shares =
    [
        (OrganisationKind.CountyAdministrativeBoard, 21), (OrganisationKind.StateAgency, 22), (OrganisationKind.Municipality, 44),
        (OrganisationKind.Region, 15), (OrganisationKind.Ngo, 16), (OrganisationKind.InternationalOrganisation, 2),
    ];

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var created = world.InYear(0).AddDays(-30);
        foreach (var (kind, count) in Split(world.Volume.Organisations))
        {
            var parents = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var (name, shortName, parent, counties) = Describe(kind, i, parents);
                var organisation = Organisation.Create(name, kind, shortName, parent, counties).WithId(random.NextId());
                var tenant = random.NextId().ToString("D");
                organisation.SetTenants([tenant]);
                Seeded.Created(organisation, created, null);
                parents.Add(organisation.Id);
                world.Organisations.Add(new GeneratedOrganisation(organisation.Id, organisation.Name, kind, organisation.CountiesServed, tenant));
                await writer.AddAsync(organisation, cancellationToken);
            }
        }
    }

    /// <summary>Counts per kind that add up to <paramref name="total"/>, at least one of each kind
    /// (largest remainders).</summary>
    private static IEnumerable<(OrganisationKind Kind, int Count)> Split(int total)
    {
        var full = Shares.Sum(s => s.Full);
        var exact = Shares.Select(s => Math.Max(1.0, (double)s.Full * total / full)).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, Shares.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i))
        {
            if (counts.Sum() >= total)
                break;
            counts[i]++;
        }
        // Floors of one each may overshoot a tiny total: take back from the largest.
        while (counts.Sum() > total)
            counts[Array.IndexOf(counts, counts.Max())]--;
        return Shares.Select((s, i) => (s.Kind, counts[i]));
    }

    private static (string Name, string? ShortName, Guid? Parent, County[] Counties) Describe(OrganisationKind kind, int i, List<Guid> earlier)
    {
        // Past the end of a list (scales above 1), the names repeat with a unit number.
        static string Numbered(string name, int i, int length) => i < length ? name : $"{name} – enhet {i / length + 1}";
        var all = Counties.All.ToArray();
        switch (kind)
        {
            case OrganisationKind.CountyAdministrativeBoard:
            {
                var (name, county) = Names.CountyBoards[i % Names.CountyBoards.Length];
                // The national coordinator serves the whole country.
                return (Numbered(name, i, Names.CountyBoards.Length), i == 0 ? "Nationell samordnare" : null, null, i == 0 ? all : [county]);
            }
            case OrganisationKind.StateAgency:
            {
                var (name, shortName, parent, counties) = Names.StateAgencies[i % Names.StateAgencies.Length];
                var parentId = parent is { } p && p < earlier.Count && i < Names.StateAgencies.Length ? earlier[p] : (Guid?)null;
                return (Numbered(name, i, Names.StateAgencies.Length), shortName, parentId, counties.Length == 0 ? all : counties);
            }
            case OrganisationKind.Municipality:
            {
                var (name, county) = Names.Municipalities[i % Names.Municipalities.Length];
                return (Numbered(name + " – Socialtjänsten", i, Names.Municipalities.Length), null, null, [county]);
            }
            case OrganisationKind.Region:
                return (Numbered(Names.Regions[i % Names.Regions.Length], i, Names.Regions.Length), null, null, [all[i % all.Length]]);
            case OrganisationKind.Ngo:
            {
                var (name, shortName) = Names.Ngos[i % Names.Ngos.Length];
                return (Numbered(name, i, Names.Ngos.Length), shortName, null, all);
            }
            default:
            {
                var (name, shortName) = Names.International[i % Names.International.Length];
                return (Numbered(name, i, Names.International.Length), shortName, null, all);
            }
        }
    }
}
