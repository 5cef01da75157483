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

/// <summary>A demo persona as an anonymous visitor may see it: only a name and an organisation
/// (what the public directory of a real installation would show). Titles, administrator rights and
/// workspace roles are not sent, because leading a hidden workspace would reveal that it exists.</summary>
public sealed record Persona(Guid MemberId, string DisplayName, string OrganisationName);

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

    /// <summary>The personas offered on the anonymous demo sign-in page, by organisation and name.
    /// The order says nothing about rights either (administrators first would name them).</summary>
    public async Task<IReadOnlyList<Persona>> ListPersonasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var personas = await (from m in db.Members.AsNoTracking()
                              join o in db.Organisations on m.OrganisationId equals o.Id
                              where o.Enabled
                              select new Persona(m.Id, m.DisplayName, o.Name))
            .ToListAsync(cancellationToken);
        return personas
            .OrderBy(p => p.OrganisationName, StringComparer.CurrentCulture)
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
