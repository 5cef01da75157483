using Portal.Domain.Access;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Subjects;

/// <summary>What notifications, search hits, audit records and links refer to: a kind ("thread",
/// "workspace", later "document", "meeting", "consultation") and an id. Kinds are stable strings that
/// are stored in the database, so never rename one.</summary>
public readonly record struct SubjectRef(string Kind, Guid Id)
{
    public override string ToString() => $"{Kind}:{Id:N}";
}

/// <summary>A subject as one member may know it: its title, the portal-relative link to open it and
/// the workspaces it lives in (for grouping, muting and filters).</summary>
public sealed record SubjectInfo(SubjectRef Ref, string Title, string Link, IReadOnlyList<Guid> WorkspaceIds);

/// <summary>What a feature registers for each kind of subject it owns (<c>services.AddSubjectKind&lt;T&gt;()</c>).
/// Both faces go through the feature's part of the access policy and must agree.</summary>
public interface ISubjectKind
{
    /// <summary>The stable kind string, e.g. "thread".</summary>
    string Kind { get; }

    /// <summary>Query face: the ids of the subjects of this kind that the actor may see now.</summary>
    IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor);

    /// <summary>Item face, in bulk: those of <paramref name="ids"/> that the actor may see, described.
    /// Ids the actor may not see (or that do not exist) are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken);

    /// <summary>Item face for many members and one subject (who of them may be notified): the subject as
    /// each member who may see it knows it. A kind overrides this when it can answer for all members in
    /// a query or two; the default asks <see cref="DescribeAsync"/> once per member.</summary>
    async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeForMembersAsync(PortalDbContext db, Guid id, IReadOnlyCollection<Actor> members,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, SubjectInfo>();
        foreach (var member in members)
        {
            var described = await DescribeAsync(db, member, [id], cancellationToken);
            if (described.TryGetValue(id, out var info))
                result[member.MemberId] = info;
        }
        return result;
    }
}

/// <summary>Every registered subject kind, by its kind string.</summary>
public sealed class SubjectRegistry(IEnumerable<ISubjectKind> kinds)
{
    private readonly IReadOnlyDictionary<string, ISubjectKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => _kinds.Keys.ToList();

    public bool IsKnown(string kind) => _kinds.ContainsKey(kind);

    public ISubjectKind Get(string kind) =>
        _kinds.TryGetValue(kind, out var found) ? found : throw new ArgumentException($"Unknown subject kind '{kind}'.", nameof(kind));

    /// <summary>Describes a mixed set of subjects, keeping only those the actor may see.</summary>
    public async Task<IReadOnlyDictionary<SubjectRef, SubjectInfo>> DescribeVisibleAsync(PortalDbContext db, Actor actor,
        IEnumerable<SubjectRef> subjects, CancellationToken cancellationToken)
    {
        var result = new Dictionary<SubjectRef, SubjectInfo>();
        foreach (var group in subjects.Distinct().GroupBy(s => s.Kind))
        {
            if (!_kinds.TryGetValue(group.Key, out var kind))
                continue;
            var described = await kind.DescribeAsync(db, actor, group.Select(s => s.Id).ToList(), cancellationToken);
            foreach (var info in described.Values)
                result[info.Ref] = info;
        }
        return result;
    }
}
