using Bunit;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Meetings;

namespace Portal.Tests.Web.Meetings;

/// <summary>The workspace's "Meetings" part and the home list: the lead is offered "Schedule" and a member
/// is not; a meeting scheduled while the part is open appears without reload; the home page lists the
/// member's next meetings with their own reply.</summary>
public sealed class MeetingPageSectionTests : PortalBunitContext
{
    private async Task<Guid> ScheduleAsync(string title, int inDays)
    {
        var start = StockholmTime.Today(TimeProvider.System).AddDays(inDays).ToDateTime(new TimeOnly(10, 0));
        return await Database.Get<MeetingService>().ScheduleAsync(DemoData.Personas.NmtLead, new MeetingDraft(MeetingKind.Meeting, title, null,
            [DemoData.Workspaces.Nmt], start, start.AddHours(2), null, "https://meet.example.se/nmt", null, InviteeSelection.WholeWorkspace));
    }

    private async Task<IRenderedComponent<WorkspaceMeetings>> RenderSectionAsync(Guid member)
    {
        SignInAs(member);
        var workspace = await Database.Get<WorkspaceService>().GetAsync(member, DemoData.Workspaces.Nmt);
        return Render<WorkspaceMeetings>(p => p.Add(x => x.WorkspaceId, DemoData.Workspaces.Nmt)
            .Add(x => x.CanSchedule, MeetingOffers.CanSchedule(workspace)));
    }

    [Fact]
    public async Task The_lead_is_offered_to_schedule_and_a_meeting_scheduled_meanwhile_appears_without_reload()
    {
        await ScheduleAsync("Ärendegenomgång", 5);
        var cut = await RenderSectionAsync(DemoData.Personas.NmtLead);

        cut.WaitForAssertion(() => cut.Find("[data-testid=upcoming-meetings]").TextContent.ShouldContain("Ärendegenomgång"));
        cut.Find("[data-testid=meeting-new]").GetAttribute("href").ShouldBe($"/meetings/new?workspace={DemoData.Workspaces.Nmt}");

        await ScheduleAsync("Extra möte om ett nytt ärende", 2);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=upcoming-meetings] [data-testid=meeting-summary]")
            .Select(e => e.TextContent).First().ShouldContain("Extra möte om ett nytt ärende"));
    }

    [Fact]
    public async Task A_member_who_is_not_a_lead_sees_the_meetings_but_is_not_offered_to_schedule()
    {
        await ScheduleAsync("Ärendegenomgång", 5);
        var cut = await RenderSectionAsync(DemoData.Personas.NmtPolice);

        cut.WaitForAssertion(() => cut.Find("[data-testid=upcoming-meetings]").TextContent.ShouldContain("Ärendegenomgång"));
        cut.FindAll("[data-testid=meeting-new]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_home_list_shows_the_members_next_meetings_with_their_reply()
    {
        var id = await ScheduleAsync("Nätverksträff", 3);
        var view = await Database.Get<MeetingService>().GetAsync(DemoData.Personas.NmtPolice, id, null);
        await Database.Get<MeetingService>().ReplyAsync(DemoData.Personas.NmtPolice, view.Occurrence.OccurrenceId, ReplyAnswer.Maybe, null);
        SignInAs(DemoData.Personas.NmtPolice);

        var cut = Render<UpcomingMeetings>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=home-upcoming-meetings]").TextContent.ShouldContain("Nätverksträff"));
        var item = cut.FindAll("[data-testid=meeting-summary]").Single(e => e.TextContent.Contains("Nätverksträff"));
        item.TextContent.ShouldContain("ditt svar: Kanske");
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/meetings/{id}?occurrence={view.Occurrence.OccurrenceId}");
    }
}
