using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Discussions;

namespace Portal.Tests.Infrastructure.Discussions;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private string Html(string markdown) => _renderer.Render(PostBody.Parse(markdown)).Html;

    public static TheoryData<string> Payloads =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "![x](javascript:alert(1))",
        "[klick](javascript:alert(1))",
        "[klick](JaVaScRiPt:alert(1))",
        "[klick](java&#x09;script:alert(1))",
        "[klick](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[klick](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
        "[klick](vbscript:msgbox(1))",
        "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![bild](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<div style=\"background:url(javascript:alert(1));width:expression(alert(1))\">x</div>",
        "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">x</a>",
        "<<script>script>alert(1)<</script>/script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
        "<object data=\"javascript:alert(1)\"></object><embed src=javascript:alert(1)>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<https://evil.example/\" onmouseover=\"alert(1)>",
        "`<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n```",
    ];

    private static readonly HashSet<string> AllowedElements =
        ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "del", "a"];

    private static readonly HashSet<string> AllowedAttributes = ["href", "start", "rel", "target", "class"];

    /// <summary>Parses the output as a browser would and checks every element, attribute and link
    /// against the allow-list: escaped text ("&lt;script&gt;") is harmless and allowed.</summary>
    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_leaves_nothing_executable(string payload)
    {
        var html = Html(payload);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            AllowedElements.ShouldContain(element.LocalName, $"payload {payload} rendered as {html}");
            foreach (var attribute in element.Attributes)
            {
                AllowedAttributes.ShouldContain(attribute.LocalName, $"payload {payload} rendered as {html}");
                if (attribute.LocalName == "href")
                    attribute.Value.ShouldSatisfyAllConditions(
                        v => (v.StartsWith("http://", StringComparison.Ordinal) || v.StartsWith("https://", StringComparison.Ordinal)
                            || v.StartsWith("mailto:", StringComparison.Ordinal)).ShouldBeTrue($"payload {payload} gave href {v}"));
                if (attribute.LocalName == "class")
                    attribute.Value.ShouldBe("mention");
            }
        }
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public void Render_drops_images_even_small_data_uris()
    {
        var rendered = _renderer.Render(PostBody.Parse("Före ![bild](data:image/png;base64,iVBORw0KGgo=) efter"));
        rendered.Html.ShouldNotContain("<img", Case.Insensitive);
        rendered.Html.ShouldNotContain("data:", Case.Insensitive);
        rendered.PlainText.ShouldBe("Före efter");
    }

    [Fact]
    public void Render_keeps_markdown_structure()
    {
        var html = Html("# Rubrik\n\n- ett\n- två\n\n> citat\n\n`kod` och **fet** och *kursiv*\n\n1. första");
        html.ShouldContain("<h1>Rubrik</h1>");
        html.ShouldContain("<li>ett</li>");
        html.ShouldContain("<blockquote>");
        html.ShouldContain("<code>kod</code>");
        html.ShouldContain("<strong>fet</strong>");
        html.ShouldContain("<em>kursiv</em>");
        html.ShouldContain("<ol>");
    }

    [Fact]
    public void Render_gives_external_links_nofollow_noopener_and_a_new_tab()
    {
        var html = Html("[Manualen](https://www.lansstyrelsen.se/manual) och mailto:[oss](mailto:info@example.org)");
        html.ShouldContain("href=\"https://www.lansstyrelsen.se/manual\"");
        html.ShouldContain("rel=\"nofollow noopener noreferrer\"");
        html.ShouldContain("target=\"_blank\"");
        html.ShouldContain("href=\"mailto:info@example.org\"");
    }

    [Fact]
    public void Render_turns_mentions_into_links_to_the_person_and_workspace()
    {
        var member = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        var rendered = _renderer.Render(PostBody.Parse($"Hej @[Karin *Holm*](member:{member}) och @[NMT](workspace:{workspace})"));
        rendered.Html.ShouldContain($"<a href=\"/directory/people/{member:D}\" class=\"mention\">@Karin *Holm*</a>");
        rendered.Html.ShouldContain($"<a href=\"/workspaces/{workspace:D}\" class=\"mention\">@NMT</a>");
        rendered.PlainText.ShouldBe("Hej @Karin *Holm* och @NMT");
    }

    [Fact]
    public void Render_shows_raw_html_as_text()
    {
        var rendered = _renderer.Render(PostBody.Parse("<b>inte fet</b>"));
        rendered.Html.ShouldBe("<p>&lt;b&gt;inte fet&lt;/b&gt;</p>");
        rendered.PlainText.ShouldBe("<b>inte fet</b>");
    }

    [Fact]
    public void Render_turns_bare_http_and_https_addresses_into_safe_links()
    {
        var longUrl = "https://www.lansstyrelsen.se/stockholm/" + new string('a', 260) + "?id=1";
        var html = Html($"Se https://www.lansstyrelsen.se/manual och {longUrl} samt http://example.org/sida.");

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        var links = document.QuerySelectorAll("a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://www.lansstyrelsen.se/manual", longUrl, "http://example.org/sida"]);
        links.ShouldAllBe(a => a.GetAttribute("rel") == "nofollow noopener noreferrer" && a.GetAttribute("target") == "_blank");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void Render_links_no_bare_address_of_another_scheme(string address)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + Html($"Se {address} här") + "</body>");

        document.QuerySelectorAll("a[href]").ShouldBeEmpty();
        document.QuerySelectorAll("script").ShouldBeEmpty();
    }

    [Fact]
    public void Render_says_when_images_were_dropped()
    {
        _renderer.Render(PostBody.Parse("Före ![karta](https://example.org/karta.png) efter")).DroppedImages.ShouldBeTrue();
        _renderer.Render(PostBody.Parse("Bara [en länk](https://example.org/karta.png)")).DroppedImages.ShouldBeFalse();
    }
}
