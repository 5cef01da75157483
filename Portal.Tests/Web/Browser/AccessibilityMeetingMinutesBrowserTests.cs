using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure.Meetings;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>The home page's open action items: minutes with an action item (written through the use cases, as
/// the meeting page's panel does) put the item on the assignee's home, which is axe-clean in both languages, and
/// the assignee marks it done by the keyboard alone. Johan Berg (NMT) is the assignee, so no other test's home
/// page changes.</summary>
public sealed partial class AccessibilityBrowserTests
{
    private async Task<Guid> ActionItemForJohanAsync(string text)
    {
        var services = portal.Portal.Services;
        var start = StockholmTime.Today(TimeProvider.System).AddDays(3).ToDateTime(new TimeOnly(9, 0));
        var (meetingId, occurrenceId) = await MeetingMinutesScenario.ScheduleAsync(
            services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), start);
        var minutes = services.GetRequiredService<MeetingMinutesService>();
        var lead = MeetingMinutesScenario.Erik;
        await minutes.WriteAsync(lead, meetingId, occurrenceId, (await minutes.GetAsync(lead, meetingId, occurrenceId)).Version, "Kort protokoll.");
        return await minutes.AddActionItemAsync(lead, meetingId, occurrenceId, text, MeetingMinutesScenario.Johan,
            StockholmTime.Today(TimeProvider.System).AddDays(5));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task My_action_items_on_the_home_page_have_no_WCAG_violations(string culture)
    {
        await ActionItemForJohanAsync($"Skicka lägesbilden ({culture})");
        var page = await SignInAsync("Johan Berg", culture);
        var report = new List<string>();

        await LoadAsync(page, "");
        await Expect(page.GetByTestId("my-action-item").Filter(new() { HasText = $"Skicka lägesbilden ({culture})" })).ToBeVisibleAsync();
        await ScanAsync(page, "home with an open action item", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task An_action_item_from_the_minutes_is_marked_done_on_the_assignees_home_by_keyboard_alone()
    {
        await ActionItemForJohanAsync("Ring kommunens socialjour");
        var page = await KeyboardSignInAsync("Johan Berg");
        var item = page.GetByTestId("my-action-item").Filter(new() { HasText = "Ring kommunens socialjour" });
        await Expect(item).ToBeVisibleAsync();

        await TabToAsync(page, item.Locator("input[type=checkbox]"), 150);
        await page.Keyboard.PressAsync("Space");

        await Expect(item).ToHaveCountAsync(0);
    }
}
