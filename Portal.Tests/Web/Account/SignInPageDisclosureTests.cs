using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Web.Account;

/// <summary>Security finding 5: the anonymous demo sign-in page shows only what a visitor may know
/// (names and organisations): no hidden workspace, no titles, no administrator marker.</summary>
public sealed class SignInPageDisclosureTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("sv", "Administratör")]
    [InlineData("en", "Administrator")]
    public async Task The_anonymous_sign_in_page_names_people_and_organisations_and_nothing_more(string culture, string administratorMarker)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={culture}|uic={culture}");

        using var response = await client.GetAsync("/account/signin");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var hidden = await db.Workspaces.AsNoTracking().Where(w => w.Visibility == WorkspaceVisibility.Hidden)
            .Select(w => w.Name).ToListAsync();
        var people = await (from m in db.Members.AsNoTracking()
                            join o in db.Organisations on m.OrganisationId equals o.Id
                            where o.Enabled
                            select new { m.DisplayName, m.Title, Organisation = o.Name }).ToListAsync();

        hidden.ShouldContain("Samordningens ledningsgrupp");
        people.Count(p => !string.IsNullOrWhiteSpace(p.Title)).ShouldBeGreaterThan(0, "the demo has titles to hide");
        foreach (var name in hidden)
            html.ShouldNotContain(name);
        // A title that is part of an organisation's name (the title "Gränspolis" in "Gränspolisen") cannot be told apart.
        var titles = people.Select(p => p.Title).OfType<string>().Where(t => t.Length > 0).Distinct()
            .Where(t => !people.Any(p => p.Organisation.Contains(t, StringComparison.OrdinalIgnoreCase))).ToList();
        titles.ShouldNotBeEmpty();
        foreach (var title in titles)
            html.ShouldNotContain(title, Case.Insensitive);
        html.ShouldNotContain(administratorMarker, Case.Insensitive);
        foreach (var person in people)
        {
            html.ShouldContain(person.DisplayName);
            html.ShouldContain(person.Organisation);
        }
    }
}
