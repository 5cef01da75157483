using System.Net;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using AccountBrowser = Portal.Tests.Web.Account.AccountEndpointsTests.Browser;

namespace Portal.Tests.Web;

/// <summary>The finding: an unknown address while signed in gave the browser's bare 404. Signed in or
/// not, an unknown address answers 404 with the portal's own not-found page inside its layout.</summary>
public sealed class NotFoundPageTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task ShouldBeThePortalsNotFoundPageAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("<h1", customMessage: "the page has no heading: a bare 404");
        html.ShouldContain("Sidan finns inte");
        // The layout around it: the skip link and the main landmark the layout renders.
        html.ShouldContain("class=\"skip-link\"");
        html.ShouldContain("id=\"main\"");
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/workspaces/not-a-guid")]
    [InlineData("/a/deeper/unknown/address")]
    public async Task An_unknown_address_signed_in_answers_404_with_the_portals_page_and_layout(string path)
    {
        using var browser = new AccountBrowser(_url);
        using (var signIn = await browser.DemoSignInAsync(DemoData.Personas.NmtLead, "/"))
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await browser.Http.GetAsync(path.TrimStart('/'));

        await ShouldBeThePortalsNotFoundPageAsync(response);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"signed-in-as\"");
    }

    [Fact]
    public async Task A_part_of_a_workspace_that_no_feature_registered_answers_404_with_the_portals_page()
    {
        using var browser = new AccountBrowser(_url);
        using (var signIn = await browser.DemoSignInAsync(DemoData.Personas.NmtLead, "/"))
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var known = await browser.Http.GetAsync($"workspaces/{DemoData.Workspaces.Nmt}/discussions"))
            known.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await browser.Http.GetAsync($"workspaces/{DemoData.Workspaces.Nmt}/no-such-part");

        await ShouldBeThePortalsNotFoundPageAsync(response);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/a/deeper/unknown/address")]
    public async Task An_unknown_address_signed_out_answers_404_with_the_portals_page_and_layout(string path)
    {
        using var browser = new AccountBrowser(_url);

        using var response = await browser.Http.GetAsync(path.TrimStart('/'));

        await ShouldBeThePortalsNotFoundPageAsync(response);
    }
}
