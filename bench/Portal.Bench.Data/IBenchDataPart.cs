namespace Portal.Bench.Data;

/// <summary>One feature's share of the generated data. Parts run in the order of
/// <see cref="BenchDataParts.All"/>; each reads what earlier parts made from the
/// <see cref="GeneratedWorld"/>, adds its own rows through the writer and records in the world what
/// later parts need. A new feature (documents, meetings, requests) adds one part there.</summary>
public interface IBenchDataPart
{
    /// <summary>A stable name: it seeds the part's own random source, so never rename one.</summary>
    string Name { get; }

    Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken);
}

/// <summary>The one list of parts. Order matters: a part may use only what the parts before it made.</summary>
public static class BenchDataParts
{
    public static IReadOnlyList<IBenchDataPart> All { get; } =
    [
        new Parts.OrganisationsPart(),
        new Parts.MembersPart(),
        new Parts.WorkspacesPart(),
        new Parts.DiscussionsPart(),
        new Parts.UpdatesPart(),
        new Parts.DocumentsPart(),
        new Parts.MeetingsPart(),
        new Parts.SupportRequestsPart(),
        new Parts.AssignmentsPart(),
    ];
}
