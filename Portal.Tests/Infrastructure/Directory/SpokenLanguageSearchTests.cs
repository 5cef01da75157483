using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Sql;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Directory;

namespace Portal.Tests.Infrastructure.Directory;

/// <summary>Spoken languages are stored as codes and found by code or by name in either UI language:
/// the English filter "English" finds the people the Swedish "engelska" finds (ADR 0022).</summary>
public abstract class SpokenLanguageSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Actor = DemoData.Personas.NmtLead;
    private static readonly Guid Nora = DemoData.IdFor("member:nora.haddad");
    private TestDatabase _database = null!;

    private DirectoryService Directory => _database.Get<DirectoryService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.AddSingleton<ITermNames, ResourceTermNames>());

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<List<string>> NamesAsync(PeopleQuery query) =>
        (await Directory.SearchPeopleAsync(Actor, query with { Take = DirectoryService.MaxPageSize }))
            .People.Select(p => p.DisplayName).ToList();

    [Fact]
    public async Task Languages_are_stored_as_codes()
    {
        (await Directory.GetPersonAsync(Actor, Nora)).Languages.ShouldBe(["sv", "ar", "en"]);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("Arabic")]
    [InlineData("arabiska")]
    [InlineData("ARABISKA")]
    public async Task Language_filter_finds_the_same_people_by_code_or_by_name_in_either_language(string language)
    {
        (await NamesAsync(new PeopleQuery(Language: language))).ShouldBe(["Elin Ahmed", "Nora Haddad"]);
    }

    [Fact]
    public async Task The_English_filter_English_finds_those_who_speak_English()
    {
        var english = await NamesAsync(new PeopleQuery(Language: "English"));

        english.ShouldContain("Erik Sandberg");
        english.ShouldNotContain("Marco Rossi"); // Swedish, Italian, Romanian
        (await NamesAsync(new PeopleQuery(Language: "engelska"))).ShouldBe(english);
        (await NamesAsync(new PeopleQuery(Language: "en"))).ShouldBe(english);
    }

    [Fact]
    public async Task A_filter_that_names_no_language_finds_nobody()
    {
        (await NamesAsync(new PeopleQuery(Language: "klingonska"))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("arabic")]
    [InlineData("arabiska")]
    public async Task Free_text_finds_a_language_by_its_name_in_either_language(string word)
    {
        (await NamesAsync(new PeopleQuery(Text: word))).ShouldBe(["Elin Ahmed", "Nora Haddad"]);
        (await NamesAsync(new PeopleQuery(Text: $"{word} haddad"))).ShouldBe(["Nora Haddad"]);
    }

    [Fact]
    public async Task The_migration_turns_stored_words_into_codes_keeping_order_and_unknown_words()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await StoreLegacyLanguagesAsync(db, Nora, ["Svenska", " arabiska", "English", "engelska", "", "teckenspråk", "Rumänska"]);

        var migration = new MigrationBuilder(db.Database.ProviderName);
        if (provider == DatabaseProvider.Postgres)
            SpokenLanguageCodesSql.ConvertPostgres(migration);
        else
            SpokenLanguageCodesSql.ConvertSqlite(migration);
        foreach (var sql in migration.Operations.Cast<SqlOperation>())
            await db.Database.ExecuteSqlRawAsync(sql.Sql);

        var nora = await db.Members.AsNoTracking().SingleAsync(m => m.Id == Nora);
        nora.Languages.ShouldBe(["sv", "ar", "en", "teckenspråk", "ro"]);
        nora.SearchText.ShouldBeEmpty(); // for the start-up backfill
        var erik = await db.Members.AsNoTracking().SingleAsync(m => m.Id == Actor);
        erik.Languages.ShouldBe(["sv", "en"]); // already codes: unchanged

        await new DirectorySearchTextBackfill().FillMissingAsync(db, CancellationToken.None);
        (await NamesAsync(new PeopleQuery(Text: "haddad", Language: "arabiska"))).ShouldBe(["Nora Haddad"]);
    }

    private async Task StoreLegacyLanguagesAsync(PortalDbContext db, Guid member, string[] words)
    {
        if (provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE members SET "Languages" = {words} WHERE "Id" = {member}""");
        else
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE members SET "Languages" = {System.Text.Json.JsonSerializer.Serialize(words)} WHERE "Id" = {member}""");
    }
}

public sealed class SqliteSpokenLanguageSearchTests() : SpokenLanguageSearchTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSpokenLanguageSearchTests() : SpokenLanguageSearchTests(DatabaseProvider.Postgres);
