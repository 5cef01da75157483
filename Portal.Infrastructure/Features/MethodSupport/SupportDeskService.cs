using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>The desk: which workspace is NMT (named by an administrator) and who of its team is on duty (set by
/// a lead of that workspace). Both are audited: they decide who sees every request.</summary>
public sealed class SupportDeskService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public const string DeskSubjectKind = "support-desk";

    public sealed record WorkspaceChoice(Guid Id, string Name);

    /// <summary>For an administrator: which workspace is the desk now (null: none yet) and the workspaces to choose from.</summary>
    public sealed record Designation(Guid? WorkspaceId, IReadOnlyList<WorkspaceChoice> Workspaces);

    public sealed record DeskView(Guid WorkspaceId, IReadOnlyList<SupportPerson> Team, IReadOnlyList<Guid> OnDuty, bool CanSetDuty);

    /// <summary>An administrator names the NMT workspace; moving the desk clears the duty roster.</summary>
    public async Task DesignateAsync(Caller caller, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        if (!actor.IsAdministrator)
            throw new AccessDeniedException("support.desk.denied");
        if (!await db.Workspaces.AnyAsync(w => w.Id == workspaceId, cancellationToken))
            throw new NotFoundException("workspace.notfound");
        var desk = await db.SupportDesks.OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (desk is null)
            db.SupportDesks.Add(desk = SupportDesk.For(workspaceId));
        else if (desk.WorkspaceId != workspaceId)
            desk.MoveTo(workspaceId);
        var now = clock.GetUtcNow();
        db.Audit(actor.MemberId, "support.desk-designated", new(DeskSubjectKind, desk.Id), now, workspaceId.ToString(), caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The desk's workspace and the choice of workspaces, for an administrator; null for anyone else.</summary>
    public async Task<Designation?> DesignationAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        if (!actor.IsAdministrator)
            return null;
        var desk = await db.SupportDesks.AsNoTracking().OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var workspaces = await db.Workspaces.AsNoTracking().OrderBy(w => w.Name).Select(w => new WorkspaceChoice(w.Id, w.Name))
            .ToListAsync(cancellationToken);
        return new Designation(desk?.WorkspaceId, workspaces);
    }

    /// <summary>A lead of the desk's workspace sets who is on duty: members of the team only.</summary>
    public async Task SetDutyAsync(Caller caller, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var desk = await db.SupportDesks.OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("support.desk.notfound");
        await RequireLeadAsync(db, actor, desk, cancellationToken);
        var ids = memberIds.Distinct().ToList();
        var team = await SupportRequestService.TeamMemberIds(db).Where(id => ids.Contains(id)).CountAsync(cancellationToken);
        if (team != ids.Count)
            throw new DomainRuleException("support.duty.not-team", "support.duty");
        desk.SetDuty(ids);
        var now = clock.GetUtcNow();
        db.Audit(actor.MemberId, "support.duty-set", new(DeskSubjectKind, desk.Id), now, string.Join(",", ids), caller.ClientAddress);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(SupportRequestService.ChangedConcurrently);
        }
    }

    /// <summary>The team and who is on duty, for a lead of the desk's workspace or a member of the team.</summary>
    public async Task<DeskView?> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var desk = await db.SupportDesks.AsNoTracking().OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var standing = await db.LoadSupportStandingAsync(actor, cancellationToken);
        if (desk is null || !standing.IsTeamMember)
            return null;
        var team = await SupportViews.PeopleAsync(db, await SupportRequestService.TeamMemberIds(db).ToListAsync(cancellationToken), cancellationToken);
        var lead = await IsLeadAsync(db, actor, desk, cancellationToken);
        return new DeskView(desk.WorkspaceId, team.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), desk.DutyMemberIds, lead);
    }

    private static Task<bool> IsLeadAsync(PortalDbContext db, Actor actor, SupportDesk desk, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.WorkspaceId == desk.WorkspaceId && m.MemberId == actor.MemberId
            && m.Status == Domain.Workspaces.MembershipStatus.Active && m.Role == Domain.Workspaces.MembershipRole.Lead, cancellationToken);

    private static async Task RequireLeadAsync(PortalDbContext db, Actor actor, SupportDesk desk, CancellationToken cancellationToken)
    {
        if (!await IsLeadAsync(db, actor, desk, cancellationToken))
            throw new AccessDeniedException("support.duty.denied");
    }
}
