using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Features.Members;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Directory;

namespace Portal.Tests.Infrastructure.Directory;

public abstract class DirectorySearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Actor = DemoData.Personas.NmtLead;
    private TestDatabase _database = null!;

    private DirectoryService Directory => _database.Get<DirectoryService>();

    // The web layer's names of forms and counties (Swedish and English), as in production.
    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.AddSingleton<ITermNames, ResourceTermNames>());

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<List<string>> NamesAsync(PeopleQuery query) =>
        (await Directory.SearchPeopleAsync(Actor, query)).People.Select(p => p.DisplayName).ToList();

    private async Task ClearCountyAsync(Guid member)
    {
        var me = await Directory.GetPersonAsync(member, member);
        await Directory.UpdateMyProfileAsync(member, new ProfileInput(me.Title, me.Phone, null, me.ExploitationForms, me.Languages));
    }

    [Fact]
    public async Task County_filter_finds_people_placed_in_the_county_and_not_others_of_a_nationwide_organisation()
    {
        var names = await NamesAsync(new PeopleQuery(County: County.Skane));

        names.ShouldContain("Per Axelsson");    // Arbetsmiljöverket (whole country), placed in Skåne
        names.ShouldContain("Rebecka Ling");    // Region Skåne
        names.ShouldNotContain("Karin Holm");   // national police unit, placed in Stockholm
        names.ShouldNotContain("Lena Grahn");   // Arbetsmiljöverket, placed in Västra Götaland
    }

    [Fact]
    public async Task County_filter_takes_a_person_without_a_county_to_work_where_their_organisation_serves()
    {
        await ClearCountyAsync(DemoData.Personas.RegionalCoordinator); // Malmö stad serves Skåne
        await ClearCountyAsync(DemoData.Personas.NmtPolice);           // the national unit serves every county

        var skane = await NamesAsync(new PeopleQuery(County: County.Skane));
        var stockholm = await NamesAsync(new PeopleQuery(County: County.Stockholm));

        skane.ShouldContain("Ola Svensson");
        skane.ShouldContain("Karin Holm");
        stockholm.ShouldNotContain("Ola Svensson");
        stockholm.ShouldContain("Karin Holm");
    }

    [Theory]
    [InlineData("tvångsarbete Skåne")]
    [InlineData("tvangsarbete skane")]
    [InlineData("Forced labour Skåne County")]
    public async Task Free_text_finds_people_by_form_and_county_words(string text)
    {
        var found = (await Directory.SearchPeopleAsync(Actor, new PeopleQuery(Text: text))).People;

        found.Select(p => p.DisplayName).ShouldContain("Per Axelsson");   // forced labour, placed in Skåne
        found.Select(p => p.DisplayName).ShouldNotContain("Lena Grahn");  // Arbetsmiljöverket too, but in Västra Götaland
        found.ShouldAllBe(p => p.ExploitationForms.Contains(ExploitationForm.ForcedLabour));
        found.ShouldAllBe(p => p.County == County.Skane || p.County == null);
    }

    [Fact]
    public async Task Free_text_words_still_match_names_and_organisations_together()
    {
        (await NamesAsync(new PeopleQuery(Text: "Per Axelsson"))).ShouldBe(["Per Axelsson"]);
        (await NamesAsync(new PeopleQuery(Text: "axelsson arbetsmiljöverket"))).ShouldBe(["Per Axelsson"]);
    }

    // The 21 county boards' LAMP contacts are all "Länssamordnare mot människohandel".
    [Theory]
    [InlineData("lanssamordnare")]
    [InlineData("Länssamordnare")]
    [InlineData("LANSSAMORDNARE manniskohandel")]
    public async Task Free_text_finds_titles_with_or_without_diacritics(string text)
    {
        var page = await Directory.SearchPeopleAsync(Actor, new PeopleQuery(Text: text, Take: 50));

        page.Total.ShouldBe(21);
        page.People.ShouldAllBe(p => p.Title!.StartsWith("Länssamordnare"));
    }

    [Theory]
    [InlineData("aberg", "Helena Åberg")]
    [InlineData("Åberg", "Helena Åberg")]
    [InlineData("helena ÅBERG", "Helena Åberg")]
    [InlineData("linnea", "Linnéa Ek")]
    [InlineData("Linnéa", "Linnéa Ek")]
    public async Task Free_text_finds_names_with_or_without_diacritics(string text, string name) =>
        (await NamesAsync(new PeopleQuery(Text: text))).ShouldBe([name]);

    [Theory]
    [InlineData("malmo")]
    [InlineData("Malmö")]
    [InlineData("malmo socialtjansten")]
    public async Task Organisations_and_their_people_are_found_with_or_without_diacritics(string text)
    {
        var organisations = await Directory.SearchOrganisationsAsync(Actor, new OrganisationQuery(Text: text));

        organisations.Select(o => o.Name).ShouldBe(["Malmö stad – Socialtjänsten"]);
        (await NamesAsync(new PeopleQuery(Text: text))).ShouldContain("Ola Svensson"); // works at Malmö stad
    }

    [Fact]
    public async Task Language_filter_ignores_diacritics()
    {
        var withDots = await NamesAsync(new PeopleQuery(Language: "Rumänska"));

        withDots.ShouldBe(["Marco Rossi", "Ola Svensson", "Per Axelsson"]);
        (await NamesAsync(new PeopleQuery(Language: "rumanska"))).ShouldBe(withDots);
    }

    [Fact]
    public async Task A_title_changed_on_the_profile_is_found_by_its_folded_form()
    {
        var me = DemoData.Personas.RegionalCoordinator;
        var card = await Directory.GetPersonAsync(me, me);

        await Directory.UpdateMyProfileAsync(me, new ProfileInput("Samordnare för Öresundsregionen", card.Phone, card.County,
            card.ExploitationForms, card.Languages));

        (await NamesAsync(new PeopleQuery(Text: "oresundsregionen"))).ShouldBe(["Ola Svensson"]);
        (await NamesAsync(new PeopleQuery(Text: "Öresund"))).ShouldBe(["Ola Svensson"]);
        (await NamesAsync(new PeopleQuery(Text: "regionkoordinator syd"))).ShouldBeEmpty(); // the old title is gone
    }

    [Fact]
    public async Task A_name_changed_at_sign_in_is_found_by_its_folded_form()
    {
        await _database.Get<SignInService>().SignInFromEntraAsync(DemoData.TenantFor("malmo-stad"), "oid-ola.svensson", "Ola Sjögren", null);

        (await NamesAsync(new PeopleQuery(Text: "sjogren"))).ShouldBe(["Ola Sjögren"]);
        (await NamesAsync(new PeopleQuery(Text: "Sjögren"))).ShouldBe(["Ola Sjögren"]);
    }

    [Fact]
    public async Task Administrators_member_list_ignores_diacritics()
    {
        var rows = await _database.Get<AdministrationService>().ListMembersAsync(DemoData.Personas.Administrator, "aberg");

        rows.Select(r => r.DisplayName).ShouldBe(["Helena Åberg"]);
    }

    [Fact]
    public async Task Rows_stored_before_the_search_text_existed_are_filled_at_start_up()
    {
        // As the migration leaves existing rows: an empty search text.
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.Members.ExecuteUpdateAsync(u => u.SetProperty(m => m.SearchText, ""));
            await db.Organisations.ExecuteUpdateAsync(u => u.SetProperty(o => o.SearchText, ""));
        }
        (await NamesAsync(new PeopleQuery(Text: "aberg"))).ShouldBeEmpty();
        int members, organisations;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            members = await db.Members.CountAsync();
            organisations = await db.Organisations.CountAsync();
        }

        await using (var db = await _database.Contexts.CreateDbContextAsync())
            (await _database.Get<DirectorySearchTextBackfill>().FillMissingAsync(db, default)).ShouldBe(members + organisations);

        (await NamesAsync(new PeopleQuery(Text: "aberg"))).ShouldBe(["Helena Åberg"]);
        (await Directory.SearchOrganisationsAsync(Actor, new OrganisationQuery(Text: "malmo"))).ShouldHaveSingleItem();
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            (await _database.Get<DirectorySearchTextBackfill>().FillMissingAsync(db, default)).ShouldBe(0);
    }

    [Fact]
    public async Task Form_filter_keeps_only_people_who_work_with_that_form()
    {
        (await NamesAsync(new PeopleQuery(Form: ExploitationForm.OrganRemoval))).ShouldBe(["Johan Berg"]);

        var page = await Directory.SearchPeopleAsync(Actor, new PeopleQuery(Form: ExploitationForm.ForcedLabour, County: County.Skane));
        page.People.ShouldAllBe(p => p.ExploitationForms.Contains(ExploitationForm.ForcedLabour));
        page.People.Select(p => p.DisplayName).ShouldBe(
            ["Birgitta Sund", "Lars Persson", "Marco Rossi", "Mats Olsson", "Nora Haddad", "Ola Svensson", "Per Axelsson"]);
        page.Total.ShouldBe(7);
    }

    [Fact]
    public async Task Text_search_matches_name_and_language_in_any_case()
    {
        (await NamesAsync(new PeopleQuery(Text: "HADDAD"))).ShouldBe(["Nora Haddad"]);
        (await NamesAsync(new PeopleQuery(Language: "Italienska"))).ShouldBe(["Marco Rossi"]);
    }

    [Fact]
    public async Task Organisation_filter_includes_its_units()
    {
        var names = await NamesAsync(new PeopleQuery(OrganisationId: DemoData.IdFor("org:polisen")));

        names.ShouldBe(["Jonas Karlsson", "Karin Holm", "Mats Olsson", "Nora Haddad"]);
    }

    [Fact]
    public async Task Members_of_a_disabled_organisation_are_left_out_of_the_directory()
    {
        var policeSouth = DemoData.IdFor("org:polisen-syd");
        var nora = DemoData.IdFor("member:nora.haddad");
        await _database.Get<AdministrationService>().DisableOrganisationAsync(DemoData.Personas.Administrator, policeSouth);

        (await NamesAsync(new PeopleQuery(Text: "haddad"))).ShouldBeEmpty();
        (await NamesAsync(new PeopleQuery(County: County.Skane, Form: ExploitationForm.ForcedLabour))).ShouldNotContain("Nora Haddad");
        await Should.ThrowAsync<NotFoundException>(() => Directory.GetPersonAsync(Actor, nora));
        await Should.ThrowAsync<NotFoundException>(() => Directory.GetOrganisationAsync(Actor, policeSouth));
        (await Directory.SearchOrganisationsAsync(Actor, new OrganisationQuery())).ShouldNotContain(o => o.Id == policeSouth);
        (await Directory.GetOrganisationAsync(Actor, DemoData.IdFor("org:polisen"))).Units.ShouldNotContain(u => u.Id == policeSouth);
    }

    [Fact]
    public async Task Organisation_search_filters_by_kind_and_served_county()
    {
        var found = await Directory.SearchOrganisationsAsync(Actor,
            new OrganisationQuery(Kind: global::Portal.Domain.Organisations.OrganisationKind.Municipality, County: County.Skane));

        found.Select(o => o.Name).ShouldBe(["Malmö stad – Socialtjänsten", "Sveriges Kommuner och Regioner"]);
        found.Single(o => o.Name.StartsWith("Malmö")).MemberCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_profile_change_names_the_field_and_changes_nothing()
    {
        var me = DemoData.Personas.RegionalCoordinator;

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Directory.UpdateMyProfileAsync(me,
            new ProfileInput(new string('x', 300), "040-1", County.Skane, [ExploitationForm.Begging], ["svenska"])));

        refusal.Field.ShouldBe("member.title");
        var stored = await Directory.GetPersonAsync(me, me);
        stored.Title.ShouldBe("Regionkoordinator Syd");
        stored.Phone.ShouldBeNull();
    }
}

public sealed class SqliteDirectorySearchTests() : DirectorySearchTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDirectorySearchTests() : DirectorySearchTests(DatabaseProvider.Postgres);
