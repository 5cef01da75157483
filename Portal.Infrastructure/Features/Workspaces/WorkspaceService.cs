using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Workspaces;

/// <summary>Workspaces and membership: every call loads the actor, asks the access policy and only
/// then changes anything. The UI hides buttons too, but this is where "no" is said.</summary>
public sealed class WorkspaceService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, Notifier notifier, WriteLimiter limiter)
{
    public async Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var rows = await db.Workspaces.AsNoTracking()
            .Where(AccessPolicy.VisibleWorkspaces(actor))
            .OrderBy(w => w.Name)
            .Select(w => new
            {
                w.Id, w.Name, w.Kind, w.Visibility, w.Purpose,
                ActiveCount = w.Memberships.Count(m => m.Status == MembershipStatus.Active),
                Mine = w.Memberships.Where(m => m.MemberId == actor.MemberId).Select(m => new MyMembership(m.Status, m.Role, m.Message, m.StatusChangedAt)).FirstOrDefault(),
                LeadIds = w.Memberships.Where(m => m.Status == MembershipStatus.Active && m.Role == MembershipRole.Lead).Select(m => m.MemberId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(rows.SelectMany(r => r.LeadIds), cancellationToken);
        return rows.Select(r => new WorkspaceSummary(r.Id, r.Name, r.Kind, r.Visibility, r.Purpose, r.ActiveCount,
                r.LeadIds.Where(people.ContainsKey).Select(id => people[id].DisplayName).Order().ToList(), r.Mine))
            .ToList();
    }

    /// <summary>The actor's memberships in every state (active, pending, recent outcomes), in the
    /// workspaces the policy lets them know: one who left a hidden workspace knows it no more.</summary>
    public async Task<IReadOnlyList<MyWorkspaceStanding>> ListMineAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.MemberId == actor.MemberId)
            .Join(db.Workspaces.Where(AccessPolicy.VisibleWorkspaces(actor)), m => m.WorkspaceId, w => w.Id, (m, w) => new { m, w.Name, w.Visibility })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new MyWorkspaceStanding(r.m.WorkspaceId, r.Name, r.Visibility,
                new MyMembership(r.m.Status, r.m.Role, r.m.Message, r.m.StatusChangedAt)))
            .OrderBy(s => s.Membership.Status == MembershipStatus.Active ? 0 : 1)
            .ThenBy(s => s.WorkspaceName, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<WorkspaceDetails> GetAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await LoadVisibleAsync(db, actor, workspaceId, cancellationToken);
        var memberships = workspace.Memberships.ToList();
        var people = await db.LoadPeopleAsync(memberships.Select(m => m.MemberId), cancellationToken);
        var active = memberships.Where(m => m.Status == MembershipStatus.Active && people.ContainsKey(m.MemberId)).ToList();
        var mine = workspace.MembershipOf(actor.MemberId);
        var canManage = AccessPolicy.CanManageMembers(actor, workspace);

        IReadOnlyList<RosterEntry>? roster = null;
        IReadOnlyList<OrganisationRef>? organisations = null;
        if (AccessPolicy.CanSeeRoster(actor, workspace))
        {
            roster = active
                .Select(m => new RosterEntry(people[m.MemberId], m.Role, m.JoinedAt))
                .OrderBy(r => r.Role).ThenBy(r => r.Person.DisplayName, StringComparer.CurrentCulture)
                .ToList();
            organisations = roster
                .GroupBy(r => (r.Person.OrganisationId, r.Person.OrganisationName))
                .Select(g => new OrganisationRef(g.Key.OrganisationId, g.Key.OrganisationName, g.Count()))
                .OrderBy(o => o.Name, StringComparer.CurrentCulture)
                .ToList();
        }

        return new WorkspaceDetails(
            workspace.Id, workspace.Name, workspace.Kind, workspace.Visibility, workspace.Purpose,
            Leads: active.Where(m => m.Role == MembershipRole.Lead).Select(m => people[m.MemberId])
                .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList(),
            Mine: mine is null ? null : new MyMembership(mine.Status, mine.Role, mine.Message, mine.StatusChangedAt),
            CanRead: AccessPolicy.CanReadWorkspace(actor, workspace),
            CanContribute: AccessPolicy.CanContribute(actor, workspace),
            CanManage: canManage,
            Roster: roster,
            MemberOrganisations: organisations,
            PendingRequests: canManage
                ? memberships.Where(m => m.Status == MembershipStatus.Requested && people.ContainsKey(m.MemberId))
                    .OrderBy(m => m.StatusChangedAt)
                    .Select(m => new PendingRequest(people[m.MemberId], m.Message, m.StatusChangedAt)).ToList()
                : null,
            PendingInvitations: canManage
                ? memberships.Where(m => m.Status == MembershipStatus.Invited && people.ContainsKey(m.MemberId))
                    .OrderBy(m => m.StatusChangedAt)
                    .Select(m => new PendingInvitation(people[m.MemberId], m.Role, m.StatusChangedAt)).ToList()
                : null);
    }

    public Task JoinAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) => workspace.Join(actor.MemberId, now), cancellationToken,
            new CountedWrite(WorkspaceWrites.Membership));

    public Task RequestToJoinAsync(Guid actorId, Guid workspaceId, string? message, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) => workspace.RequestToJoin(actor.MemberId, message, now), cancellationToken,
            new CountedWrite(WorkspaceWrites.Membership, Field: "membership.message"), (_, workspace) => new MembershipNotice(MembershipNotificationKinds.Requested, LeadsOf(workspace), message));

    public Task WithdrawRequestAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) => workspace.WithdrawRequest(actor.MemberId, now), cancellationToken,
            new CountedWrite(WorkspaceWrites.Membership));

    public Task AcceptInvitationAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) => workspace.AcceptInvitation(actor.MemberId, now), cancellationToken,
            new CountedWrite(WorkspaceWrites.Membership));

    public Task DeclineInvitationAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) => workspace.DeclineInvitation(actor.MemberId, now), cancellationToken,
            new CountedWrite(WorkspaceWrites.Membership));

    public Task LeaveAsync(Guid actorId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) => workspace.Leave(actor.MemberId, now), cancellationToken,
            new CountedWrite(WorkspaceWrites.Membership));

    public Task ApproveRequestAsync(Guid actorId, Guid workspaceId, Guid requesterId, CancellationToken cancellationToken = default) =>
        ManageAsync(actorId, workspaceId, (actor, workspace, now) => workspace.ApproveRequest(requesterId, actor.MemberId, now), cancellationToken,
            new MembershipNotice(MembershipNotificationKinds.Approved, [requesterId]));

    public Task DeclineRequestAsync(Guid actorId, Guid workspaceId, Guid requesterId, string? reason, CancellationToken cancellationToken = default) =>
        ManageAsync(actorId, workspaceId, (actor, workspace, now) => workspace.DeclineRequest(requesterId, actor.MemberId, reason, now), cancellationToken,
            new MembershipNotice(MembershipNotificationKinds.Declined, [requesterId], reason));

    public Task CancelInvitationAsync(Guid actorId, Guid workspaceId, Guid inviteeId, CancellationToken cancellationToken = default) =>
        ManageAsync(actorId, workspaceId, (actor, workspace, now) => workspace.CancelInvitation(inviteeId, actor.MemberId, now), cancellationToken);

    public Task ChangeRoleAsync(Guid actorId, Guid workspaceId, Guid memberId, MembershipRole role, CancellationToken cancellationToken = default) =>
        ManageAsync(actorId, workspaceId, (actor, workspace, now) => workspace.ChangeRole(memberId, role, actor.MemberId, now), cancellationToken);

    public Task RemoveMemberAsync(Guid actorId, Guid workspaceId, Guid memberId, string? reason, CancellationToken cancellationToken = default) =>
        ManageAsync(actorId, workspaceId, (actor, workspace, now) => workspace.Remove(memberId, actor.MemberId, reason, now), cancellationToken,
            new MembershipNotice(MembershipNotificationKinds.Removed, [memberId], reason));

    public async Task InviteAsync(Guid actorId, Guid workspaceId, Guid inviteeId, MembershipRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await LoadVisibleAsync(db, actor, workspaceId, cancellationToken);
        if (!AccessPolicy.CanManageMembers(actor, workspace))
            throw new AccessDeniedException("membership.manage.denied");
        var inviteeCanSignIn = await db.Members
            .Where(m => m.Id == inviteeId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => o.Enabled)
            .SingleOrDefaultAsync(cancellationToken);
        if (!inviteeCanSignIn)
            throw new DomainRuleException("membership.invitee.unknown", "invitee");
        var now = clock.GetUtcNow();
        workspace.Invite(inviteeId, role, actor.MemberId, now);
        await NotifyAsync(db, actor, workspace, new MembershipNotice(MembershipNotificationKinds.Invited, [inviteeId]), now, cancellationToken);
        await SaveAsync(db, actor, now, new CountedWrite(WorkspaceWrites.Invitation, Field: "invitee"), cancellationToken);
    }

    private Task ManageAsync(Guid actorId, Guid workspaceId, Action<Actor, Workspace, DateTimeOffset> change, CancellationToken cancellationToken,
        MembershipNotice? notice = null) =>
        ChangeAsync(actorId, workspaceId, (actor, workspace, now) =>
        {
            if (!AccessPolicy.CanManageMembers(actor, workspace))
                throw new AccessDeniedException("membership.manage.denied");
            change(actor, workspace, now);
        }, cancellationToken, new CountedWrite(WorkspaceWrites.Roster), notice is null ? null : (_, _) => notice);

    private async Task ChangeAsync(Guid actorId, Guid workspaceId, Action<Actor, Workspace, DateTimeOffset> change, CancellationToken cancellationToken,
        CountedWrite counted, Func<Actor, Workspace, MembershipNotice>? notice = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var workspace = await LoadVisibleAsync(db, actor, workspaceId, cancellationToken);
        var now = clock.GetUtcNow();
        change(actor, workspace, now);
        if (notice is not null)
            await NotifyAsync(db, actor, workspace, notice(actor, workspace), now, cancellationToken);
        await SaveAsync(db, actor, now, counted, cancellationToken);
    }

    /// <summary>Who hears of a membership change, and the short text that goes with it (a request's
    /// message, a decline's reason).</summary>
    private sealed record MembershipNotice(string Kind, IReadOnlyCollection<Guid> Recipients, string? Text = null);

    private Task NotifyAsync(PortalDbContext db, Actor actor, Workspace workspace, MembershipNotice notice, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        notifier.NotifyAsync(db, notice.Kind, WorkspaceSubjectKind.Of(workspace.Id), null, actor.MemberId, notice.Recipients, now, notice.Text,
            cancellationToken);

    private static IReadOnlyCollection<Guid> LeadsOf(Workspace workspace) =>
        workspace.Memberships.Where(m => m.Status == MembershipStatus.Active && m.Role == MembershipRole.Lead).Select(m => m.MemberId).ToList();

    private static async Task<Workspace> LoadVisibleAsync(PortalDbContext db, Actor actor, Guid workspaceId, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.Include(w => w.Memberships).SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);
        // Not visible and not there look the same, so that ids cannot be probed.
        if (workspace is null || !AccessPolicy.CanSeeWorkspace(actor, workspace))
            throw new NotFoundException("workspace.notfound");
        return workspace;
    }

    /// <summary>Saves a change to a workspace. Losing a race against another change to the same
    /// workspace (its version moved since we loaded it) is a refusal the member can act on — look
    /// again and retry — not an error; nothing of theirs was saved.</summary>
    internal static async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }

    /// <summary><see cref="SaveAsync(PortalDbContext, CancellationToken)"/>, counting the actor's write
    /// against its limit in the same transaction.</summary>
    private async Task SaveAsync(PortalDbContext db, Actor actor, DateTimeOffset now, CountedWrite counted, CancellationToken cancellationToken)
    {
        try
        {
            await limiter.SaveAsync(db, actor.MemberId, now, [counted], cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }

    public const string ChangedConcurrently = "workspace.changed-concurrently";
}
