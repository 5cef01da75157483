using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Meetings.Calendar;

namespace Portal.Tests.Web.Meetings;

/// <summary>"My meetings" rendered with bUnit on the real use cases: the period from the address, the views'
/// links keeping the day, a meeting in the week and the month, and the feed panel (shown once, renew asks first).</summary>
public sealed class MeetingCalendarPageTests : PortalBunitContext
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;

    private static DateOnly NextMonday()
    {
        var day = StockholmTime.Today(TimeProvider.System).AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        return day;
    }

    private async Task<Guid> ScheduleAsync(DateOnly day)
    {
        var start = day.ToDateTime(new TimeOnly(9, 0));
        return await Database.Get<MeetingService>().ScheduleAsync(Erik, new MeetingDraft(MeetingKind.Meeting, "Samordningsmöte NMT",
            "Genomgång", [DemoData.Workspaces.Nmt], start, start.AddHours(1), "Länsstyrelsen", null, null, InviteeSelection.WholeWorkspace));
    }

    [Fact]
    public void Period_from_the_address_falls_back_to_the_month_of_today_and_weeks_start_on_monday()
    {
        var today = new DateOnly(2026, 11, 27);
        MyMeetingsPeriod.Parse("bogus", "not-a-day", today).ShouldBe(new MyMeetingsPeriod("month", today));
        var week = MyMeetingsPeriod.Parse("week", "2026-12-10", today);
        week.First.ShouldBe(new DateOnly(2026, 12, 7));
        week.End.ShouldBe(new DateOnly(2026, 12, 14));
        week.Next.Link.ShouldBe("/meetings?view=week&date=2026-12-14");
        week.Previous.Link.ShouldBe("/meetings?view=week&date=2026-11-30");
        week.With(view: "month").Link.ShouldBe("/meetings?view=month&date=2026-12-10");
        var month = MyMeetingsPeriod.Parse("month", "2026-03-15", today);
        (month.First, month.End).ShouldBe((new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)));
        // Across the March change the month is 31 days less one hour.
        (month.ToUtc - month.FromUtc).ShouldBe(TimeSpan.FromDays(31) - TimeSpan.FromHours(1));
        MyMeetingsPeriod.Parse("agenda", "2026-12-01", today).End.ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public async Task A_member_sees_the_meeting_in_the_week_and_the_month_with_views_that_keep_the_day()
    {
        var monday = NextMonday();
        var id = await ScheduleAsync(monday);
        SignInAs(Karin, "Karin Holm");

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/meetings?view=week&date={monday:yyyy-MM-dd}");
        var week = Render<MyMeetingsPage>();

        // Karin's week also holds the demo data's NMT meeting: this test's meeting is the one linking to it.
        string This(AngleSharp.Dom.IElement item) => item.GetAttribute("href") ?? "";
        week.WaitForAssertion(() => week.FindAll("[data-testid=my-meeting]").Where(i => This(i).StartsWith($"/meetings/{id}?occurrence=", StringComparison.Ordinal))
            .ShouldHaveSingleItem().TextContent.ShouldContain("09:00–10:00"));
        week.Find("[data-testid=view-month]").GetAttribute("href").ShouldBe($"/meetings?view=month&date={monday:yyyy-MM-dd}");
        week.Find("[data-testid=view-week]").GetAttribute("aria-current").ShouldBe("page");
        week.FindAll("h3").Count.ShouldBe(7);

        navigation.NavigateTo($"/meetings?view=month&date={monday:yyyy-MM-dd}");
        var month = Render<MyMeetingsPage>();
        month.WaitForAssertion(() => month.Find("[data-testid=month-grid]").TextContent.ShouldContain("Samordningsmöte NMT"));

        navigation.NavigateTo($"/meetings?view=agenda&date={monday.AddDays(1):yyyy-MM-dd}");
        var later = Render<MyMeetingsPage>();
        later.WaitForAssertion(() => later.FindAll("[data-testid=my-meetings-empty], [data-testid=my-meeting]").ShouldNotBeEmpty());
        later.FindAll("[data-testid=my-meeting]").Where(i => This(i).StartsWith($"/meetings/{id}", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_feed_address_is_shown_once_and_renewing_asks_first_then_gives_a_new_one()
    {
        SignInAs(Karin, "Karin Holm");
        var panel = Render<MyMeetingsFeedPanel>();

        panel.WaitForElement("[data-testid=feed-create]").Click();
        var first = panel.WaitForElement("[data-testid=feed-url] input").GetAttribute("value")!;
        first.ShouldEndWith(".ics");
        first.ShouldContain("/calendar/");

        panel.Find("[data-testid=feed-create]").Click();
        panel.Find("[data-testid=feed-renew-cancel]").Click();
        panel.FindAll("[data-testid=feed-renew-confirm]").ShouldBeEmpty();
        panel.Find("[data-testid=feed-create]").Click();
        panel.Find("[data-testid=feed-renew-confirm]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=feed-url] input").GetAttribute("value").ShouldNotBe(first));

        var again = Render<MyMeetingsFeedPanel>();
        again.WaitForElement("[data-testid=feed-active]");
        again.FindAll("[data-testid=feed-url]").ShouldBeEmpty();
    }
}
