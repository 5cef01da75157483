using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Tests.Infrastructure.Meetings;
using Portal.Web.Features.Meetings.Minutes;
using static Portal.Tests.Infrastructure.Meetings.MeetingMinutesScenario;

namespace Portal.Tests.Web.Meetings;

/// <summary>The minutes part's panels on the real use cases: the lead writes minutes and an action item, the
/// assignee sees it on the home component and marks it done; a member proposes an agenda item that the lead
/// accepts; a training fills up and puts the next one on the waiting list; refusals land beside the field.</summary>
public sealed class MeetingMinutesPanelTests : PortalBunitContext
{
    private static DateTime NextWeek => StockholmTime.Today(TimeProvider.System).AddDays(7).ToDateTime(new TimeOnly(9, 0));

    [Fact]
    public async Task The_lead_writes_minutes_and_an_action_item_that_the_assignee_marks_done_on_the_home_page()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(Database.Contexts, NextWeek);
        SignInAs(Erik);
        var cut = Render<MeetingMinutesPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));

        cut.WaitForElement("[data-testid=minutes-edit]").Click();
        cut.Find("textarea[data-testid=minutes-text]").Change("## Läget\n\nInga nya ärenden.");
        cut.Find("[data-testid=minutes-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=minutes-body]").InnerHtml.ShouldContain("Inga nya ärenden."));

        cut.Find("input[data-testid=action-text]").Change("Ring migrationsverket");
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<Guid?>>()
            .Single(s => (string?)s.Instance.UserAttributes["data-testid"] == "action-assignee").Instance.ValueChanged.InvokeAsync(Karin));
        cut.Find("input[data-testid=action-due]").Change(StockholmTime.Today(TimeProvider.System).AddDays(3).ToString("yyyy-MM-dd"));
        cut.Find("[data-testid=action-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=minutes-action]").TextContent.ShouldContain("Ring migrationsverket"));

        SignInAs(Karin);
        var home = Render<MyActionItems>();
        // Karin also has an action item from the demo data's NMT minutes: this one is found by its text.
        AngleSharp.Dom.IElement? Item() => home.FindAll("[data-testid=my-action-item]").SingleOrDefault(i => i.TextContent.Contains("Ring migrationsverket"));
        home.WaitForAssertion(() => Item().ShouldNotBeNull());
        Item()!.QuerySelector("input[type=checkbox]")!.Change(true);
        home.WaitForAssertion(() => Item().ShouldBeNull());
        (await Database.Get<MeetingMinutesService>().MineAsync(Karin)).ShouldNotContain(i => i.Text == "Ring migrationsverket");
    }

    [Fact]
    public async Task An_action_item_without_a_due_date_is_refused_beside_the_field_and_the_text_is_kept()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(Database.Contexts, NextWeek);
        SignInAs(Erik);
        var cut = Render<MeetingMinutesPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));

        cut.WaitForElement("input[data-testid=action-text]").Change("Boka lokal");
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<Guid?>>()
            .Single(s => (string?)s.Instance.UserAttributes["data-testid"] == "action-assignee").Instance.ValueChanged.InvokeAsync(Johan));
        cut.Find("[data-testid=action-add]").Click();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("Skriv datumet som ÅÅÅÅ-MM-DD."));
        cut.Find("input[data-testid=action-text]").GetAttribute("value").ShouldBe("Boka lokal");
        (await Database.Get<MeetingMinutesService>().GetAsync(Erik, meetingId, occurrenceId)).ActionItems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_reads_the_minutes_without_editing_them()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(Database.Contexts, NextWeek);
        var minutes = Database.Get<MeetingMinutesService>();
        await minutes.WriteAsync(Erik, meetingId, occurrenceId, (await minutes.GetAsync(Erik, meetingId, occurrenceId)).Version, "Kort protokoll.");
        SignInAs(Karin);

        var cut = Render<MeetingMinutesPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=minutes-body]").TextContent.ShouldContain("Kort protokoll."));
        cut.FindAll("[data-testid=minutes-edit]").ShouldBeEmpty();
        cut.FindAll("[data-testid=action-add]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_proposes_an_agenda_item_and_the_lead_accepts_it()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(Database.Contexts, NextWeek);
        SignInAs(Karin);
        var cut = Render<MeetingAgendaPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));

        cut.WaitForElement("input[data-testid=agenda-title]").Change("Nytt ärende från Göteborg");
        cut.Find("[data-testid=agenda-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=agenda-proposed]"));
        cut.Find("[data-testid=agenda-proposal]").TextContent.ShouldContain("Nytt ärende från Göteborg");

        SignInAs(Erik);
        var lead = Render<MeetingAgendaPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));
        lead.WaitForElement("[data-testid=agenda-accept]").Click();
        lead.WaitForAssertion(() => lead.Find("[data-testid=agenda-item]").TextContent.ShouldContain("Nytt ärende från Göteborg"));
        lead.FindAll("[data-testid=agenda-proposal]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_agenda_title_is_refused_beside_the_field()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(Database.Contexts, NextWeek);
        SignInAs(Erik);
        var cut = Render<MeetingAgendaPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));

        cut.WaitForElement("[data-testid=agenda-add]").Click();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("Skriv en rubrik."));
        cut.FindAll("[data-testid=agenda-item]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_full_training_puts_the_next_member_on_the_waiting_list()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(Database.Contexts, NextWeek, MeetingKind.Training, seats: 1);
        SignInAs(Karin);
        var karin = Render<TrainingParticipantsPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));
        karin.WaitForElement("[data-testid=training-register]").Click();
        karin.WaitForAssertion(() => karin.Find("[data-testid=training-my-status]").TextContent.ShouldContain("Du är anmäld."));

        SignInAs(Johan);
        var johan = Render<TrainingParticipantsPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));
        johan.WaitForAssertion(() => johan.Find("[data-testid=training-my-status]").TextContent.ShouldContain("Alla platser är tagna"));
        johan.Find("[data-testid=training-register]").Click();
        johan.WaitForAssertion(() => johan.Find("[data-testid=training-my-status]").TextContent.ShouldContain("väntelistan, plats 1"));
        johan.FindAll("[data-testid=training-registrations]").ShouldBeEmpty();

        SignInAs(Erik);
        var lead = Render<TrainingParticipantsPanel>(p => p.Add(c => c.MeetingId, meetingId).Add(c => c.OccurrenceId, occurrenceId));
        lead.WaitForAssertion(() => lead.FindAll("[data-testid=training-registration]").Count.ShouldBe(2));
    }
}
