using Microsoft.Playwright;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

public sealed partial class AccessibilityBrowserTests
{
    /// <summary>The method-support pages: the lists (queue, assigned, mine), the ask form with the guard's error
    /// and warnings, the form for logging a request, the request page as the member on duty and as the assignee,
    /// and the figures. Nothing is submitted: the portal is shared with the other accessibility tests.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Method_support_pages_have_no_WCAG_violations(string culture)
    {
        var report = new List<string>();
        var request = $"support/{DemoData.MethodSupport.OpenChildRequest}";

        var erik = await SignInAsync("Erik Sandberg", culture);
        await LoadAsync(erik, "support");
        await Expect(erik.GetByTestId("support-queue")).ToBeVisibleAsync();
        await ScanAsync(erik, "support lists as the member on duty", report);

        await LoadAsync(erik, "support/new");
        await erik.Locator("textarea[data-testid=support-question]").FillAsync("Personnummer 19811218-9876, ring 070-123 45 67.");
        await Expect(erik.GetByTestId("support-question-warning")).ToBeVisibleAsync();
        await Expect(erik.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(erik, "ask form with the guard's error and warning", report);

        await LoadAsync(erik, "support/log");
        await Expect(erik.GetByTestId("support-log-form")).ToBeVisibleAsync();
        await ScanAsync(erik, "log form", report);
        // Another organisation, sent empty: the refusals stand beside their fields (and nothing is logged).
        await erik.Locator("input[data-testid=support-log-typed]").Or(erik.GetByTestId("support-log-typed").Locator("input")).First.CheckAsync();
        await Expect(erik.Locator("input[data-testid=support-log-organisation-name]")).ToBeVisibleAsync();
        await erik.GetByTestId("support-log-submit").ClickAsync();
        await Expect(erik.Locator("[data-testid=support-log-form] .mud-input-error").First).ToBeVisibleAsync();
        await ScanAsync(erik, "log form for another organisation, refused", report);

        await LoadAsync(erik, request);
        await Expect(erik.GetByTestId("support-assign-panel")).ToBeVisibleAsync();
        await ScanAsync(erik, "request as the member on duty", report);

        await LoadAsync(erik, "support/figures");
        await Expect(erik.GetByTestId("support-figures-Channel")).ToBeVisibleAsync();
        await ScanAsync(erik, "figures", report);

        var johan = await SignInAsync("Johan Berg", culture);
        await LoadAsync(johan, request);
        await Expect(johan.GetByTestId("support-refer-panel")).ToBeVisibleAsync();
        await ScanAsync(johan, "request as the assignee", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>Asking for method support with the keyboard alone: the question, a form, the county and sending.</summary>
    [Fact]
    public async Task A_method_support_request_is_asked_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Ola Svensson");
        await page.GotoAsync("support/new");
        await page.WaitForInteractiveAsync();

        await TabToAsync(page, page.Locator("textarea[data-testid=support-question]"));
        await page.Keyboard.TypeAsync("Hur stöttar vi en person som tvingas arbeta i en restaurang utan lön?");
        var forcedLabour = page.Locator("input[data-testid=support-form-ForcedLabour]").Or(page.GetByTestId("support-form-ForcedLabour").Locator("input")).First;
        await TabToAsync(page, forcedLabour);
        await page.Keyboard.PressAsync("Space");
        await Expect(forcedLabour).ToBeCheckedAsync();
        await PickByKeyboardAsync(page, "support-county", choice: null);
        await TabToAsync(page, page.GetByTestId("support-submit"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("support-reference")).ToContainTextAsync("MS-");
    }

    /// <summary>Logging a request that came by e-mail, for an asker outside the portal whose organisation is in the
    /// directory, with the keyboard alone: the organisation, a functional contact, the channel and the question.</summary>
    [Fact]
    public async Task A_request_from_a_directory_organisation_is_logged_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Erik Sandberg");
        await page.GotoAsync("support/log");
        await page.WaitForInteractiveAsync();

        var organisation = await PickByKeyboardAsync(page, "support-log-organisation", choice: null);
        await TabToAsync(page, page.Locator("input[data-testid=support-log-contact]"));
        await page.Keyboard.TypeAsync("Växeln, 08-700 00 00");
        await PickByKeyboardAsync(page, "support-log-channel", "E-post");
        await AskTheQuestionByKeyboardAsync(page, "Hur dokumenterar vi en misstänkt tiggeriexploatering?", "Begging");
        await TabToAsync(page, page.GetByTestId("support-log-submit"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("support-reference")).ToContainTextAsync("MS-");
        await Expect(page.GetByTestId("support-asking-organisation")).ToContainTextAsync(organisation);
        await Expect(page.GetByTestId("support-contact")).ToHaveTextAsync("Växeln, 08-700 00 00");
        await Expect(page.GetByTestId("support-channel")).ToContainTextAsync("E-post");
        await Expect(page.GetByTestId("support-channel")).ToContainTextAsync("Erik Sandberg");
    }

    /// <summary>Logging a phone request from an organisation that is not in the directory, with the keyboard alone:
    /// the radio button to type it in, its name and kind, the contact and the question.</summary>
    [Fact]
    public async Task A_request_from_an_organisation_outside_the_directory_is_logged_by_keyboard_alone()
    {
        var page = await KeyboardSignInAsync("Erik Sandberg");
        await page.GotoAsync("support/log");
        await page.WaitForInteractiveAsync();

        // The two kinds of asker are radio buttons: the arrow key moves from the directory to "another organisation".
        var fromDirectory = page.Locator("input[data-testid=support-log-from-directory]").Or(page.GetByTestId("support-log-from-directory").Locator("input")).First;
        var typed = page.Locator("input[data-testid=support-log-typed]").Or(page.GetByTestId("support-log-typed").Locator("input")).First;
        await TabToAsync(page, fromDirectory);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(typed).ToBeCheckedAsync();
        var name = page.Locator("input[data-testid=support-log-organisation-name]");
        await Expect(name).ToBeVisibleAsync();
        await TabToAsync(page, name);
        await page.Keyboard.TypeAsync("Stadsmissionen i Gävle");
        await PickByKeyboardAsync(page, "support-log-organisation-kind", "Frivilligorganisation");
        await TabToAsync(page, page.Locator("input[data-testid=support-log-contact]"));
        await page.Keyboard.TypeAsync("Mottagningen");
        await AskTheQuestionByKeyboardAsync(page, "En kvinna berättar att hon tvingas sälja sex för att betala en skuld. Vad gör vi?", "SexualPurposes");
        await TabToAsync(page, page.GetByTestId("support-log-submit"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("support-reference")).ToContainTextAsync("MS-");
        await Expect(page.GetByTestId("support-asking-organisation")).ToContainTextAsync("Stadsmissionen i Gävle (Frivilligorganisation)");
        await Expect(page.GetByTestId("support-contact")).ToHaveTextAsync("Mottagningen");
        await Expect(page.GetByTestId("support-channel")).ToContainTextAsync("Telefon");
    }

    /// <summary>The question's fields as a keyboard user fills them: the question, a form of exploitation, a county.</summary>
    private static async Task AskTheQuestionByKeyboardAsync(IPage page, string question, string form)
    {
        await TabToAsync(page, page.Locator("textarea[data-testid=support-question]"));
        await page.Keyboard.TypeAsync(question);
        var checkbox = page.Locator($"input[data-testid=support-form-{form}]").Or(page.GetByTestId($"support-form-{form}").Locator("input")).First;
        await TabToAsync(page, checkbox);
        await page.Keyboard.PressAsync("Space");
        await Expect(checkbox).ToBeCheckedAsync();
        await PickByKeyboardAsync(page, "support-county", choice: null);
    }

    private static Task<string> PickByKeyboardAsync(IPage page, string testId, string? choice) => KeyboardLists.ChooseAsync(page, testId, choice);
}
