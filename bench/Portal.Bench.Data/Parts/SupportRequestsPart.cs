using Portal.Bench.Data.Text;
using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;

namespace Portal.Bench.Data.Parts;

/// <summary>Method-support requests over the past year: the desk is the biggest team workspace with two of its
/// contributors on duty; about one request per ten members, asked in the portal or logged from the support line,
/// most assigned and answered, some referred, most of the older ones closed. What the triage queue and the
/// figures read at scale. The domain makes the requests' ids itself (see <see cref="MeetingsPart"/>).</summary>
public sealed class SupportRequestsPart : IBenchDataPart
{
    public string Name => "support-requests";

    private static readonly ExploitationForm[] Forms = Enum.GetValues<ExploitationForm>();
    private static readonly County[] Counties = Enum.GetValues<County>();

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var text = new SwedishText(random);
        var deskWorkspace = world.Workspaces.Where(w => w.Contributors.Count >= 3).MaxBy(w => w.Contributors.Count);
        if (deskWorkspace is null)
            return;
        var desk = SupportDesk.For(deskWorkspace.Id).WithId(random.NextId());
        var team = deskWorkspace.Contributors;
        desk.SetDuty(team.Take(2));
        await writer.AddAsync(desk, cancellationToken);

        var askers = world.Members.Where(m => !team.Contains(m.Id)).ToList();
        var numbers = new Dictionary<int, int>();
        var count = Math.Max(20, world.Members.Count / 10);
        for (var i = 0; i < count; i++)
        {
            var at = world.InYear(random.NextDouble());
            var number = numbers[at.Year] = numbers.GetValueOrDefault(at.Year) + 1;
            var asker = random.Pick(askers);
            var logged = random.Chance(0.6);
            var request = SupportRequest.Submit(
                new SupportAsker(logged ? null : asker.Id, asker.OrganisationId, null, asker.OrganisationKind, logged ? "Växeln" : null),
                new SupportQuestion(text.Post(), random.Chance(0.5) ? text.Sentence() : null, random.Sample(Forms, random.Chance(0.8) ? 1 : 2),
                    random.Chance(0.2), asker.County ?? random.Pick(Counties), (SupportUrgency)random.Next(1, 4), null),
                logged ? (random.Chance(0.8) ? SupportChannel.Phone : SupportChannel.Email) : SupportChannel.Portal,
                logged ? team[0] : null, at.Year, number, at);
            if (random.Chance(0.85))
            {
                var assignee = random.Pick(team);
                request.Assign([assignee], team[0], at.AddHours(random.Next(1, 24)));
                request.Reply(assignee, true, text.Post(), at.AddHours(random.Next(24, 24 * 6)));
                if (random.Chance(0.4))
                    request.Refer(random.Pick(world.Organisations).Id, null, DateOnly.FromDateTime(at.AddDays(7).UtcDateTime), text.Sentence(),
                        assignee, at.AddDays(7));
                if (request.ChildConcerned)
                    request.ConfirmSocialServices(true, assignee);
                if (at < world.Now.AddDays(-30) && random.Chance(0.8))
                    request.Close(assignee, at.AddDays(random.Next(8, 30)));
            }
            world.SupportRequestIds.Add(request.Id);
            await writer.AddAsync(request, cancellationToken);
        }
    }
}
