using Portal.Bench.Data.Text;
using Portal.Domain.Updates;

namespace Portal.Bench.Data.Parts;

/// <summary>Short updates in each workspace's feed (about ten each, more in busy ones), some with a
/// link, a few pinned by a lead.</summary>
public sealed class UpdatesPart : IBenchDataPart
{
    public string Name => "updates";

    private static readonly string[] Links =
    [
        "https://www.lansstyrelsen.se/", "https://www.regeringen.se/", "https://www.polisen.se/", "https://www.socialstyrelsen.se/",
    ];

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var text = new SwedishText(random);
        foreach (var workspace in world.Workspaces)
        {
            var count = random.Poisson(Math.Min(40, 6 + Math.Sqrt(workspace.Readers.Count)));
            for (var k = 0; k < count; k++)
            {
                var at = world.InYear(0.3 + random.NextDouble() * 0.7);
                var update = WorkspaceUpdate.Post(workspace.Id, random.Pick(workspace.Contributors), text.Update(),
                    random.Chance(0.1) ? random.Pick(Links) : null, at).WithId(random.NextId());
                if (random.Chance(0.05))
                    update.Pin(true, workspace.Leads[0], at);
                await writer.AddAsync(update, cancellationToken);
            }
        }
    }
}
