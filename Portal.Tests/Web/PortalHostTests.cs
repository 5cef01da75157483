using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Web;

/// <summary>The whole portal in-process on a real database: health, sign-in gate, demo sign-in
/// and the schema its migrations build.</summary>
public abstract partial class PortalHostTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected PortalWebFactory Portal { get; } = new(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    protected HttpClient NewClient() => Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_endpoint_answers_anonymously_with_200(string path)
    {
        using var client = NewClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Anonymous_request_to_home_redirects_to_sign_in()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    [Fact]
    public async Task Demo_sign_in_with_the_form_token_signs_in_and_home_answers_200()
    {
        using var client = NewClient();

        using var signIn = await DemoSignInAsync(client, DemoData.Personas.RegionalCoordinator);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/");
        using var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync()).ShouldContain("Ola Svensson");
    }

    [Fact]
    public async Task A_session_ends_at_the_next_request_once_the_members_organisation_is_disabled()
    {
        using var client = NewClient();
        using var signIn = await DemoSignInAsync(client, DemoData.Personas.RegionalCoordinator);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Portal.Services.GetRequiredService<AdministrationService>()
            .DisableOrganisationAsync(DemoData.Personas.Administrator, DemoData.IdFor("org:malmo-stad"));

        using var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    private static async Task<HttpResponseMessage> DemoSignInAsync(HttpClient client, Guid memberId)
    {
        var signInPage = await client.GetStringAsync("/account/signin");
        signInPage.ShouldContain($"value=\"{memberId}\"");
        return await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = memberId.ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryToken(signInPage),
        }));
    }

    [Fact]
    public async Task Demo_sign_in_without_the_form_token_is_refused_and_signs_nobody_in()
    {
        using var client = NewClient();
        await client.GetStringAsync("/account/signin");

        using var signIn = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = DemoData.Personas.Administrator.ToString(),
        }));

        signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Migrations_build_the_schema_and_the_demo_data_is_there()
    {
        using var client = NewClient();
        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();

        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        db.Database.ProviderName.ShouldBe(provider == DatabaseProvider.Postgres
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : "Microsoft.EntityFrameworkCore.Sqlite");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        (await db.Workspaces.CountAsync()).ShouldBe(6);
        (await db.Organisations.CountAsync()).ShouldBeGreaterThanOrEqualTo(40);
        (await db.Members.CountAsync()).ShouldBeGreaterThanOrEqualTo(40);
        (await db.Memberships.CountAsync(m => m.WorkspaceId == DemoData.Workspaces.Nmt)).ShouldBe(7);
    }

    private static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

public sealed class SqlitePortalHostTests() : PortalHostTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresPortalHostTests() : PortalHostTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Ready_reports_unavailable_while_live_stays_up_when_the_database_is_gone()
    {
        using var client = NewClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var database = new NpgsqlConnectionStringBuilder(Portal.Services.GetRequiredService<DatabaseOptions>().ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using (var server = new NpgsqlConnection(TestDatabase.PostgresServer))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
