using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Method support from end to end, each person in a browser of their own: a social worker asks, the
/// NMT member on duty assigns, the assignee answers and refers, the asker sees the answer and the referral,
/// and the figures count the request.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupportFlowBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Question = "Vi misstänker att tre bärplockare arbetar utan lön och bor i en lada. Hur går vi vidare?";
    private const string Answer = "Kontakta Arbetsmiljöverket och polisens regionala människohandelsgrupp.";

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseUrl = null!;

    public Task InitializeAsync()
    {
        _baseUrl = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_social_worker_asks_the_duty_member_assigns_the_assignee_answers_and_refers_the_asker_sees_it_and_the_figures_count_it()
    {
        var figures = _portal.Services.GetRequiredService<SupportFiguresService>();
        var erikId = DemoData.IdFor("member:erik.sandberg");
        var year = DateTimeOffset.UtcNow.Year;
        var before = (await figures.FiguresAsync(new Caller(erikId), year)).Tables.Single(t => t.Dimension == SupportFigureDimension.Channel).Year.Total;

        // Ola at Malmö's social services asks.
        var ola = await SignInAsync("Ola Svensson");
        await ola.GotoAsync("support");
        await ola.WaitForInteractiveAsync();
        await ola.GetByTestId("nav-support").First.WaitForAsync();
        await ola.GetByTestId("support-ask").ClickAsync();
        await ola.Locator("textarea[data-testid=support-question]").FillAsync(Question);
        await ola.GetByTestId("support-form-ForcedLabour").Locator("input").Or(ola.Locator("input[data-testid=support-form-ForcedLabour]")).First.CheckAsync();
        await PickAsync(ola, "support-county", "Skåne län");
        await ola.GetByTestId("support-submit").ClickAsync();
        await Expect(ola.GetByTestId("support-reference")).ToContainTextAsync($"MS-{year}-");
        var requestUrl = ola.Url;

        // Erik, on duty, finds it in the queue and assigns Karin Holm.
        var erik = await SignInAsync("Erik Sandberg");
        await erik.GotoAsync("support");
        await erik.WaitForInteractiveAsync();
        await erik.GetByTestId("support-queue").GetByTestId("support-row-link").Last.WaitForAsync();
        await erik.GotoAsync(requestUrl);
        await erik.WaitForInteractiveAsync();
        await PickAsync(erik, "support-assign-select", "Karin Holm");
        await erik.Keyboard.PressAsync("Escape");
        await erik.GetByTestId("support-assign").ClickAsync();
        await Expect(erik.GetByTestId("support-assignees")).ToContainTextAsync("Karin Holm");

        // Karin answers and refers to the Work Environment Authority.
        var karin = await SignInAsync("Karin Holm");
        await karin.GotoAsync(requestUrl);
        await karin.WaitForInteractiveAsync();
        await karin.Locator("textarea[data-testid=support-reply-text]").FillAsync(Answer);
        await karin.GetByTestId("support-reply-send").ClickAsync();
        await Expect(karin.GetByTestId("support-reply")).ToContainTextAsync(Answer);
        // The organisation comes from the directory: type part of its name and take the suggestion with Enter
        // (a click can land while the suggestion list is still being placed, and then nothing is picked).
        var organisation = karin.Locator("input[data-testid=support-refer-organisation]")
            .Or(karin.Locator(".mud-autocomplete:has([data-testid=support-refer-organisation]) input")).First;
        await organisation.FillAsync("Arbetsmiljö");
        await Expect(karin.Locator(".mud-popover-open .mud-list-item.mud-selected-item")).ToHaveTextAsync("Arbetsmiljöverket");
        await karin.Keyboard.PressAsync("Enter");
        await Expect(organisation).ToHaveValueAsync("Arbetsmiljöverket");
        await karin.Locator("textarea[data-testid=support-refer-reason]").FillAsync("Arbetsvillkoren behöver inspekteras.");
        await karin.GetByTestId("support-refer").ClickAsync();
        await Expect(karin.GetByTestId("support-referral-organisation")).ToContainTextAsync("Arbetsmiljöverket");

        // Ola sees the answer and where she was referred.
        await ola.GotoAsync(requestUrl);
        await ola.WaitForInteractiveAsync();
        await Expect(ola.GetByTestId("support-reply")).ToContainTextAsync(Answer);
        await Expect(ola.GetByTestId("support-referral-organisation")).ToContainTextAsync("Arbetsmiljöverket");
        await Expect(ola.GetByTestId("support-notes")).ToHaveCountAsync(0);

        // The figures count it: the year's total of requests by channel grew by one, and the page shows it.
        var after = (await figures.FiguresAsync(new Caller(erikId), year)).Tables.Single(t => t.Dimension == SupportFigureDimension.Channel).Year.Total;
        before.ShouldNotBeNull();
        after.ShouldBe(before + 1);
        await erik.GotoAsync("support/figures");
        await erik.WaitForInteractiveAsync();
        await Expect(erik.Locator("[data-testid=support-figures-Channel] tr[data-period=Year] [data-testid=support-figures-total]"))
            .ToHaveTextAsync(after.ToString()!);
    }

    private async Task<IPage> SignInAsync(string persona)
    {
        var context = await browser.NewContextAsync(_baseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        return page;
    }

    /// <summary>Opens a MudSelect and picks the option with that text.</summary>
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator($".mud-select:has([data-testid={testId}])").Or(page.Locator($".mud-select[data-testid={testId}]")).First.ClickAsync();
        var item = page.GetByRole(AriaRole.Option).Filter(new() { HasText = option });
        await Expect(item.First).ToBeVisibleAsync();
        await item.First.ClickAsync();
    }
}
