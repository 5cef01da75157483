using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Administration;

/// <summary>The administration use cases on a real database: bad input and the wrong caller get a
/// clear refusal and leave the data as it was.</summary>
public abstract class AdministrationUseCaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Admin = DemoData.Personas.Administrator;
    private static readonly Guid Noa = DemoData.IdFor("org:polisen-noa");

    private TestDatabase _database = null!;

    private AdministrationService Administration => _database.Get<AdministrationService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static OrganisationInput NewOrganisation(string name, params string[] tenants) =>
        new(name, null, OrganisationKind.Ngo, null, [County.Skane], "info@exempel.example", null, tenants);

    [Fact]
    public async Task Moving_a_unit_under_another_parent_is_kept_and_a_cycle_is_refused()
    {
        var police = DemoData.IdFor("org:polisen");
        var unitId = await Administration.CreateOrganisationAsync(Admin, NewOrganisation("Ny enhet") with { ParentId = Noa });
        var row = (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == unitId);

        await Administration.UpdateOrganisationAsync(Admin, unitId, Input(row) with { ParentId = police });
        (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == unitId).ParentId.ShouldBe(police);

        var policeRow = (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == police);
        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Administration.UpdateOrganisationAsync(Admin, police, Input(policeRow) with { ParentId = unitId }));
        refusal.Code.ShouldBe("organisation.parent.cycle");
        refusal.Field.ShouldBe("organisation.parent");
        (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == police).ParentId.ShouldBeNull();
    }

    private static OrganisationInput Input(OrganisationAdminRow row) =>
        new(row.Name, row.ShortName, row.Kind, row.ParentId, row.CountiesServed, row.ContactEmail, row.ContactPhone, row.TenantIds);

    [Fact]
    public async Task Creating_an_organisation_with_its_tenant_makes_the_tenant_sign_in_there()
    {
        var tenant = Guid.NewGuid().ToString();

        var id = await Administration.CreateOrganisationAsync(Admin, NewOrganisation("Stödcentrum Syd", tenant.ToUpperInvariant()));

        var row = (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == id);
        row.TenantIds.ShouldBe([tenant]);
        row.Enabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Tenant_already_on_another_organisation_is_refused_and_nothing_is_saved()
    {
        var before = await CountAsync(db => db.Organisations);
        var taken = DemoData.TenantFor("polisen-noa").ToUpperInvariant();

        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Administration.CreateOrganisationAsync(Admin, NewOrganisation("Falsk polis", Guid.NewGuid().ToString(), taken)));

        refusal.Code.ShouldBe("organisation.tenant.taken");
        refusal.Field.ShouldBe("organisation.tenants");
        (await CountAsync(db => db.Organisations)).ShouldBe(before);
        (await CountAsync(db => db.Organisations.Where(o => o.Name == "Falsk polis"))).ShouldBe(0);
        (await CountAsync(db => db.OrganisationTenants.Where(t => t.TenantId == DemoData.TenantFor("polisen-noa")))).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_another_organisations_tenant_on_update_is_refused_and_the_tenants_stay()
    {
        var caritas = DemoData.IdFor("org:caritas");
        var input = NewOrganisation("Caritas Sverige – nytt namn", DemoData.TenantFor("caritas"), DemoData.TenantFor("ecpat"));

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Administration.UpdateOrganisationAsync(Admin, caritas, input));

        refusal.Code.ShouldBe("organisation.tenant.taken");
        var row = (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == caritas);
        row.Name.ShouldBe("Caritas Sverige");
        row.TenantIds.ShouldBe([DemoData.TenantFor("caritas")]);
    }

    [Fact]
    public async Task Invalid_tenant_id_is_refused_and_nothing_is_saved()
    {
        var before = await CountAsync(db => db.Organisations);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Administration.CreateOrganisationAsync(Admin, NewOrganisation("Stödcentrum Syd", "stodcentrum.se")));

        refusal.Code.ShouldBe("organisation.tenant.invalid");
        (await CountAsync(db => db.Organisations)).ShouldBe(before);
    }

    [Theory]
    [InlineData("", "workspace.name.required")]
    [InlineData("10000", "workspace.name.too-long")]
    public async Task Workspace_with_an_empty_or_huge_name_is_refused_beside_the_name_and_not_created(string name, string code)
    {
        var actualName = name == "10000" ? new string('N', 10_000) : name;
        var before = await CountAsync(db => db.Workspaces);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Administration.CreateWorkspaceAsync(Admin,
            new WorkspaceInput(actualName, WorkspaceKind.WorkingGroup, WorkspaceVisibility.Closed, null, [DemoData.Personas.NmtLead])));

        refusal.Code.ShouldBe(code);
        refusal.Field.ShouldBe("workspace.name");
        (await CountAsync(db => db.Workspaces)).ShouldBe(before);
    }

    [Fact]
    public async Task Renaming_a_workspace_to_a_huge_name_is_refused_and_the_name_stays()
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Administration.UpdateWorkspaceAsync(Admin, DemoData.Workspaces.Nmt,
            new WorkspaceInput(new string('N', 10_000), WorkspaceKind.Team, WorkspaceVisibility.Open, null, [])));

        refusal.Field.ShouldBe("workspace.name");
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var nmt = await db.Workspaces.SingleAsync(w => w.Id == DemoData.Workspaces.Nmt);
        nmt.Name.ShouldBe("NMT – Nationellt metodstödsteam");
        nmt.Visibility.ShouldBe(WorkspaceVisibility.Closed);
    }

    [Fact]
    public async Task Workspace_without_leads_is_refused()
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Administration.CreateWorkspaceAsync(Admin,
            new WorkspaceInput("Ny grupp", WorkspaceKind.WorkingGroup, WorkspaceVisibility.Closed, null, [])));

        refusal.Code.ShouldBe("workspace.leads.required");
    }

    [Fact]
    public async Task Administrator_cannot_disable_their_own_organisation()
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(() =>
            Administration.DisableOrganisationAsync(Admin, DemoData.IdFor("org:lst-ab")));

        refusal.Code.ShouldBe("organisation.disable.own");
        (await Administration.ListOrganisationsAsync(Admin)).Single(o => o.Id == DemoData.IdFor("org:lst-ab")).Enabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Administrator_cannot_revoke_their_own_role()
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Administration.RevokeAdministratorAsync(Admin, Admin));

        refusal.Code.ShouldBe("member.admin.revoke-self");
        await using var db = await _database.Contexts.CreateDbContextAsync();
        (await db.Members.SingleAsync(m => m.Id == Admin)).IsAdministrator.ShouldBeTrue();
    }

    public static TheoryData<string> AdministrationCalls() =>
    [
        "ListOrganisations", "CreateOrganisation", "UpdateOrganisation", "EnableOrganisation", "DisableOrganisation",
        "CreateWorkspace", "UpdateWorkspace", "AppointLead", "ListMembers", "GrantAdministrator", "RevokeAdministrator",
    ];

    [Theory]
    [MemberData(nameof(AdministrationCalls))]
    public async Task Non_administrator_calling_administration_is_refused_and_nothing_changes(string call)
    {
        // The NMT lead manages NMT but is no administrator.
        var actor = DemoData.Personas.NmtLead;
        var before = await SnapshotAsync();

        var refusal = await Should.ThrowAsync<AccessDeniedException>(() => Call(call, actor));

        refusal.Code.ShouldBe("administration.denied");
        (await SnapshotAsync()).ShouldBe(before);
    }

    private Task Call(string call, Guid actor)
    {
        var caritas = DemoData.IdFor("org:caritas");
        var workspace = new WorkspaceInput("Ny grupp", WorkspaceKind.Team, WorkspaceVisibility.Open, null, [actor]);
        return call switch
        {
            "ListOrganisations" => Administration.ListOrganisationsAsync(actor),
            "CreateOrganisation" => Administration.CreateOrganisationAsync(actor, NewOrganisation("Ny", Guid.NewGuid().ToString())),
            "UpdateOrganisation" => Administration.UpdateOrganisationAsync(actor, caritas, NewOrganisation("Omdöpt", DemoData.TenantFor("caritas"))),
            "EnableOrganisation" => Administration.EnableOrganisationAsync(actor, caritas),
            "DisableOrganisation" => Administration.DisableOrganisationAsync(actor, caritas),
            "CreateWorkspace" => Administration.CreateWorkspaceAsync(actor, workspace),
            "UpdateWorkspace" => Administration.UpdateWorkspaceAsync(actor, DemoData.Workspaces.Nmt, workspace),
            "AppointLead" => Administration.AppointLeadAsync(actor, DemoData.Workspaces.Lamp, actor),
            "ListMembers" => Administration.ListMembersAsync(actor, null),
            "GrantAdministrator" => Administration.GrantAdministratorAsync(actor, actor),
            "RevokeAdministrator" => Administration.RevokeAdministratorAsync(actor, Admin),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };
    }

    /// <summary>Everything an administration call could change, as comparable text.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Name}:{o.Enabled}").ToListAsync();
        var tenants = await db.OrganisationTenants.AsNoTracking().OrderBy(t => t.TenantId).Select(t => $"{t.OrganisationId}:{t.TenantId}").ToListAsync();
        var workspaces = await db.Workspaces.AsNoTracking().OrderBy(w => w.Id).Select(w => $"{w.Id}:{w.Name}:{w.Visibility}").ToListAsync();
        var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}:{m.Role}").ToListAsync();
        var admins = await db.Members.AsNoTracking().Where(m => m.IsAdministrator).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        return string.Join('\n', organisations.Concat(tenants).Concat(workspaces).Concat(memberships).Concat(admins.Select(a => a.ToString())));
    }

    private async Task<int> CountAsync<T>(Func<PortalDbContext, IQueryable<T>> query)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await query(db).CountAsync();
    }
}

public sealed class SqliteAdministrationUseCaseTests() : AdministrationUseCaseTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAdministrationUseCaseTests() : AdministrationUseCaseTests(DatabaseProvider.Postgres);
