using Portal.Domain.Members;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Events;

/// <summary>A committed change after which someone may read less than before: one member
/// (<see cref="MemberId"/>), or anyone on the portal (a workspace was closed). When
/// <see cref="SessionsEnded"/>, the member's sessions are over altogether (ADR 0018).</summary>
public sealed record AccessLoss(Guid? MemberId, bool SessionsEnded)
{
    public static AccessLoss OfMember(Guid memberId) => new(memberId, false);

    public static AccessLoss OfEveryone { get; } = new(null, false);

    public static AccessLoss SessionsOf(Guid memberId) => new(memberId, true);

    public bool Concerns(Guid memberId) => MemberId is null || MemberId == memberId;
}

/// <summary>The one list of the domain events that take access away. Everything live that holds on
/// to what a member was allowed to see — hub watches, presence, circuits — subscribes here, so a
/// feature that adds a way of losing access adds its event here once, and each holder re-checks.</summary>
public static class AccessLosses
{
    /// <summary>Hands each access loss that reaches this node (from itself or another node) to
    /// <paramref name="handler"/>. Dispose the result to stop.</summary>
    public static IDisposable SubscribeAccessLoss(this IEventBus bus, Func<AccessLoss, Task> handler)
    {
        IDisposable[] subscriptions =
        [
            bus.Subscribe<MembershipChanged>(e =>
                e.Status == MembershipStatus.Active ? Task.CompletedTask : handler(AccessLoss.OfMember(e.MemberId))),
            bus.Subscribe<WorkspaceVisibilityChanged>(e =>
                e.Narrows ? handler(AccessLoss.OfEveryone) : Task.CompletedTask),
            bus.Subscribe<MemberSessionsEnded>(e => handler(AccessLoss.SessionsOf(e.MemberId))),
        ];
        return new Subscriptions(subscriptions);
    }

    private sealed class Subscriptions(IReadOnlyList<IDisposable> all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in all)
                subscription.Dispose();
        }
    }
}
