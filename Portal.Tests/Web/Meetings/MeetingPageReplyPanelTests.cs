using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Meetings;

namespace Portal.Tests.Web.Meetings;

/// <summary>The reply panel on the real use cases: an invitee accepts with a comment and it is kept; no
/// answer chosen is said beside the choice; an occurrence cancelled while the panel is open is refused with
/// the reason and the comment stays; a cancelled occurrence offers no form at all.</summary>
public sealed class MeetingPageReplyPanelTests : PortalBunitContext
{
    private async Task<(Guid MeetingId, Guid OccurrenceId)> ScheduleAsync()
    {
        var day = StockholmTime.Today(TimeProvider.System).AddDays(7).ToDateTime(new TimeOnly(9, 0));
        var meetings = Database.Get<MeetingService>();
        var id = await meetings.ScheduleAsync(DemoData.Personas.NmtLead, new MeetingDraft(MeetingKind.Meeting, "Metodmöte", null,
            [DemoData.Workspaces.Nmt], day, day.AddHours(1), "Länsstyrelsen, Stockholm", null,
            MeetingRecurrence.Weekly(1, 3, null), InviteeSelection.WholeWorkspace));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var first = await db.MeetingOccurrences.Where(o => o.MeetingId == id).OrderBy(o => o.OriginalStart).Select(o => o.Id).FirstAsync();
        return (id, first);
    }

    [Fact]
    public async Task An_invitee_accepts_with_a_comment_and_the_reply_is_kept()
    {
        var (_, occurrence) = await ScheduleAsync();
        SignInAs(DemoData.Personas.NmtPolice);
        var replied = 0;
        var cut = Render<MeetingReplyPanel>(p => p.Add(x => x.OccurrenceId, occurrence).Add(x => x.OnReplied, () => replied++));

        cut.Choose("reply-Accepted");
        cut.Find("textarea[data-testid=reply-comment]").Change("Jag kommer från polisen i region Syd.");
        cut.Find("[data-testid=reply-send]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-saved]").TextContent.ShouldContain("Kommer"));
        replied.ShouldBe(1);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var reply = await db.MeetingReplies.SingleAsync(r => r.OccurrenceId == occurrence && r.MemberId == DemoData.Personas.NmtPolice);
        reply.Answer.ShouldBe(ReplyAnswer.Accepted);
        reply.Comment.ShouldBe("Jag kommer från polisen i region Syd.");
    }

    [Fact]
    public async Task Sending_without_an_answer_is_said_beside_the_choice()
    {
        var (_, occurrence) = await ScheduleAsync();
        SignInAs(DemoData.Personas.NmtPolice);
        var cut = Render<MeetingReplyPanel>(p => p.Add(x => x.OccurrenceId, occurrence));

        cut.Find("textarea[data-testid=reply-comment]").Change("Osäker än så länge.");
        cut.Find("[data-testid=reply-send]").Click();

        cut.Find("[data-testid=reply-answer-error]").TextContent.ShouldBe("Välj ett svar.");
        cut.Find("textarea[data-testid=reply-comment]").TextContent.ShouldBe("Osäker än så länge.");
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await db.MeetingReplies.AnyAsync(r => r.OccurrenceId == occurrence)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_occurrence_cancelled_while_the_panel_is_open_is_refused_with_the_reason_and_the_comment_stays()
    {
        var (meeting, occurrence) = await ScheduleAsync();
        SignInAs(DemoData.Personas.NmtPolice);
        var cut = Render<MeetingReplyPanel>(p => p.Add(x => x.OccurrenceId, occurrence));
        await Database.Get<MeetingService>().CancelAsync(DemoData.Personas.NmtLead, meeting, occurrence, MeetingChangeScope.Occurrence);

        cut.Choose("reply-Maybe");
        cut.Find("textarea[data-testid=reply-comment]").Change("Kanske på distans.");
        cut.Find("[data-testid=reply-send]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-error]").TextContent.ShouldContain("inställt"));
        cut.Find("textarea[data-testid=reply-comment]").TextContent.ShouldBe("Kanske på distans.");
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await db.MeetingReplies.AnyAsync(r => r.OccurrenceId == occurrence)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_occurrence_offers_no_form()
    {
        var (_, occurrence) = await ScheduleAsync();
        SignInAs(DemoData.Personas.NmtPolice);

        var cut = Render<MeetingReplyPanel>(p => p.Add(x => x.OccurrenceId, occurrence).Add(x => x.Closed, true).Add(x => x.Current, ReplyAnswer.Accepted));

        cut.Find("[data-testid=reply-closed]").TextContent.ShouldContain("inställt");
        cut.Find("[data-testid=reply-current]").TextContent.ShouldContain("Kommer");
        cut.FindAll("[data-testid=reply-send]").ShouldBeEmpty();
    }
}
