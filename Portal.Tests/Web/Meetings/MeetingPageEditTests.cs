using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Meetings;

namespace Portal.Tests.Web.Meetings;

/// <summary>Changing a meeting in the form: one occurrence of a series moves and the rest stay, with the
/// invitees the meeting had (the form starts from them, not from the whole workspace).</summary>
public sealed class MeetingPageEditTests : PortalBunitContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task Moving_one_occurrence_keeps_the_others_and_the_chosen_invitees()
    {
        var start = StockholmTime.Today(TimeProvider.System).AddDays(4).ToDateTime(new TimeOnly(9, 0));
        var meetings = Database.Get<MeetingService>();
        var id = await meetings.ScheduleAsync(DemoData.Personas.NmtLead, new MeetingDraft(MeetingKind.Meeting, "Veckovis avstämning", null,
            [DemoData.Workspaces.Nmt], start, start.AddHours(1), "Länsstyrelsen", null, MeetingRecurrence.Weekly(1, 3, null),
            new InviteeSelection(false, [DemoData.Personas.NmtPolice], [])));
        Guid second;
        await using (var db = await Database.Contexts.CreateDbContextAsync())
            second = await db.MeetingOccurrences.Where(o => o.MeetingId == id).OrderBy(o => o.OriginalStart).Select(o => o.Id).Skip(1).FirstAsync();
        SignInAs(DemoData.Personas.NmtLead);

        Navigation.NavigateTo($"/meetings/{id}/edit?occurrence={second}&scope=occurrence");
        var cut = Render<MeetingFormPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("input[data-testid=meeting-start-time]").GetAttribute("value").ShouldBe("09:00"));
        cut.Find("input[data-testid=meeting-start-day]").GetAttribute("value").ShouldBe(MeetingFormModel.Day(DateOnly.FromDateTime(start).AddDays(7)));
        cut.FindAll("[data-testid=meeting-repeat]").ShouldBeEmpty();

        cut.Find("input[data-testid=meeting-start-time]").Change("11:00");
        cut.Find("input[data-testid=meeting-end-time]").Change("12:00");
        cut.Find("[data-testid=meeting-save]").Click();

        cut.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/meetings/{id}?occurrence={second}"));
        await using var check = await Database.Contexts.CreateDbContextAsync();
        var meeting = await check.Meetings.Include(m => m.Occurrences).Include(m => m.Invitees).SingleAsync(m => m.Id == id);
        var local = meeting.OccurrencesInOrder.Select(o => TimeZoneInfo.ConvertTime(o.Start, StockholmTime.Zone).Hour).ToList();
        local.ShouldBe([9, 11, 9]);
        meeting.Invitees.Select(i => i.MemberId).ShouldContain(DemoData.Personas.NmtPolice);
        meeting.Invitees.Count.ShouldBeLessThanOrEqualTo(2);
    }
}
