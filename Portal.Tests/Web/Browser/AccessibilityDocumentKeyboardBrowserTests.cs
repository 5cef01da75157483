using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The documents' choosers by keyboard alone: the new-document form's type and audience lists and
/// its checkboxes, the reviewer picker's suggestions, and the library's filters — which live in the address,
/// so that a reload or the back button brings the same list back.</summary>
public sealed partial class AccessibilityBrowserTests
{
    [Fact]
    public async Task Creating_a_document_and_naming_its_reviewer_work_by_keyboard_alone()
    {
        var title = $"Checklista skriven med tangentbordet {Guid.NewGuid():N}"[..60];
        var page = await KeyboardSignInAsync("Johanna Wall");
        await LoadAsync(page, $"documents/new?workspace={DemoData.Workspaces.ManualRevision}");

        await TabToAsync(page, page.Locator("input[data-testid=document-title], [data-testid=document-title] input").First, 120);
        await page.Keyboard.TypeAsync(title);
        // A list opens with Enter, moves with the arrows and takes the highlighted choice with Enter.
        await ChooseAsync(page, "document-type", "Checklista");
        await ChooseAsync(page, "document-audience", "Barn");
        await TabToAsync(page, page.GetByTestId("document-forms").Locator("input[type=checkbox]").First, 20);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByTestId("document-forms").Locator("input[type=checkbox]").First).ToBeCheckedAsync();
        await TabToAsync(page, page.Locator("textarea[data-testid=document-body], [data-testid=document-body] textarea").First, 40);
        await page.Keyboard.TypeAsync("## Första kontakt\n\nFråga om barnet har en vårdnadshavare här.");
        await TabToAsync(page, page.Locator("textarea[data-testid=document-change-note], [data-testid=document-change-note] textarea").First, 20);
        await page.Keyboard.TypeAsync("Första versionen");
        await TabToAsync(page, page.GetByTestId("create-document"), 20);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/draft", StringComparison.Ordinal));

        var document = await DocumentTitledAsync(title);
        document.Type.ShouldBe(DocumentType.Checklist);
        document.Audience.ShouldBe(DocumentAudience.Children);
        document.ExploitationForms.ShouldHaveSingleItem();

        // The reviewer picker: type part of a name, Enter takes the highlighted suggestion, then "Add".
        var picker = page.Locator("input[data-testid=reviewer-picker], [data-testid=reviewer-picker] input").First;
        await TabToAsync(page, picker, 200);
        await page.Keyboard.TypeAsync("Karin");
        // The suggestions follow the typing after a short pause: wait until they are Karin's.
        var suggestions = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(suggestions.Filter(new() { HasText = "Karin Holm" }).First).ToBeVisibleAsync();
        await Expect(suggestions.Filter(new() { HasNotText = "Karin" })).ToHaveCountAsync(0);
        // The first suggestion is highlighted as it appears: Enter takes it once it is Karin's.
        await Expect(page.Locator(".mud-popover-open .mud-list-item.mud-selected-item")).ToContainTextAsync("Karin Holm");
        await page.Keyboard.PressAsync("Enter");
        await Expect(picker).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Karin Holm"));
        await TabToAsync(page, page.GetByTestId("add-reviewer"), 20);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("reviewer-row").Filter(new() { HasText = "Karin Holm" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_library_filters_are_chosen_by_keyboard_and_kept_in_the_address_across_a_reload_and_back()
    {
        var page = await KeyboardSignInAsync("Karin Holm");
        await LoadAsync(page, "documents");
        await Expect(page.GetByTestId("document-row").Filter(new() { HasText = DemoManual })).ToBeVisibleAsync();

        await ChooseAsync(page, "filter-type", "Checklista");
        await page.WaitForURLAsync(url => url.Contains("type=Checklist", StringComparison.Ordinal));
        await Expect(page.GetByTestId("document-row").Filter(new() { HasText = DemoManual })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("document-row").Filter(new() { HasText = DemoData.Documents.FirstContact })).ToBeVisibleAsync();

        await ChooseAsync(page, "document-sort", "Översynsdatum");
        await page.WaitForURLAsync(url => url.Contains("sort=ReviewDue", StringComparison.Ordinal) && url.Contains("type=Checklist", StringComparison.Ordinal));

        // A reload (or a link someone was sent) shows the same list with the same choices.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=filter-type] input, input[data-testid=filter-type]").First).ToHaveValueAsync("Checklista");
        await Expect(page.GetByTestId("document-row").Filter(new() { HasText = DemoManual })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("document-row").Filter(new() { HasText = DemoData.Documents.FirstContact })).ToBeVisibleAsync();

        // Back twice: first the sort goes, then the filter.
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.Contains("type=Checklist", StringComparison.Ordinal) && !url.Contains("sort=", StringComparison.Ordinal));
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/documents", StringComparison.Ordinal));
        await Expect(page.GetByTestId("document-row").Filter(new() { HasText = DemoManual })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=filter-type] input, input[data-testid=filter-type]").First).ToHaveValueAsync("");
    }

    /// <summary>Chooses in a MudSelect with the keyboard and checks that the field shows the choice.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string choice)
    {
        await KeyboardLists.ChooseAsync(page, testId, choice, maxTabs: 60);
        await Expect(page.Locator($"input[data-testid={testId}], [data-testid={testId}] input.mud-select-input").First).ToHaveValueAsync(choice);
    }

    private async Task<GuidanceDocument> DocumentTitledAsync(string title)
    {
        await using var db = await portal.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Title == title);
    }
}
