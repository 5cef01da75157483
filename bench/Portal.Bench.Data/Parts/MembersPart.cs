using System.Globalization;
using System.Text;
using Portal.Bench.Data.Text;
using Portal.Domain.Directory;
using Portal.Domain.Members;
using Portal.Domain.Organisations;

namespace Portal.Bench.Data.Parts;

/// <summary>Members spread over the organisations (more at the police, the coordinator and the big
/// agencies), each signed in from their organisation's tenant with an object id of their own, so that
/// the demo sign-in (and Entra, in principle) can sign them in. The first ones at the national
/// coordinator are administrators.</summary>
public sealed class MembersPart : IBenchDataPart
{
    public string Name => "members";

    private static readonly ExploitationForm[] Forms = Enum.GetValues<ExploitationForm>();

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var organisations = world.Organisations;
        var weights = organisations.Select((o, i) => i == 0 ? 4.0 : o.Kind switch
        {
            OrganisationKind.StateAgency => 2.0,
            OrganisationKind.CountyAdministrativeBoard => 1.2,
            OrganisationKind.Municipality => 1.0,
            OrganisationKind.Ngo => 0.8,
            OrganisationKind.Region => 0.6,
            _ => 0.5,
        }).ToList();
        var total = world.Volume.Members;
        var perOrganisation = random.Distribute(total, weights, minimum: total >= organisations.Count ? 1 : 0);
        var administrators = Math.Clamp(total / 500, 1, 4);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.Ordinal);

        for (var o = 0; o < organisations.Count; o++)
        {
            var organisation = organisations[o];
            for (var k = 0; k < perOrganisation[o]; k++)
            {
                var name = UniqueName(random, names);
                var email = UniqueEmail(name, organisation.Name, emails);
                var member = Member.Create(organisation.TenantId, random.NextId().ToString("D"), organisation.Id, name, email)
                    .WithId(random.NextId());
                Seeded.Set(member, nameof(Member.SecurityStamp), random.NextId().ToString("N"));
                var county = random.Pick(organisation.Counties);
                var forms = random.Sample(Forms, random.Next(1, 4));
                List<string> languages = random.Chance(0.3) ? ["sv", "en", random.Pick(Names.ExtraLanguages)] : ["sv", "en"];
                member.UpdateProfile(random.Pick(Names.Titles[organisation.Kind]), random.Chance(0.4) ? Phone(random) : null,
                    county, forms, languages);
                var isAdministrator = o == 0 && k < administrators;
                if (isAdministrator)
                    member.GrantAdministrator();
                if (random.Chance(0.1))
                    member.ChooseCulture("en");
                var joined = world.InYear(random.NextDouble() * 0.2).AddDays(-20);
                if (random.Chance(0.8))
                    member.RecordSignIn(world.Now.AddHours(-random.Next(1, 24 * 60)));
                Seeded.Created(member, joined, member.Id);
                world.Members.Add(new GeneratedMember(member.Id, organisation.Id, organisation.Kind, name, county, isAdministrator));
                await writer.AddAsync(member, cancellationToken);
            }
        }
    }

    private static string UniqueName(BenchRandom random, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = $"{random.Pick(Names.FirstNames)} {random.Pick(Names.LastNames)}";
            // Past a few collisions (large scales), a middle initial tells them apart.
            if (attempt > 5)
                name = name.Replace(" ", $" {(char)('A' + random.Next(26))}. ");
            if (taken.Add(name))
                return name;
        }
    }

    private static string UniqueEmail(string name, string organisation, HashSet<string> taken)
    {
        var local = Slug(name);
        var domain = Slug(organisation.Split(" – ")[0]).Replace(".", "") + ".example";
        var email = $"{local}@{domain}";
        for (var n = 2; !taken.Add(email); n++)
            email = $"{local}{n}@{domain}";
        return email;
    }

    private static string Phone(BenchRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"010-{random.Next(100, 1000)} {random.Next(10, 100)} {random.Next(10, 100)}");

    private static string Slug(string text)
    {
        var folded = Portal.Domain.Common.SearchText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : c is ' ' or '.' ? '.' : '-');
        return builder.ToString().Trim('.', '-');
    }
}
