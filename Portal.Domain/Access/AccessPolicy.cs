using System.Linq.Expressions;
using System.Reflection;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

/// <summary>The one place that answers "may this member see or do this to that?", split into one
/// file per feature (<c>AccessPolicy.Workspaces.cs</c>, <c>.Discussions.cs</c>, <c>.Updates.cs</c>,
/// <c>.Administration.cs</c>). Each question about lists has two faces: a per-item check on a loaded
/// aggregate and an expression that filters a query; the consistency harness in the tests proves the
/// two agree for every registered resource kind (ADR 0002, 0008).
///
/// Everything inside a workspace — threads, updates, later documents and meetings — is readable by
/// the one rule written below, once: <see cref="IsReadable"/>. Per-item checks call
/// <see cref="CanReadWorkspace"/>; query faces call <see cref="IsReadable"/> inside their expression
/// and pass it through <see cref="WithReadableRule{T}"/>, which writes the rule in for EF.</summary>
public static partial class AccessPolicy
{
    // ---- The shared rule: reading what is inside a workspace ----
    // Need-to-know: administrators manage workspaces but do not read closed ones' contents.

    private static readonly Expression<Func<Workspace, Guid, bool>> ReadableBy = (workspace, memberId) =>
        workspace.Visibility == WorkspaceVisibility.Open
        || workspace.Memberships.Any(m => m.MemberId == memberId && m.Status == MembershipStatus.Active);

    private static readonly Func<Workspace, Guid, bool> IsReadableCompiled = ReadableBy.Compile();

    private static readonly MethodInfo IsReadableMethod =
        typeof(AccessPolicy).GetMethod(nameof(IsReadable), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The readable-workspace rule for one member. Usable in memory; inside a query face's
    /// expression <see cref="WithReadableRule{T}"/> replaces the call by the rule itself.</summary>
    private static bool IsReadable(Workspace workspace, Guid memberId) => IsReadableCompiled(workspace, memberId);

    public static bool CanReadWorkspace(Actor actor, Workspace workspace) => IsReadable(workspace, actor.MemberId);

    public static Expression<Func<Workspace, bool>> ReadableWorkspaces(Actor actor)
    {
        var memberId = actor.MemberId;
        return WithReadableRule<Workspace>(w => IsReadable(w, memberId));
    }

    /// <summary>Writes the readable-workspace rule into a query face wherever it calls
    /// <see cref="IsReadable"/>, so that EF translates it to SQL.</summary>
    private static Expression<Func<T, bool>> WithReadableRule<T>(Expression<Func<T, bool>> query) =>
        (Expression<Func<T, bool>>)new ReadableRuleInliner().Visit(query);

    private sealed class ReadableRuleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != IsReadableMethod)
                return base.VisitMethodCall(node);
            var workspace = Visit(node.Arguments[0]);
            var memberId = Visit(node.Arguments[1]);
            return new ParameterReplacer(new Dictionary<ParameterExpression, Expression>
            {
                [ReadableBy.Parameters[0]] = workspace,
                [ReadableBy.Parameters[1]] = memberId,
            }).Visit(ReadableBy.Body);
        }
    }

    private sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
