using Portal.Domain.Directory;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;

namespace Portal.Bench.Data;

public sealed record GeneratedOrganisation(Guid Id, string Name, OrganisationKind Kind, IReadOnlyList<County> Counties, string TenantId);

public sealed record GeneratedMember(Guid Id, Guid OrganisationId, OrganisationKind OrganisationKind, string DisplayName,
    County? County, bool IsAdministrator);

/// <summary>A workspace and its active members by role (pending requests and invitations are not listed).</summary>
public sealed record GeneratedWorkspace(Guid Id, string Name, WorkspaceKind Kind, WorkspaceVisibility Visibility,
    IReadOnlyList<Guid> Leads, IReadOnlyList<Guid> Members, IReadOnlyList<Guid> Observers)
{
    /// <summary>Leads and members: who may post.</summary>
    public IReadOnlyList<Guid> Contributors { get; } = [.. Leads, .. Members];

    /// <summary>Everyone active: who may read when the workspace is not open.</summary>
    public IReadOnlyList<Guid> Readers { get; } = [.. Leads, .. Members, .. Observers];
}

public sealed record GeneratedThread(Guid Id, string Title, IReadOnlyList<Guid> WorkspaceIds, Guid StartedBy, int Posts, long LastSequence);

/// <summary>What the parts have made so far, for the parts after them (and for the bench's load clients:
/// whom to sign in as, which workspaces and threads they read). Also each part's own random source.</summary>
public sealed class GeneratedWorld(BenchDataOptions options)
{
    public BenchDataOptions Options { get; } = options;
    public Volume Volume { get; } = options.Volume;
    public DateTimeOffset Now => Options.Now;

    public List<GeneratedOrganisation> Organisations { get; } = [];
    public List<GeneratedMember> Members { get; } = [];
    public List<GeneratedWorkspace> Workspaces { get; } = [];
    public List<GeneratedThread> Threads { get; } = [];

    /// <summary>Ids of what the activity plan links to: meetings, guidance documents and method-support requests.</summary>
    public List<Guid> MeetingIds { get; } = [];
    public List<Guid> DocumentIds { get; } = [];
    public List<Guid> SupportRequestIds { get; } = [];

    /// <summary>The open information network that every member has joined: the place for a thread that
    /// every generated member may read (the fan-out scenario's).</summary>
    public Guid OpenNetworkId { get; set; }

    /// <summary>Who stands for the coordinator when something needs an administrator's name (appointing leads).</summary>
    public Guid CoordinatorId => Members.First(m => m.IsAdministrator).Id;

    /// <summary>The part's own seeded source (see <see cref="BenchRandom"/>).</summary>
    public BenchRandom RandomFor(IBenchDataPart part) => new(Options.Seed, part.Name);

    /// <summary>A moment in the generated year, <paramref name="fraction"/> 0 being a year before now and 1 now.</summary>
    public DateTimeOffset InYear(double fraction) => Now.AddDays(-365 * (1 - fraction));
}
