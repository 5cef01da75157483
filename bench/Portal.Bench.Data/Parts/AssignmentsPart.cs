using Portal.Bench.Data.Text;
using Portal.Domain.Assignments;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Search;

namespace Portal.Bench.Data.Parts;

/// <summary>Government assignments and the activity plan: a decision for each of the last few years (numbered
/// parts, partner organisations, two to four budget lines adding up to the total, the older ones requisitioned),
/// and for the generated year about one planned activity per twenty members — owned by members of all kinds,
/// most under this year's decision serving one or two of its parts — each linked to some of the meetings,
/// documents, method-support requests and threads the parts before made. What the plan, the deadline overview
/// and the report read at scale; both are indexed for search like the use cases do. Ids come from the seed (the
/// search entries carry them, and the same seed must give the same rows).</summary>
public sealed class AssignmentsPart : IBenchDataPart
{
    public string Name => "assignments";

    private static readonly ExploitationForm[] Forms = Enum.GetValues<ExploitationForm>();
    private static readonly ActivityKind[] Kinds = Enum.GetValues<ActivityKind>();
    private static readonly string[] Ministries = ["Ju", "S", "A", "Fi", "U"];
    private static readonly string[] Units = ["PO", "FST", "KRIM", "ARM", "JÄM"];
    private static readonly string[] Authorities = ["Kammarkollegiet", "Socialstyrelsen", "Jämställdhetsmyndigheten"];

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var text = new SwedishText(random);
        var now = world.Now;
        var year = now.Year;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var assignments = new List<GovernmentAssignment>();
        var years = Math.Max(3, world.Volume.Workspaces / 25);
        for (var y = years - 1; y >= 0; y--)
        {
            var assignment = Assignment(world, random, text, year - y, serial: 1000 + assignments.Count, today);
            assignments.Add(assignment);
            await writer.AddAsync(assignment, cancellationToken);
            await writer.AddAsync(SearchEntryOf(assignment), cancellationToken);
        }
        var current = assignments[^1];

        var count = Math.Max(20, world.Members.Count / 20);
        for (var i = 0; i < count; i++)
        {
            var activity = Activity(world, random, text, year, today, random.Chance(0.85) ? current : null);
            await writer.AddAsync(activity, cancellationToken);
            await writer.AddAsync(SearchEntryOf(activity), cancellationToken);
        }
    }

    private static GovernmentAssignment Assignment(GeneratedWorld world, BenchRandom random, SwedishText text, int year, int serial, DateOnly today)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var number = RegistrationNumber.Parse($"{random.Pick(Ministries)}{year}/{serial:D5}/{random.Pick(Units)}");
        var parts = Enumerable.Range(0, random.Next(2, 6)).Select(_ => (string?)text.Sentence()).ToList();
        var partners = random.Sample(world.Organisations.Select(o => o.Id).ToList(), Math.Min(world.Organisations.Count, random.Next(2, 9)));
        var lines = Enumerable.Range(0, random.Next(2, 5)).Select(_ =>
        {
            var requisitionBy = new DateOnly(year, random.Next(3, 12), random.Next(1, 29));
            var requisitioned = requisitionBy < today && random.Chance(0.9);
            var amount = random.Next(1, 21) * 100_000m;
            return new BudgetLineTerms(amount, $"UO {random.Next(1, 28)}", $"{random.Next(1, 9)}:{random.Next(1, 12)}", $"ap.{random.Next(1, 9)}",
                random.Pick(Authorities), requisitionBy, requisitioned ? requisitionBy.AddDays(-random.Next(0, 30)) : null,
                requisitioned ? amount : null);
        }).ToList();
        var title = Truncated($"Uppdrag om {text.Title().ToLowerInvariant()}", GovernmentAssignment.TitleMaxLength);
        var terms = new AssignmentTerms(number, title, "Justitiedepartementet", start.AddDays(random.Next(10, 60)), start, end, parts, partners,
            random.Chance(0.5), lines.Sum(l => l.Amount), lines, new DateOnly(year + 1, 3, 31), new DateOnly(year + 1, 3, 31), null);
        var assignment = GovernmentAssignment.Register(terms, world.InYear(0)).WithId(random.NextId());
        // The writer does no key fix-up: the parts and lines get seeded ids and their decision's.
        foreach (var part in assignment.Parts)
        {
            Seeded.Set(part, nameof(AssignmentPart.Id), random.NextId());
            Seeded.Set(part, nameof(AssignmentPart.AssignmentId), assignment.Id);
        }
        foreach (var line in assignment.BudgetLines)
        {
            Seeded.Set(line, nameof(BudgetLine.Id), random.NextId());
            Seeded.Set(line, nameof(BudgetLine.AssignmentId), assignment.Id);
        }
        Seeded.Created(assignment, world.InYear(0), world.CoordinatorId);
        return assignment;
    }

    private static PlannedActivity Activity(GeneratedWorld world, BenchRandom random, SwedishText text, int year, DateOnly today,
        GovernmentAssignment? assignment)
    {
        var startMonth = random.Next(1, 12);
        var plannedStart = new DateOnly(year, startMonth, random.Next(1, 29));
        var plannedEnd = plannedStart.AddDays(random.Next(14, 300));
        var status = plannedEnd < today
            ? (random.Chance(0.85) ? ActivityStatus.Done : random.Chance(0.5) ? ActivityStatus.InProgress : ActivityStatus.Cancelled)
            : plannedStart <= today ? (random.Chance(0.9) ? ActivityStatus.InProgress : ActivityStatus.Postponed) : ActivityStatus.Planned;
        var plannedCost = random.Next(1, 50) * 10_000m;
        var spent = status switch
        {
            ActivityStatus.Done => plannedCost * (decimal)(0.6 + random.NextDouble() * 0.6),
            ActivityStatus.InProgress => plannedCost * (decimal)(random.NextDouble() * 0.8),
            _ => 0m,
        };
        var parts = assignment is null ? [] : random.Sample(assignment.Parts.Select(p => p.Id).ToList(), Math.Min(assignment.Parts.Count, random.Next(1, 3)));
        var owner = random.Pick(world.Members);
        var workspace = random.Chance(0.7) ? random.Pick(world.Workspaces).Id : (Guid?)null;
        var title = Truncated(text.Title(), PlannedActivity.TitleMaxLength);
        var at = world.InYear(random.NextDouble() * 0.2);
        var activity = PlannedActivity.Plan(new ActivityTerms(year, title, text.Sentence(), random.Pick(Kinds), owner.Id, workspace, parts,
            plannedStart, plannedEnd, status, plannedCost, Math.Round(spent, 0), random.Sample(Forms, random.Next(1, 3)), random.Chance(0.2)),
            assignment, at).WithId(random.NextId());
        Seeded.Created(activity, at, world.CoordinatorId);

        void Link(ActivityLinkKind kind, IReadOnlyList<Guid> targets, int most)
        {
            if (targets.Count == 0)
                return;
            foreach (var target in random.Sample(targets, Math.Min(targets.Count, random.Next(0, most + 1))))
                activity.Link(kind, target, world.CoordinatorId, at);
        }
        Link(ActivityLinkKind.Meeting, world.MeetingIds, 3);
        Link(ActivityLinkKind.Document, world.DocumentIds, 2);
        Link(ActivityLinkKind.SupportRequest, world.SupportRequestIds, activity.Kind == ActivityKind.MethodSupport ? 8 : 1);
        Link(ActivityLinkKind.Thread, world.Threads.Select(t => t.Id).ToList(), 2);
        return activity;
    }

    private static SearchEntry SearchEntryOf(GovernmentAssignment assignment)
    {
        var plain = string.Join("\n", new[] { assignment.RegistrationNumber, assignment.Title, assignment.Ministry }
            .Concat(assignment.Parts.Select(p => $"{p.Number}. {p.Text}")));
        return new SearchEntry
        {
            SubjectKind = AssignmentSubjectKind.Name,
            SubjectId = assignment.Id,
            Title = Truncated(AssignmentSearchIndexer.TitleOf(assignment), SearchEntry.TitleMaxLength),
            PlainText = plain,
            Stems = FastPostRendering.IndexTerms(plain),
            Link = AssignmentSubjectKind.LinkTo(assignment.Id),
            OccurredAt = assignment.CreatedAt,
            ChildConcerned = assignment.ChildRights,
        };
    }

    private static SearchEntry SearchEntryOf(PlannedActivity activity)
    {
        var plain = string.Join("\n", new[] { activity.Title, activity.Description }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchEntry
        {
            SubjectKind = ActivitySubjectKind.Name,
            SubjectId = activity.Id,
            Title = activity.Title,
            PlainText = plain,
            Stems = FastPostRendering.IndexTerms(plain),
            Link = ActivitySubjectKind.LinkTo(activity.Id),
            AuthorId = activity.OwnerId,
            OccurredAt = activity.CreatedAt,
            WorkspaceIds = activity.WorkspaceId is { } w ? [w] : [],
            ExploitationForms = [.. activity.ExploitationForms],
            ChildConcerned = activity.ChildRights,
        };
    }

    private static string Truncated(string value, int length) => value.Length <= length ? value : value[..length];
}
