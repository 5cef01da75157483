using Portal.Domain.Common;

namespace Portal.Domain.MethodSupport;

/// <summary>Where method-support requests go: the NMT workspace, and which of its members are on duty.
/// The team is the workspace's active leads and members (observers only read the workspace; the
/// administrators who observe it must not read requests); the duty members triage the queue and see every
/// request. A lead of the workspace sets the duty roster; an administrator names the workspace (they
/// manage workspaces, but being an administrator gives no access to a request).</summary>
public sealed class SupportDesk : AggregateRoot
{
    public const int MaxDutyMembers = 50;

    private List<Guid> _dutyMemberIds = [];

    private SupportDesk() { }

    public Guid WorkspaceId { get; private set; }
    public IReadOnlyList<Guid> DutyMemberIds => _dutyMemberIds.AsReadOnly();

    public static SupportDesk For(Guid workspaceId)
    {
        var desk = new SupportDesk { WorkspaceId = workspaceId };
        desk.Raise(new SupportDeskChanged(desk.Id));
        return desk;
    }

    public void MoveTo(Guid workspaceId)
    {
        WorkspaceId = workspaceId;
        _dutyMemberIds = [];
        Changed();
    }

    /// <summary>Replaces the duty roster; whether each is on the team is the use case's check.</summary>
    public void SetDuty(IEnumerable<Guid> memberIds)
    {
        var ids = memberIds.Distinct().ToList();
        if (ids.Count > MaxDutyMembers)
            throw new DomainRuleException("support.duty.too-many", "duty");
        _dutyMemberIds = ids;
        Changed();
    }

    public bool IsOnDuty(Guid memberId) => _dutyMemberIds.Contains(memberId);

    private void Changed()
    {
        Touch();
        if (!DomainEvents.OfType<SupportDeskChanged>().Any())
            Raise(new SupportDeskChanged(Id));
    }
}
