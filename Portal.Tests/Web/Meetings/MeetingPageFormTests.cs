using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Meetings;

namespace Portal.Tests.Web.Meetings;

/// <summary>The scheduling form on the real use cases: a lead schedules a weekly series for the whole of NMT;
/// an end before the start is said beside the end time and nothing typed is lost; a member who is not a
/// lead, and an administrator who is not one either, are not offered the form.</summary>
public sealed class MeetingPageFormTests : PortalBunitContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<MeetingFormPage> RenderNew(Guid workspaceId)
    {
        Navigation.NavigateTo($"/meetings/new?workspace={workspaceId}");
        return Render<MeetingFormPage>();
    }

    [Fact]
    public async Task A_lead_schedules_a_weekly_series_for_the_whole_workspace_and_lands_on_its_page()
    {
        SignInAs(DemoData.Personas.NmtLead);
        var cut = RenderNew(DemoData.Workspaces.Nmt);
        cut.WaitForAssertion(() => cut.Find("[data-testid=invitee-preview]").TextContent.ShouldContain("personer bjuds in"));

        cut.Find("input[data-testid=meeting-title]").Change("Veckomöte NMT");
        cut.Find("input[data-testid=meeting-start-day]").Change("2027-03-22");
        cut.Find("input[data-testid=meeting-start-time]").Change("09:00");
        cut.Find("input[data-testid=meeting-end-time]").Change("10:00");
        cut.Find("input[data-testid=meeting-online-link]").Change("https://meet.example.se/nmt");
        cut.Choose("repeat-Weekly");
        cut.WaitForAssertion(() => cut.Find("input[data-testid=meeting-count]"));
        cut.Find("input[data-testid=meeting-count]").Change("5");
        cut.Find("[data-testid=meeting-save]").Click();

        cut.WaitForAssertion(() => Navigation.Uri.ShouldMatch(@"/meetings/[0-9a-f-]{36}$"));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var meeting = await db.Meetings.Include(m => m.Occurrences).Include(m => m.Invitees).SingleAsync(m => m.Title == "Veckomöte NMT");
        meeting.Recurrence!.Frequency.ShouldBe(RecurrenceFrequency.Weekly);
        meeting.Occurrences.Count.ShouldBe(5);
        meeting.SeriesStartLocal.ShouldBe(new DateTime(2027, 3, 22, 9, 0, 0));
        // 22 March is winter time, 29 March summer time: both at 09:00 in Stockholm.
        meeting.OccurrencesInOrder.Select(o => o.Start.UtcDateTime.Hour).Take(2).ShouldBe([8, 7]);
        var activeMembers = await db.Workspaces.Where(w => w.Id == DemoData.Workspaces.Nmt)
            .SelectMany(w => w.Memberships).CountAsync(m => m.Status == MembershipStatus.Active);
        meeting.Invitees.Count.ShouldBe(activeMembers);
        Navigation.Uri.ShouldEndWith($"/meetings/{meeting.Id}");
    }

    [Fact]
    public async Task An_end_before_the_start_is_said_beside_the_end_time_and_keeps_everything_typed()
    {
        SignInAs(DemoData.Personas.NmtLead);
        var cut = RenderNew(DemoData.Workspaces.Nmt);
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-save]"));

        cut.Find("input[data-testid=meeting-title]").Change("Fel tid");
        cut.Find("textarea[data-testid=meeting-description]").Change("Om **tider**.");
        cut.Find("input[data-testid=meeting-start-time]").Change("14:00");
        cut.Find("input[data-testid=meeting-end-time]").Change("13:00");
        cut.Find("[data-testid=meeting-save]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=meeting-end-time]").TextContent.ShouldContain("efter"));
        cut.Find("[data-testid=meeting-form-error]").TextContent.ShouldContain("inget av det du skrev har försvunnit");
        cut.Find("input[data-testid=meeting-title]").GetAttribute("value").ShouldBe("Fel tid");
        cut.Find("textarea[data-testid=meeting-description]").TextContent.ShouldBe("Om **tider**.");
        cut.Find("input[data-testid=meeting-start-time]").GetAttribute("value").ShouldBe("14:00");
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await db.Meetings.AnyAsync(m => m.Title == "Fel tid")).ShouldBeFalse();
    }

    [Fact]
    public void A_day_that_cannot_be_read_is_said_beside_its_field_before_anything_is_sent()
    {
        SignInAs(DemoData.Personas.NmtLead);
        var cut = RenderNew(DemoData.Workspaces.Nmt);
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-save]"));

        cut.Find("input[data-testid=meeting-title]").Change("Halvskriven dag");
        cut.Find("input[data-testid=meeting-start-day]").Change("2027-02-3");
        cut.Find("[data-testid=meeting-save]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=meeting-start-day]").TextContent.ShouldContain("ÅÅÅÅ-MM-DD"));
        cut.Find("input[data-testid=meeting-start-day]").GetAttribute("value").ShouldBe("2027-02-3");
    }

    [Theory]
    [InlineData("member:karin.holm")]      // an NMT member, not a lead
    [InlineData("member:anna.lindqvist")]  // an administrator, not a lead of NMT
    public void Someone_who_is_not_a_lead_of_the_workspace_is_not_offered_the_form(string member)
    {
        SignInAs(DemoData.IdFor(member));
        var cut = RenderNew(DemoData.Workspaces.Nmt);

        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-form-not-allowed]"));
        cut.FindAll("[data-testid=meeting-form]").ShouldBeEmpty();
    }
}
