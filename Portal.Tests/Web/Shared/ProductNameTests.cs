using System.Net;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Web.Shared;

/// <summary>"Samverkansportalen" is a name, not a phrase to translate: the English UI and mails use it
/// as the Swedish ones do.</summary>
public sealed class ProductNameTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task The_sign_in_page_and_its_title_name_the_portal_Samverkansportalen_in_either_language(string culture)
    {
        using var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={culture}|uic={culture}");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/signin"));

        html.ShouldContain($">{Product.Name}</p>");
        html.ShouldContain($" – {Product.Name}</title>");
        html.ShouldNotContain("Collaboration Portal", Case.Insensitive);
    }

    [Fact]
    public void Every_English_text_keeps_the_name_where_the_Swedish_text_has_it()
    {
        var problems = new List<string>();
        foreach (var english in ResourceFiles.All().Where(f => f.EndsWith(".en.resx")))
        {
            var swedish = ResourceFiles.Entries(english.Replace(".en.resx", ".resx"));
            foreach (var (key, text) in ResourceFiles.Entries(english))
            {
                if (swedish.GetValueOrDefault(key)?.Contains(Product.Name) == true && !text.Contains(Product.Name))
                    problems.Add($"{Path.GetFileName(english)}: {key}");
                if (text.Contains("Collaboration Portal", StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{Path.GetFileName(english)}: {key} translates the name");
            }
        }

        problems.ShouldBeEmpty();
    }
}
