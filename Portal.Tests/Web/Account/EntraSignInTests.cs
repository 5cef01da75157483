using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Account;

namespace Portal.Tests.Web.Account;

/// <summary>What happens after Entra has validated a token: our own tenant allow-list decides, and
/// the first sign-in creates the member. Driven through the real hook with the portal's services.</summary>
public abstract class EntraSignInTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string TenantClaim = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private readonly PortalWebFactory _portal = new(provider);

    public Task InitializeAsync()
    {
        _portal.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Token_from_an_unknown_tenant_is_sent_to_the_not_connected_page_and_creates_no_member()
    {
        var objectId = NewObjectId();

        var (context, http) = await ValidateAsync(Guid.NewGuid().ToString(), objectId);

        context.Result!.Handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        http.Response.Headers.Location.ToString().ShouldBe("/account/not-connected?reason=unknown");
        context.Principal!.FindFirst(PortalClaims.MemberId).ShouldBeNull();
        (await MembersWithObjectIdAsync(objectId)).ShouldBe(0);
    }

    [Fact]
    public async Task Token_without_a_tenant_id_is_refused_as_unknown()
    {
        var http = NewHttpContext();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", NewObjectId()), new Claim("name", "Ingen Tenant")], "oidc"));

        var context = await ValidateAsync(http, principal);

        context.Result!.Handled.ShouldBeTrue();
        http.Response.Headers.Location.ToString().ShouldBe("/account/not-connected?reason=unknown");
    }

    [Fact]
    public async Task Token_from_a_disabled_organisations_tenant_is_sent_to_the_not_connected_page_as_disabled()
    {
        await _portal.Services.GetRequiredService<AdministrationService>()
            .DisableOrganisationAsync(DemoData.Personas.Administrator, DemoData.IdFor("org:caritas"));
        var objectId = NewObjectId();

        var (context, http) = await ValidateAsync(DemoData.TenantFor("caritas"), objectId);

        context.Result!.Handled.ShouldBeTrue();
        http.Response.Headers.Location.ToString().ShouldBe("/account/not-connected?reason=disabled");
        context.Principal!.FindFirst(PortalClaims.MemberId).ShouldBeNull();
        (await MembersWithObjectIdAsync(objectId)).ShouldBe(0);
    }

    [Fact]
    public async Task First_sign_in_from_a_known_tenant_creates_the_member_in_that_organisation()
    {
        var objectId = NewObjectId();

        var (context, http) = await ValidateAsync(DemoData.TenantFor("polisen-noa"), objectId,
            name: "Nils Nyberg", email: "nils.nyberg@polisen.example");

        context.Result.ShouldBeNull();
        await using var db = await NewDbAsync();
        var member = await db.Members.SingleAsync(m => m.ObjectId == objectId);
        member.OrganisationId.ShouldBe(DemoData.IdFor("org:polisen-noa"));
        member.TenantId.ShouldBe(DemoData.TenantFor("polisen-noa"));
        member.DisplayName.ShouldBe("Nils Nyberg");
        member.Email.ShouldBe("nils.nyberg@polisen.example");
        member.LastSignInAt.ShouldNotBeNull();
        context.Principal!.FindMemberId().ShouldBe(member.Id);
        http.Response.Headers.SetCookie.ToString().ShouldContain(".AspNetCore.Culture=c%3Dsv%7Cuic%3Dsv");
    }

    [Fact]
    public async Task Second_sign_in_reuses_the_member_and_takes_the_new_name()
    {
        var objectId = NewObjectId();
        var tenant = DemoData.TenantFor("polisen-noa");
        var (first, _) = await ValidateAsync(tenant, objectId, name: "Nils Nyberg");

        // The short claim names (tid/oid) and an upper-case tenant id must find the same member.
        var (second, _) = await ValidateAsync(tenant.ToUpperInvariant(), objectId, name: "Nils Nyberg-Ek", shortClaimNames: true);

        second.Principal!.FindMemberId().ShouldBe(first.Principal!.FindMemberId());
        await using var db = await NewDbAsync();
        var member = await db.Members.SingleAsync(m => m.ObjectId == objectId);
        member.Id.ShouldBe(first.Principal!.FindMemberId()!.Value);
        member.DisplayName.ShouldBe("Nils Nyberg-Ek");
    }

    [Fact]
    public async Task Seeded_member_signing_in_with_Entra_gets_their_own_member_id()
    {
        // Karin Holm is seeded with object id "oid-karin.holm" in the police's national unit.
        var (context, _) = await ValidateAsync(DemoData.TenantFor("polisen-noa"), "oid-karin.holm", name: "Karin Holm");

        context.Principal!.FindMemberId().ShouldBe(DemoData.Personas.NmtPolice);
    }

    [Theory]
    [InlineData("unknown", "Ditt konto tillhör en organisation som inte är ansluten till Samverkansportalen.")]
    [InlineData("disabled", "Din organisations anslutning till Samverkansportalen är avstängd.")]
    public async Task Not_connected_page_explains_in_Swedish(string reason, string message)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/account/not-connected?reason={reason}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Organisationen är inte ansluten");
        html.ShouldContain(message);
    }

    private static string NewObjectId() => Guid.NewGuid().ToString();

    private async Task<int> MembersWithObjectIdAsync(string objectId)
    {
        await using var db = await NewDbAsync();
        return await db.Members.CountAsync(m => m.ObjectId == objectId);
    }

    private Task<PortalDbContext> NewDbAsync() =>
        _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private DefaultHttpContext NewHttpContext() => new() { RequestServices = _portal.Services };

    private async Task<(TokenValidatedContext Context, DefaultHttpContext Http)> ValidateAsync(string tenantId, string objectId,
        string name = "Test Person", string? email = null, bool shortClaimNames = false)
    {
        var claims = new List<Claim>
        {
            new(shortClaimNames ? "tid" : TenantClaim, tenantId),
            new(shortClaimNames ? "oid" : ObjectIdClaim, objectId),
            new("name", name),
        };
        if (email is not null)
            claims.Add(new Claim("preferred_username", email));
        var http = NewHttpContext();
        var context = await ValidateAsync(http, new ClaimsPrincipal(new ClaimsIdentity(claims, "AuthenticationTypes.Federation")));
        return (context, http);
    }

    private static async Task<TokenValidatedContext> ValidateAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new TokenValidatedContext(http, scheme, new OpenIdConnectOptions(), principal, new AuthenticationProperties());
        await EntraSignIn.OnTokenValidatedAsync(context);
        return context;
    }
}

public sealed class SqliteEntraSignInTests() : EntraSignInTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresEntraSignInTests() : EntraSignInTests(DatabaseProvider.Postgres);
