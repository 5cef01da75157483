using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Web.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Web.Meetings;

/// <summary>The meeting pages in real browsers, each person in a context of their own: a lead schedules a
/// weekly meeting in the form, a member accepts it in another browser and the lead's open page shows the
/// reply without reloading, then writes the minutes with an action item that appears on the member's home; axe-core (WCAG 2.1 A/AA) over the form (also with an error), the meeting page as
/// lead and as invitee, and the workspace's "Meetings" part, in Swedish and English; and the form, a reply
/// and the section's button by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingPageBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

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
    public async Task A_lead_schedules_a_weekly_meeting_a_member_accepts_in_another_browser_and_the_lead_sees_the_reply()
    {
        var erik = await SignInAsync("Erik Sandberg");
        await LoadAsync(erik, $"workspaces/{DemoData.Workspaces.Nmt}/meetings");
        await erik.GetByTestId("meeting-new").ClickAsync();
        await erik.WaitForURLAsync("**/meetings/new?workspace=*");
        await erik.WaitForInteractiveAsync();
        await Expect(erik.GetByTestId("invitee-preview")).ToContainTextAsync("personer bjuds in");

        var day = StockholmTime.Today(TimeProvider.System).AddDays(8);
        await erik.GetByTestId("meeting-title").FillAsync("Samordningsmöte varje vecka");
        await erik.GetByTestId("meeting-start-day").FillAsync(day.ToString("yyyy-MM-dd"));
        await erik.GetByTestId("meeting-start-time").FillAsync("09:00");
        await erik.GetByTestId("meeting-end-time").FillAsync("10:30");
        await erik.GetByTestId("meeting-address").FillAsync("Länsstyrelsen, Hantverkargatan 29, Stockholm");
        await Choice(erik, "repeat-Weekly").CheckAsync();
        await erik.GetByTestId("meeting-count").FillAsync("6");
        await erik.GetByTestId("meeting-save").ClickAsync();
        await erik.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/meetings/[0-9a-f-]{36}$"));
        await erik.WaitForInteractiveAsync();
        await Expect(erik.GetByTestId("meeting-title")).ToHaveTextAsync("Samordningsmöte varje vecka");
        await Expect(erik.GetByTestId("meeting-occurrence")).ToHaveCountAsync(6);
        var karinRow = erik.GetByTestId("reply-row").Filter(new() { HasText = "Karin Holm" });
        await Expect(karinRow).ToHaveAttributeAsync("data-answer", "None");
        var meetingUrl = erik.Url;

        var karin = await SignInAsync("Karin Holm");
        await LoadAsync(karin, new Uri(meetingUrl).PathAndQuery.TrimStart('/'));
        await Choice(karin, "reply-Accepted").CheckAsync();
        await karin.GetByTestId("reply-comment").FillAsync("Jag tar med fallbeskrivningen.");
        await karin.GetByTestId("reply-send").ClickAsync();
        await Expect(karin.GetByTestId("reply-saved")).ToContainTextAsync("Kommer");

        // Erik's open page heard of the reply.
        await Expect(karinRow).ToHaveAttributeAsync("data-answer", "Accepted");
        await Expect(karinRow).ToContainTextAsync("Jag tar med fallbeskrivningen.");
        await Expect(erik.GetByTestId("replies-summary")).ToContainTextAsync("1 kommer");

        // Erik writes the minutes on the same page, with an action item for Karin; it appears on her home page.
        await erik.GetByTestId("minutes-edit").ClickAsync();
        await erik.GetByTestId("minutes-text").FillAsync("## Fallgenomgång\n\nKarin presenterade fallet från bärplockningen.");
        await erik.GetByTestId("minutes-save").ClickAsync();
        await Expect(erik.GetByTestId("minutes-body")).ToContainTextAsync("Karin presenterade fallet");
        await erik.GetByTestId("action-text").FillAsync("Skicka fallbeskrivningen till LAMP");
        await erik.GetByTestId("action-assignee").ClickAsync();
        await erik.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Karin Holm" }).ClickAsync();
        await erik.GetByTestId("action-due").FillAsync(day.AddDays(7).ToString("yyyy-MM-dd"));
        await erik.GetByTestId("action-add").ClickAsync();
        await Expect(erik.GetByTestId("minutes-action").Filter(new() { HasText = "Skicka fallbeskrivningen till LAMP" })).ToBeVisibleAsync();

        await LoadAsync(karin, "");
        await Expect(karin.GetByTestId("my-action-item").Filter(new() { HasText = "Skicka fallbeskrivningen till LAMP" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task The_form_the_meeting_page_and_the_section_have_no_WCAG_violations(string culture)
    {
        var meetingId = await ScheduleSeriesAsync($"Metodmöte {culture}");
        var report = new List<string>();

        var erik = await SignInAsync("Erik Sandberg", culture);
        await LoadAsync(erik, $"meetings/new?workspace={DemoData.Workspaces.Nmt}");
        await Expect(erik.GetByTestId("invitee-preview")).ToBeVisibleAsync();
        await ScanAsync(erik, "scheduling form", report);
        await Choice(erik, "repeat-Monthly").CheckAsync();
        await Choice(erik, "invite-whole").UncheckAsync();
        await Expect(erik.GetByTestId("invite-members")).ToBeVisibleAsync();
        await erik.GetByTestId("find-time-check").ClickAsync();
        await Expect(erik.GetByTestId("find-time-result")).Not.ToBeEmptyAsync();
        await erik.GetByTestId("meeting-save").ClickAsync();
        await Expect(erik.GetByTestId("meeting-form-error")).ToBeVisibleAsync();
        await ScanAsync(erik, "scheduling form, monthly, chosen members, find a time, with errors", report);

        await LoadAsync(erik, $"meetings/{meetingId}");
        await Expect(erik.GetByTestId("meeting-replies")).ToBeVisibleAsync();
        await erik.GetByTestId("cancel-open").ClickAsync();
        await Expect(erik.GetByTestId("cancel-confirm")).ToBeVisibleAsync();
        await ScanAsync(erik, "meeting page as lead, cancelling", report);

        await LoadAsync(erik, $"meetings/{meetingId}/edit?scope=following");
        await Expect(erik.GetByTestId("meeting-edit-scope")).ToBeVisibleAsync();
        await ScanAsync(erik, "changing a series", report);

        await LoadAsync(erik, $"workspaces/{DemoData.Workspaces.Nmt}/meetings");
        await Expect(erik.GetByTestId("upcoming-meetings")).ToBeVisibleAsync();
        await ScanAsync(erik, "workspace meetings part", report);

        var karin = await SignInAsync("Karin Holm", culture);
        await LoadAsync(karin, $"meetings/{meetingId}");
        await Expect(karin.GetByTestId("meeting-reply")).ToBeVisibleAsync();
        await karin.GetByTestId("reply-send").ClickAsync();
        await Expect(karin.GetByTestId("reply-answer-error")).ToBeVisibleAsync();
        await ScanAsync(karin, "meeting page as invitee, reply with an error", report);

        await LoadAsync(karin, "");
        await Expect(karin.GetByTestId("home-upcoming-meetings")).ToBeVisibleAsync();
        await ScanAsync(karin, "home with upcoming meetings", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    /// <summary>"My meetings" in its three views (with the member's demo meetings and one scheduled here), and
    /// the feed panel before and after making an address, in both languages.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task My_meetings_in_every_view_and_the_feed_panel_have_no_WCAG_violations(string culture)
    {
        await ScheduleSeriesAsync($"Kalendermöte {culture}");
        var karin = await SignInAsync("Karin Holm", culture);
        var report = new List<string>();

        await LoadAsync(karin, "meetings?view=agenda");
        await Expect(karin.GetByTestId("my-meeting").Filter(new() { HasText = $"Kalendermöte {culture}" }).First).ToBeVisibleAsync();
        await ScanAsync(karin, "my meetings, agenda", report);
        await LoadAsync(karin, "meetings?view=week");
        await Expect(karin.GetByTestId("period-heading")).ToBeVisibleAsync();
        await ScanAsync(karin, "my meetings, week", report);
        await LoadAsync(karin, "meetings?view=month");
        await Expect(karin.GetByTestId("month-grid")).ToBeVisibleAsync();
        await ScanAsync(karin, "my meetings, month", report);
        await karin.GetByTestId("feed-create").ClickAsync();
        await Expect(karin.GetByTestId("feed-url")).ToBeVisibleAsync();
        await ScanAsync(karin, "my meetings, feed address shown", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task My_meetings_views_and_periods_are_chosen_by_keyboard_and_kept_in_the_address()
    {
        await ScheduleSeriesAsync("Kalendermöte med tangentbordet");
        var karin = await SignInAsync("Karin Holm");
        await LoadAsync(karin, "meetings");

        await TabToAsync(karin, karin.GetByTestId("view-week"), 120);
        await karin.Keyboard.PressAsync("Enter");
        await karin.WaitForURLAsync(url => url.Contains("view=Week", StringComparison.OrdinalIgnoreCase));
        var thisWeek = await karin.GetByTestId("period-heading").InnerTextAsync();
        await TabToAsync(karin, karin.GetByTestId("period-next"), 40);
        await karin.Keyboard.PressAsync("Enter");
        await Expect(karin.GetByTestId("period-heading")).Not.ToHaveTextAsync(thisWeek);
        var heading = await karin.GetByTestId("period-heading").InnerTextAsync();

        await karin.ReloadAsync();
        await karin.WaitForInteractiveAsync();
        await Expect(karin.GetByTestId("period-heading")).ToHaveTextAsync(heading);
        await TabToAsync(karin, karin.GetByTestId("view-agenda"), 120);
        await karin.Keyboard.PressAsync("Enter");
        await karin.WaitForURLAsync(url => url.Contains("view=Agenda", StringComparison.OrdinalIgnoreCase));
        await TabToAsync(karin, karin.GetByTestId("my-meeting").First, 120);
        await karin.Keyboard.PressAsync("Enter");
        await karin.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/meetings/[0-9a-f-]{36}"));
    }

    /// <summary>The meeting page's agenda, minutes and training panels in their working states: an invitee
    /// registered for a training and proposing an agenda item; the lead with the proposal to decide on, the
    /// minutes being written, the participants and the form for outside participants; in both languages.</summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task The_agenda_minutes_and_training_panels_have_no_WCAG_violations(string culture)
    {
        var meetingId = await ScheduleTrainingAsync($"Utbildningsdag {culture}");
        var report = new List<string>();

        var karin = await SignInAsync("Karin Holm", culture);
        await LoadAsync(karin, $"meetings/{meetingId}");
        await karin.GetByTestId("training-register").ClickAsync();
        await Expect(karin.GetByTestId("training-my-status")).ToBeVisibleAsync();
        await karin.GetByTestId("agenda-title").FillAsync("Fall från bärplockningen");
        await karin.GetByTestId("agenda-add").ClickAsync();
        await Expect(karin.GetByTestId("agenda-proposed")).ToBeVisibleAsync();
        await ScanAsync(karin, "training as invitee: registered, an agenda item proposed", report);

        var erik = await SignInAsync("Erik Sandberg", culture);
        await LoadAsync(erik, $"meetings/{meetingId}");
        await Expect(erik.GetByTestId("agenda-proposal").First).ToBeVisibleAsync();
        await Expect(erik.GetByTestId("training-registration").First).ToBeVisibleAsync();
        await erik.GetByTestId("minutes-edit").ClickAsync();
        await Expect(erik.GetByTestId("minutes-text")).ToBeVisibleAsync();
        await Expect(erik.GetByTestId("outside-add")).ToBeVisibleAsync();
        await ScanAsync(erik, "training as lead: a proposal to decide, minutes being written, participants and the outside-participant form", report);

        report.ShouldBeEmpty(string.Join(Environment.NewLine, report));
    }

    [Fact]
    public async Task Registering_for_a_training_and_writing_the_minutes_work_by_keyboard_alone()
    {
        var meetingId = await ScheduleTrainingAsync("Utbildning med tangentbordet");

        var karin = await SignInAsync("Karin Holm");
        await LoadAsync(karin, $"meetings/{meetingId}");
        await TabToAsync(karin, karin.GetByTestId("training-register"), 200);
        await karin.Keyboard.PressAsync("Enter");
        await Expect(karin.GetByTestId("training-my-status")).ToBeVisibleAsync();

        var erik = await SignInAsync("Erik Sandberg");
        await LoadAsync(erik, $"meetings/{meetingId}");
        await TabToAsync(erik, erik.GetByTestId("minutes-edit"), 200);
        await erik.Keyboard.PressAsync("Enter");
        await TabToAsync(erik, erik.Locator("textarea[data-testid=minutes-text], [data-testid=minutes-text] textarea").First, 20);
        await erik.Keyboard.TypeAsync("Alla deltagare fick utbildningsmaterialet.");
        await TabToAsync(erik, erik.GetByTestId("minutes-save"), 20);
        await erik.Keyboard.PressAsync("Enter");
        await Expect(erik.GetByTestId("minutes-body")).ToContainTextAsync("Alla deltagare fick utbildningsmaterialet.");
    }

    /// <summary>A training in NMT in three days through the use case, as its lead; the whole workspace is invited.</summary>
    private async Task<Guid> ScheduleTrainingAsync(string title)
    {
        var start = StockholmTime.Today(TimeProvider.System).AddDays(3).ToDateTime(new TimeOnly(9, 0));
        return await _portal.Services.GetRequiredService<MeetingService>().ScheduleAsync(DemoData.Personas.NmtLead,
            new MeetingDraft(MeetingKind.Training, title, "Grundutbildning om **tecken på människohandel**.", [DemoData.Workspaces.Nmt],
                start, start.AddHours(3), "Länsstyrelsen, Regeringsgatan 66, Stockholm", null, null, InviteeSelection.WholeWorkspace, Seats: 20));
    }

    [Fact]
    public async Task Scheduling_and_replying_work_by_keyboard_alone()
    {
        var erik = await SignInAsync("Erik Sandberg");
        await LoadAsync(erik, $"workspaces/{DemoData.Workspaces.Nmt}/meetings");
        await TabToAsync(erik, erik.GetByTestId("meeting-new"), 120);
        await erik.Keyboard.PressAsync("Enter");
        await erik.WaitForURLAsync("**/meetings/new?workspace=*");
        await erik.WaitForInteractiveAsync();

        await TabToAsync(erik, erik.Locator("input[data-testid=meeting-title]"), 120);
        await erik.Keyboard.TypeAsync("Möte med tangentbordet");
        // A radio group is one Tab stop (the chosen one); the arrow keys choose within it.
        await TabToAsync(erik, Choice(erik, "repeat-None"));
        await ArrowToAsync(erik, Choice(erik, "repeat-EveryOtherWeek"));
        await TabToAsync(erik, erik.Locator("input[data-testid=meeting-count]"));
        await erik.Keyboard.PressAsync("Control+A");
        await erik.Keyboard.TypeAsync("4");
        await TabToAsync(erik, erik.GetByTestId("meeting-save"), 200);
        await erik.Keyboard.PressAsync("Enter");
        await erik.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/meetings/[0-9a-f-]{36}$"));
        await erik.WaitForInteractiveAsync();
        await Expect(erik.GetByTestId("meeting-occurrence")).ToHaveCountAsync(4);

        var karin = await SignInAsync("Karin Holm");
        await LoadAsync(karin, new Uri(erik.Url).PathAndQuery.TrimStart('/'));
        await TabToAsync(karin, Choice(karin, "reply-Accepted"), 120);
        await karin.Keyboard.PressAsync("Space");
        await ArrowToAsync(karin, Choice(karin, "reply-Maybe"));
        await TabToAsync(karin, karin.Locator("textarea[data-testid=reply-comment]"));
        await karin.Keyboard.TypeAsync("Beror på en förhandling.");
        await TabToAsync(karin, karin.GetByTestId("reply-send"));
        await karin.Keyboard.PressAsync("Enter");
        await Expect(karin.GetByTestId("reply-saved")).ToContainTextAsync("Kanske");
    }

    /// <summary>A weekly series in NMT through the use case, as its lead; Karin is invited (a member).</summary>
    private async Task<Guid> ScheduleSeriesAsync(string title)
    {
        var start = StockholmTime.Today(TimeProvider.System).AddDays(3).ToDateTime(new TimeOnly(13, 0));
        var meetings = _portal.Services.GetRequiredService<MeetingService>();
        var id = await meetings.ScheduleAsync(DemoData.Personas.NmtLead, new MeetingDraft(MeetingKind.Meeting, title,
            "Vi går igenom **nya ärenden**.", [DemoData.Workspaces.Nmt], start, start.AddHours(1), "Polishuset, Kungsholmen",
            "https://meet.example.se/nmt", MeetingRecurrence.Weekly(1, 4, null), InviteeSelection.WholeWorkspace));
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var first = await db.MeetingOccurrences.Where(o => o.MeetingId == id).OrderBy(o => o.OriginalStart).Select(o => o.Id).FirstAsync();
        await meetings.ReplyAsync(DemoData.IdFor("member:johan.berg"), first, ReplyAnswer.Declined, "Rättegång den dagen.");
        return id;
    }

    private async Task<IPage> SignInAsync(string persona, string culture = "sv")
    {
        var context = await browser.NewContextAsync(_baseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(persona);
        if (culture != "sv")
        {
            await page.GotoAsync($"culture/apply?culture={culture}&returnUrl=/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        }
        return page;
    }

    private static async Task LoadAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>A MudRadio's or MudCheckBox's input, wherever MudBlazor puts the test id.</summary>
    private static ILocator Choice(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>Presses the down arrow within a radio group until the target is chosen, or fails.</summary>
    private static async Task ArrowToAsync(IPage page, ILocator target, int maxPresses = 6)
    {
        for (var presses = 0; presses < maxPresses && !await target.IsCheckedAsync(); presses++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Expect(target).ToBeCheckedAsync(new() { Timeout = 1_000 });
    }

    /// <summary>Presses Tab until the target has the focus (as a keyboard user would), or fails.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 60)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < maxPresses && !await target.EvaluateAsync<bool>("element => element === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1_000 });
    }

    private static async Task ScanAsync(IPage page, string state, List<string> report)
    {
        var result = await page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations)
        {
            var places = violation.Nodes.Take(3).Select(node =>
                $"    at {node.Target} — {node.Html} — {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}");
            report.Add($"[{state}] {violation.Id} ({violation.Impact}) on {violation.Nodes.Length} element(s): {violation.Help}"
                + Environment.NewLine + string.Join(Environment.NewLine, places));
        }
    }
}
