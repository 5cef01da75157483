using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Administration;

/// <summary>The secretariat's administration: organisations and their tenants, workspaces and
/// their leads, the administrator role. Only administrators pass.</summary>
public sealed class AdministrationService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock,
    Portal.Infrastructure.WriteLimits.WriteLimiter limiter)
{
    /// <summary>Administrative changes one administrator may save (ADR 0019).</summary>
    public const string AdministrationWrite = "administration";

    /// <summary>Says no (AccessDeniedException) unless the actor is an administrator now; lets the
    /// administration pages refuse at once instead of per tab.</summary>
    public async Task EnsureAdministratorAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
    }

    public async Task<IReadOnlyList<OrganisationAdminRow>> ListOrganisationsAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Tenants).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var counts = await db.Members.GroupBy(m => m.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return organisations.Select(o => new OrganisationAdminRow(o.Id, o.Name, o.ShortName, o.Kind, o.ParentId, o.Enabled,
            o.CountiesServed, o.ContactEmail, o.ContactPhone, o.Tenants.Select(t => t.TenantId).Order().ToList(),
            counts.GetValueOrDefault(o.Id))).ToList();
    }

    public async Task<Guid> CreateOrganisationAsync(Guid actorId, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var organisation = Organisation.Create(input.Name, input.Kind, input.ShortName, input.ParentId,
            input.CountiesServed, input.ContactEmail, input.ContactPhone);
        await ApplyTenantsAsync(db, organisation, input.TenantIds, cancellationToken);
        await EnsureParentExistsAsync(db, organisation.Id, input.ParentId, cancellationToken);
        db.Organisations.Add(organisation);
        await SaveAsync(db, actorId, cancellationToken);
        return organisation.Id;
    }

    public async Task UpdateOrganisationAsync(Guid actorId, Guid organisationId, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var organisation = await db.Organisations.Include(o => o.Tenants).SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new NotFoundException("organisation.notfound");
        organisation.UpdateProfile(input.Name, input.ShortName, input.CountiesServed, input.ContactEmail, input.ContactPhone);
        organisation.ChangeKind(input.Kind);
        if (organisation.ParentId != input.ParentId)
        {
            await EnsureParentExistsAsync(db, organisation.Id, input.ParentId, cancellationToken);
            await EnsureNotOwnUnitAsync(db, organisation.Id, input.ParentId, cancellationToken);
            organisation.PlaceUnder(input.ParentId);
        }
        await ApplyTenantsAsync(db, organisation, input.TenantIds, cancellationToken);
        await SaveAsync(db, actorId, cancellationToken);
    }

    public Task EnableOrganisationAsync(Guid actorId, Guid organisationId, CancellationToken cancellationToken = default) =>
        ChangeOrganisationAsync(actorId, organisationId, o => o.Enable(), cancellationToken);

    public async Task DisableOrganisationAsync(Guid actorId, Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        // Disabling one's own organisation would lock the administrator out mid-task.
        if (actor.OrganisationId == organisationId)
            throw new DomainRuleException("organisation.disable.own");
        if (!AccessPolicy.CanAdminister(actor))
            throw new AccessDeniedException("administration.denied");
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new NotFoundException("organisation.notfound");
        organisation.Disable();
        // Every session of its members ends at its next request, on every node.
        foreach (var member in await db.Members.Where(m => m.OrganisationId == organisationId).ToListAsync(cancellationToken))
            member.RenewSecurityStamp();
        await SaveAsync(db, actorId, cancellationToken);
    }

    public async Task<Guid> CreateWorkspaceAsync(Guid actorId, WorkspaceInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var workspace = Workspace.Create(input.Name, input.Kind, input.Visibility, input.Purpose);
        var leadIds = input.LeadIds.Distinct().ToList();
        if (leadIds.Count == 0)
            throw new DomainRuleException("workspace.leads.required", "workspace.leads");
        var known = await db.Members.CountAsync(m => leadIds.Contains(m.Id), cancellationToken);
        if (known != leadIds.Count)
            throw new DomainRuleException("workspace.leads.unknown", "workspace.leads");
        var now = clock.GetUtcNow();
        // A new workspace has nothing to read yet, so its creator may lead it; each lead is audited.
        foreach (var leadId in leadIds)
        {
            workspace.AppointLead(leadId, db.ActingMemberId!.Value, now);
            db.Audit(db.ActingMemberId.Value, AuditActions.LeadAppointed, WorkspaceSubjectKind.Of(workspace.Id), now, leadId.ToString("D"));
        }
        db.Workspaces.Add(workspace);
        await SaveAsync(db, actorId, cancellationToken);
        return workspace.Id;
    }

    public async Task UpdateWorkspaceAsync(Guid actorId, Guid workspaceId, WorkspaceInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken)
            ?? throw new NotFoundException("workspace.notfound");
        workspace.Describe(input.Name, input.Kind, input.Visibility, input.Purpose);
        await SaveWorkspaceAsync(db, actorId, cancellationToken);
    }

    /// <summary>The code for an administrator appointing themself lead, which a second administrator must do.</summary>
    public const string AppointSelf = "administration.appoint-self";

    /// <summary>Appoints another member lead of a workspace and audits it (see <see cref="AccessPolicy.CanAppointLead"/>).</summary>
    public async Task AppointLeadAsync(Guid actorId, Guid workspaceId, Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        if (!AccessPolicy.CanAdminister(actor))
            throw new AccessDeniedException("administration.denied");
        var workspace = await db.Workspaces.Include(w => w.Memberships).SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken)
            ?? throw new NotFoundException("workspace.notfound");
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
            throw new DomainRuleException("workspace.leads.unknown", "workspace.leads");
        if (!AccessPolicy.CanAppointLead(actor, workspace, memberId))
            throw new DomainRuleException(AppointSelf, "workspace.leads");
        var now = clock.GetUtcNow();
        workspace.AppointLead(memberId, actor.MemberId, now);
        // One SaveChanges, so the appointment and its audit record commit together or not at all.
        db.Audit(actor.MemberId, AuditActions.LeadAppointed, WorkspaceSubjectKind.Of(workspace.Id), now, memberId.ToString("D"));
        await SaveWorkspaceAsync(db, actorId, cancellationToken);
    }

    public async Task<IReadOnlyList<MemberAdminRow>> ListMembersAsync(Guid actorId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var needle = string.IsNullOrWhiteSpace(text) ? null : SearchText.Fold(text.Trim());
        var members = from m in db.Members.AsNoTracking()
                      join o in db.Organisations on m.OrganisationId equals o.Id
                      select new { m, o };
        if (!string.IsNullOrEmpty(needle))
            members = members.Where(x => x.m.SearchText.Contains(needle) || x.o.SearchText.Contains(needle));
        return await members.OrderBy(x => x.m.DisplayName).Take(500)
            .Select(x => new MemberAdminRow(x.m.Id, x.m.DisplayName, x.m.Email, x.o.Name, x.o.Enabled, x.m.IsAdministrator, x.m.LastSignInAt))
            .ToListAsync(cancellationToken);
    }

    public Task GrantAdministratorAsync(Guid actorId, Guid memberId, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(actorId, memberId, (_, m) => m.GrantAdministrator(), cancellationToken);

    public Task RevokeAdministratorAsync(Guid actorId, Guid memberId, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(actorId, memberId, (actor, m) =>
        {
            // Keep someone who can administer: nobody removes their own role.
            if (actor.MemberId == m.Id)
                throw new DomainRuleException("member.admin.revoke-self");
            m.RevokeAdministrator();
        }, cancellationToken);

    private async Task ChangeMemberAsync(Guid actorId, Guid memberId, Action<Actor, Domain.Members.Member> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        if (!AccessPolicy.CanAdminister(actor))
            throw new AccessDeniedException("administration.denied");
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw new NotFoundException("member.notfound");
        change(actor, member);
        await SaveAsync(db, actorId, cancellationToken);
    }

    private async Task ChangeOrganisationAsync(Guid actorId, Guid organisationId, Action<Organisation> change, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsAdministratorAsync(actorId, cancellationToken);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new NotFoundException("organisation.notfound");
        change(organisation);
        await SaveAsync(db, actorId, cancellationToken);
    }

    /// <summary>Saves with the administrator's write counted against its limit, in one transaction.</summary>
    private Task SaveAsync(PortalDbContext db, Guid actorId, CancellationToken cancellationToken) =>
        limiter.SaveAsync(db, actorId, clock.GetUtcNow(), [new(AdministrationWrite)], cancellationToken);

    /// <summary>As <see cref="WorkspaceService.SaveAsync"/>: a lost race is a refusal to act on.</summary>
    private async Task SaveWorkspaceAsync(PortalDbContext db, Guid actorId, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(db, actorId, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(WorkspaceService.ChangedConcurrently);
        }
    }

    private async Task<PortalDbContext> OpenAsAdministratorAsync(Guid actorId, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var actor = await db.LoadActorAsync(actorId, cancellationToken);
            if (!AccessPolicy.CanAdminister(actor))
                throw new AccessDeniedException("administration.denied");
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static async Task ApplyTenantsAsync(PortalDbContext db, Organisation organisation, IReadOnlyList<string> tenantIds, CancellationToken cancellationToken)
    {
        organisation.SetTenants(tenantIds);
        var wanted = organisation.Tenants.Select(t => t.TenantId).ToList();
        var taken = await db.OrganisationTenants.AsNoTracking()
            .Where(t => wanted.Contains(t.TenantId) && t.OrganisationId != organisation.Id)
            .Select(t => t.TenantId).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
            throw new DomainRuleException("organisation.tenant.taken", "organisation.tenants", taken);
    }

    /// <summary>A unit cannot become the parent of the organisation it belongs to (no cycles).</summary>
    private static async Task EnsureNotOwnUnitAsync(PortalDbContext db, Guid organisationId, Guid? parentId, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        for (var current = parentId; current is { } id && seen.Add(id);)
        {
            if (id == organisationId)
                throw new DomainRuleException("organisation.parent.cycle", "organisation.parent");
            current = await db.Organisations.Where(o => o.Id == id).Select(o => o.ParentId).SingleOrDefaultAsync(cancellationToken);
        }
    }

    private static async Task EnsureParentExistsAsync(PortalDbContext db, Guid organisationId, Guid? parentId, CancellationToken cancellationToken)
    {
        if (parentId is { } id && (id == organisationId || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken)))
            throw new DomainRuleException("organisation.parent.unknown", "organisation.parent");
    }
}
