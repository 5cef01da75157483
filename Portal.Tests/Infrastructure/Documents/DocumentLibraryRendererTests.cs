using Portal.Infrastructure.Features.Documents;

namespace Portal.Tests.Infrastructure.Documents;

public sealed class DocumentLibraryRendererTests
{
    private readonly DocumentRenderer _renderer = new();

    private const string Manual = """
        Inledning utan rubrik.

        ## Myndigheternas roller
        Text.
        ### Polisen
        ### Socialtjänsten
        #### Barn
        ## Tecken på människohandel
        ### Arbete
        """;

    [Fact]
    public void Headings_are_numbered_by_their_place_with_anchors_and_a_table_of_contents()
    {
        var rendered = _renderer.Render(Manual);

        rendered.Sections.Select(s => (s.Number, s.Anchor, s.Title)).ShouldBe(
        [
            ("1", "avsnitt-1", "Myndigheternas roller"),
            ("1.1", "avsnitt-1-1", "Polisen"),
            ("1.2", "avsnitt-1-2", "Socialtjänsten"),
            ("1.2.1", "avsnitt-1-2-1", "Barn"),
            ("2", "avsnitt-2", "Tecken på människohandel"),
            ("2.1", "avsnitt-2-1", "Arbete"),
        ]);
        rendered.Html.ShouldContain("<h3 id=\"avsnitt-1-2\"><span class=\"section-number\">1.2</span> Socialtjänsten</h3>");
        rendered.Html.ShouldContain("<h2 id=\"avsnitt-2\">");
        _renderer.SectionsOf(Manual).ShouldBe(rendered.Sections);
    }

    [Fact]
    public void Anchors_stay_when_the_text_around_a_section_changes()
    {
        var before = _renderer.Render(Manual).Sections;
        var changed = Manual.Replace("Text.", "Mycket ny text.\n\nMed ett nytt stycke och en **fet** mening.")
            .Replace("### Polisen", "### Polismyndigheten");

        var after = _renderer.Render(changed).Sections;

        after.Select(s => s.Anchor).ShouldBe(before.Select(s => s.Anchor));
        after.Single(s => s.Anchor == "avsnitt-1-1").Title.ShouldBe("Polismyndigheten");
        after.Single(s => s.Anchor == "avsnitt-2-1").Title.ShouldBe("Arbete");
    }

    [Fact]
    public void Headings_outside_the_numbered_levels_get_no_number_and_inline_markup_is_read_as_title()
    {
        var rendered = _renderer.Render("# Titel\n\n## Första `kod` *steget*\n\n##### Djup");

        rendered.Sections.ShouldHaveSingleItem().Title.ShouldBe("Första kod steget");
        rendered.Html.ShouldContain("<h1>Titel</h1>");
        rendered.Html.ShouldContain("<h5>Djup</h5>");
    }

    [Fact]
    public void Tables_are_kept()
    {
        var html = _renderer.Render("| Myndighet | Roll |\n|---|---|\n| Polisen | Utreder |").Html;

        html.ShouldContain("<table>");
        html.ShouldContain("<th>Myndighet</th>");
        html.ShouldContain("<td>Utreder</td>");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klick](javascript:alert(1))")]
    [InlineData("<div onclick=\"alert(1)\">x</div>")]
    [InlineData("## Rubrik <script>alert(1)</script>")]
    [InlineData("## <a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_scripts_and_javascript_links_are_removed(string payload)
    {
        var html = _renderer.Render(payload).Html;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");

        document.Body!.QuerySelectorAll("script, img, iframe, div, [onclick], [onerror]").ShouldBeEmpty(html);
        foreach (var link in document.Body.QuerySelectorAll("a"))
            (link.GetAttribute("href") ?? "").ShouldNotContain("javascript", Case.Insensitive, html);
    }

    [Fact]
    public void External_links_open_apart_and_section_links_stay_on_the_page()
    {
        var html = _renderer.Render("[Manual](https://example.org/manual) och [avsnitt 1](#avsnitt-1)").Html;

        html.ShouldContain("<a href=\"https://example.org/manual\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">");
        html.ShouldContain("<a href=\"#avsnitt-1\">avsnitt 1</a>");
    }
}
