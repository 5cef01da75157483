using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Members;

/// <summary>Once an organisation is disabled its members can do nothing, even with a session they
/// opened before: every use case loads the actor fresh and says no.</summary>
public abstract class DisabledOrganisationUseCaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Erik Sandberg leads NMT and works at the Stockholm county board, as do both administrators.
    private static readonly Guid CountyBoard = DemoData.IdFor("org:lst-ab");
    private static readonly Guid Lead = DemoData.Personas.NmtLead;
    private static readonly Guid Administrator = DemoData.Personas.Administrator;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        // An administrator from elsewhere disables the county board, with a request waiting in NMT.
        await _database.Get<WorkspaceService>().RequestToJoinAsync(DemoData.Personas.RegionalCoordinator, DemoData.Workspaces.Nmt, null);
        var administration = _database.Get<AdministrationService>();
        await administration.GrantAdministratorAsync(Administrator, DemoData.Personas.NmtPolice);
        await administration.DisableOrganisationAsync(DemoData.Personas.NmtPolice, CountyBoard);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> UseCases() =>
    [
        "Workspaces.List", "Workspaces.ListMine", "Workspaces.Get", "Workspaces.Join", "Workspaces.RequestToJoin",
        "Workspaces.Approve", "Workspaces.Invite", "Workspaces.ChangeRole", "Workspaces.Leave",
        "Directory.SearchPeople", "Directory.GetPerson", "Directory.SearchOrganisations", "Directory.UpdateMyProfile",
        "Administration.ListOrganisations", "Administration.GrantAdministrator",
        "Members.ChooseCulture",
    ];

    [Theory]
    [MemberData(nameof(UseCases))]
    public async Task Member_of_a_disabled_organisation_is_refused_by_every_use_case(string useCase)
    {
        var before = await SnapshotAsync();

        var refusal = await Should.ThrowAsync<AccessDeniedException>(() => Call(useCase));

        refusal.Code.ShouldBe("organisation.disabled");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Member_of_a_disabled_organisation_cannot_sign_in_and_is_no_longer_current()
    {
        var signIn = _database.Get<SignInService>();

        var outcome = await signIn.SignInFromEntraAsync(DemoData.TenantFor("lst-ab"), "oid-erik.sandberg", "Erik Sandberg", null);

        outcome.Refusal.ShouldBe(SignInRefusal.OrganisationDisabled);
        outcome.Member.ShouldBeNull();
        (await signIn.SignInAsPersonaAsync(Lead)).Refusal.ShouldBe(SignInRefusal.OrganisationDisabled);
        (await signIn.FindCurrentAsync(Lead)).ShouldBeNull();
        (await signIn.ListPersonasAsync()).ShouldNotContain(p => p.MemberId == Lead);
    }

    private Task Call(string useCase)
    {
        var workspaces = _database.Get<WorkspaceService>();
        var directory = _database.Get<DirectoryService>();
        var nmt = DemoData.Workspaces.Nmt;
        return useCase switch
        {
            "Workspaces.List" => workspaces.ListAsync(Lead),
            "Workspaces.ListMine" => workspaces.ListMineAsync(Lead),
            "Workspaces.Get" => workspaces.GetAsync(Lead, nmt),
            "Workspaces.Join" => workspaces.JoinAsync(Lead, DemoData.Workspaces.InformationNetwork),
            "Workspaces.RequestToJoin" => workspaces.RequestToJoinAsync(Lead, DemoData.Workspaces.ManualRevision, null),
            "Workspaces.Approve" => workspaces.ApproveRequestAsync(Lead, nmt, DemoData.Personas.RegionalCoordinator),
            "Workspaces.Invite" => workspaces.InviteAsync(Lead, nmt, DemoData.Personas.NgoMember, MembershipRole.Member),
            "Workspaces.ChangeRole" => workspaces.ChangeRoleAsync(Lead, nmt, DemoData.Personas.NmtPolice, MembershipRole.Lead),
            "Workspaces.Leave" => workspaces.LeaveAsync(Lead, DemoData.Workspaces.Lamp),
            "Directory.SearchPeople" => directory.SearchPeopleAsync(Lead, new PeopleQuery("karin")),
            "Directory.GetPerson" => directory.GetPersonAsync(Lead, DemoData.Personas.NmtPolice),
            "Directory.SearchOrganisations" => directory.SearchOrganisationsAsync(Lead, new OrganisationQuery("polis")),
            "Directory.UpdateMyProfile" => directory.UpdateMyProfileAsync(Lead, new ProfileInput("Ny titel", null, null, [], [])),
            "Administration.ListOrganisations" => _database.Get<AdministrationService>().ListOrganisationsAsync(Administrator),
            "Administration.GrantAdministrator" => _database.Get<AdministrationService>().GrantAdministratorAsync(Administrator, Lead),
            "Members.ChooseCulture" => _database.Get<SignInService>().ChooseCultureAsync(Lead, "en"),
            _ => throw new ArgumentOutOfRangeException(nameof(useCase)),
        };
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}:{m.Role}").ToListAsync();
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => $"{m.Id}:{m.Title}:{m.IsAdministrator}:{m.PreferredCulture}").ToListAsync();
        return string.Join('\n', memberships.Concat(members));
    }
}

public sealed class SqliteDisabledOrganisationUseCaseTests() : DisabledOrganisationUseCaseTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDisabledOrganisationUseCaseTests() : DisabledOrganisationUseCaseTests(DatabaseProvider.Postgres);
