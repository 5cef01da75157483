using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Browser;

/// <summary>Choosing in a MudBlazor select with the keyboard alone, as a user does: Tab into the select, Enter
/// opens its list, the arrow key moves the highlight and Enter takes the highlighted choice.</summary>
internal static class KeyboardLists
{
    /// <summary>How long one arrow press is given to move the highlight before the user would press again.</summary>
    private static readonly TimeSpan MoveWait = TimeSpan.FromSeconds(3);

    /// <summary>Tabs until the focus is inside the select (MudBlazor keeps a chosen value in a hidden input, so the
    /// select itself is the target), opens it and takes the choice, or the first choice with none named.</summary>
    public static async Task<string> ChooseAsync(IPage page, string testId, string? choice, int maxTabs = 100)
    {
        var select = page.Locator($".mud-select:has([data-testid={testId}])").Or(page.Locator($".mud-select[data-testid={testId}]")).First;
        await Expect(select).ToBeVisibleAsync();
        const string Inside = "e => e.contains(document.activeElement)";
        for (var presses = 0; presses < maxTabs && !await select.EvaluateAsync<bool>(Inside); presses++)
            await page.Keyboard.PressAsync("Tab");
        (await select.EvaluateAsync<bool>(Inside)).ShouldBeTrue($"the focus never reached the select {testId}");
        await page.Keyboard.PressAsync("Enter");
        return await TakeAsync(page, choice);
    }

    /// <summary>In the open list, moves the highlight until it is on the choice (or on any item, with none named)
    /// and takes it with Enter; returns what was taken. A press made just as the list opens can reach it before
    /// it listens, and the highlight stays put: then the key is pressed again, as a user would. Two presses in a
    /// row that move nothing mean the end of the list, and the search goes the other way.</summary>
    public static async Task<string> TakeAsync(IPage page, string? choice)
    {
        var list = page.Locator(".mud-popover-open .mud-list");
        await Expect(list).ToBeVisibleAsync();
        var highlighted = list.Locator(".mud-selected-item");
        var key = "ArrowDown";
        var stuck = 0;
        for (var presses = 0; presses < 60; presses++)
        {
            var before = await HighlightedAsync(highlighted);
            if (before is not null && (choice is null || before == choice))
                break;
            await page.Keyboard.PressAsync(key);
            if (await MovedAsync(highlighted, before))
                stuck = 0;
            else if (++stuck == 2)
                key = key == "ArrowDown" ? "ArrowUp" : "ArrowDown";
        }
        var taken = await HighlightedAsync(highlighted);
        taken.ShouldNotBeNull("nothing was highlighted in the list");
        if (choice is not null)
            taken.ShouldBe(choice);
        await page.Keyboard.PressAsync("Enter");
        await Expect(list).ToHaveCountAsync(0);
        return taken;
    }

    private static async Task<string?> HighlightedAsync(ILocator highlighted) =>
        await highlighted.CountAsync() == 1 ? (await highlighted.InnerTextAsync()).Trim() : null;

    private static async Task<bool> MovedAsync(ILocator highlighted, string? before)
    {
        try
        {
            if (before is null)
                await Expect(highlighted).ToHaveCountAsync(1, new() { Timeout = (float)MoveWait.TotalMilliseconds });
            else
                await Expect(highlighted).Not.ToHaveTextAsync(before, new() { Timeout = (float)MoveWait.TotalMilliseconds });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }
}
