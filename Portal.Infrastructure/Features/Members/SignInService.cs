using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Members;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Members;

public enum SignInRefusal
{
    None = 0,
    /// <summary>The tenant is on no organisation's allow-list.</summary>
    UnknownTenant,
    OrganisationDisabled,
}

public sealed record SignedInMember(Guid MemberId, string DisplayName, string PreferredCulture, bool IsAdministrator, string SecurityStamp);

public sealed record SignInOutcome(SignedInMember? Member, SignInRefusal Refusal);

public sealed record Persona(Guid MemberId, string DisplayName, string? Title, string OrganisationName, bool IsAdministrator, IReadOnlyList<string> LeadOf);

public sealed record CurrentMember(Guid MemberId, string DisplayName, string OrganisationName, bool IsAdministrator, string PreferredCulture, string SecurityStamp);

/// <summary>Turns a verified identity into a member: the organisation is found by tenant id (our
/// own allow-list, since Entra's issuer validation accepts every tenant), and the first sign-in
/// creates the member.</summary>
public sealed class SignInService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task<SignInOutcome> SignInFromEntraAsync(string tenantId, string objectId, string displayName,
        string? email, CancellationToken cancellationToken = default)
    {
        string tenant;
        try
        {
            tenant = TenantId.Normalise(tenantId);
        }
        catch (DomainRuleException)
        {
            return new SignInOutcome(null, SignInRefusal.UnknownTenant);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organisation = await db.OrganisationTenants.AsNoTracking()
            .Where(t => t.TenantId == tenant)
            .Join(db.Organisations, t => t.OrganisationId, o => o.Id, (t, o) => new { o.Id, o.Enabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
            return new SignInOutcome(null, SignInRefusal.UnknownTenant);
        if (!organisation.Enabled)
            return new SignInOutcome(null, SignInRefusal.OrganisationDisabled);

        var member = await db.Members.SingleOrDefaultAsync(m => m.TenantId == tenant && m.ObjectId == objectId, cancellationToken);
        if (member is null)
        {
            member = Member.Create(tenant, objectId, organisation.Id,
                string.IsNullOrWhiteSpace(displayName) ? email ?? objectId : displayName, email);
            db.Members.Add(member);
        }
        else if (!string.IsNullOrWhiteSpace(displayName))
        {
            member.Rename(displayName, email ?? member.Email);
        }
        member.RecordSignIn(clock.GetUtcNow());
        db.ActingMemberId = member.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new SignInOutcome(new SignedInMember(member.Id, member.DisplayName, member.PreferredCulture, member.IsAdministrator, member.SecurityStamp), SignInRefusal.None);
    }

    /// <summary>Demo sign-in: the caller has already checked that demo mode is allowed.</summary>
    public async Task<SignInOutcome> SignInAsPersonaAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Members
            .Where(m => m.Id == memberId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m, o.Enabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return new SignInOutcome(null, SignInRefusal.UnknownTenant);
        if (!row.Enabled)
            return new SignInOutcome(null, SignInRefusal.OrganisationDisabled);
        row.m.RecordSignIn(clock.GetUtcNow());
        db.ActingMemberId = row.m.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new SignInOutcome(new SignedInMember(row.m.Id, row.m.DisplayName, row.m.PreferredCulture, row.m.IsAdministrator, row.m.SecurityStamp), SignInRefusal.None);
    }

    /// <summary>The personas offered on the demo sign-in page: administrators and leads first.</summary>
    public async Task<IReadOnlyList<Persona>> ListPersonasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await (from m in db.Members.AsNoTracking()
                             join o in db.Organisations on m.OrganisationId equals o.Id
                             where o.Enabled
                             select new { m.Id, m.DisplayName, m.Title, OrganisationName = o.Name, m.IsAdministrator })
            .ToListAsync(cancellationToken);
        var leads = await (from ms in db.Memberships.AsNoTracking()
                           join w in db.Workspaces on ms.WorkspaceId equals w.Id
                           where ms.Role == Domain.Workspaces.MembershipRole.Lead && ms.Status == Domain.Workspaces.MembershipStatus.Active
                           select new { ms.MemberId, w.Name }).ToListAsync(cancellationToken);
        var leadOf = leads.ToLookup(l => l.MemberId, l => l.Name);
        return members
            .Select(m => new Persona(m.Id, m.DisplayName, m.Title, m.OrganisationName, m.IsAdministrator, leadOf[m.Id].Order().ToList()))
            .OrderByDescending(p => p.IsAdministrator).ThenByDescending(p => p.LeadOf.Count > 0)
            .ThenBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The signed-in member, or null if they may no longer act (unknown, or the
    /// organisation was disabled after they signed in).</summary>
    public async Task<CurrentMember?> FindCurrentAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Join(db.Organisations.Where(o => o.Enabled), m => m.OrganisationId, o => o.Id,
                (m, o) => new CurrentMember(m.Id, m.DisplayName, o.Name, m.IsAdministrator, m.PreferredCulture, m.SecurityStamp))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Sign-out: a new security stamp, so that the session cookie (and any copy of it) is
    /// refused at its next request on every node.</summary>
    public async Task EndSessionsAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken) is not { } member)
            return;
        member.RenewSecurityStamp();
        db.ActingMemberId = member.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ChooseCultureAsync(Guid memberId, string culture, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(memberId, cancellationToken);
        var member = await db.Members.SingleAsync(m => m.Id == actor.MemberId, cancellationToken);
        member.ChooseCulture(culture);
        await db.SaveChangesAsync(cancellationToken);
    }
}
