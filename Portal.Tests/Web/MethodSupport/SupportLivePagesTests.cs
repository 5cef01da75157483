using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.MethodSupport;
using Portal.Web.Features.MethodSupport;

namespace Portal.Tests.Web.MethodSupport;

/// <summary>The request page and the lists stay live on the real event bus, and every reload goes through the use
/// case, which checks access again: a member who was unshared, unassigned or taken off duty sees at once that the
/// request is no longer available and none of its text; a member who may not see a request never gets it on a
/// page however it changes; the lists are paged with the page in the address.</summary>
public sealed class SupportLivePagesTests : PortalBunitContext
{
    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");

    private static readonly Guid Ola = Member("ola.svensson");             // social services, Malmö
    private static readonly Guid Erik = Member("erik.sandberg");           // NMT lead, on duty
    private static readonly Guid Johan = Member("johan.berg");             // NMT, assigned to the child request, not on duty
    private static readonly Guid Karin = Member("karin.holm");             // NMT member
    private static readonly Guid Kristina = Member("kristina.wennberg");   // asked the Uppsala request
    private static readonly Guid Per = Member("per.axelsson");             // asks nothing in the demo
    private static readonly Guid UppsalaRequest = DemoData.IdFor("support:2026-0003");
    private const string UppsalaText = "Hur dokumenterar vi bäst misstankar";
    private const string ChildText = "15-åring";

    private SupportRequestService Requests => Database.Get<SupportRequestService>();

    private static Caller From(Guid memberId) => new(memberId, "192.0.2.20");

    private IRenderedComponent<SupportRequestPage> RequestPage(Guid memberId, Guid requestId, string shownText)
    {
        SignInAs(memberId);
        var cut = Render<SupportRequestPage>(p => p.Add(c => c.Id, requestId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=support-question-text]").TextContent.ShouldContain(shownText));
        return cut;
    }

    private static void ShouldBeGone(IRenderedComponent<SupportRequestPage> cut, string text, string reference)
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid=support-not-found]").TextContent.ShouldContain("inte längre tillgängligt"));
        cut.Markup.ShouldNotContain(text);
        cut.Markup.ShouldNotContain(reference);
        cut.FindAll("[data-testid=support-reply-text]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_colleague_the_asker_stops_sharing_with_loses_the_open_request_at_once()
    {
        await Requests.AddViewerAsync(From(Kristina), UppsalaRequest, Ola);
        var cut = RequestPage(Ola, UppsalaRequest, UppsalaText);

        await Requests.RemoveViewerAsync(From(Kristina), UppsalaRequest, Ola);

        ShouldBeGone(cut, UppsalaText, "MS-2026-0003");
    }

    [Fact]
    public async Task An_assignee_who_is_taken_off_the_request_loses_the_open_page()
    {
        var cut = RequestPage(Johan, DemoData.MethodSupport.OpenChildRequest, ChildText);

        await Requests.AssignAsync(From(Erik), DemoData.MethodSupport.OpenChildRequest, [Karin]);

        ShouldBeGone(cut, ChildText, DemoData.MethodSupport.OpenChildReference);
    }

    [Fact]
    public async Task A_member_taken_off_duty_loses_a_request_they_are_not_assigned_to()
    {
        var cut = RequestPage(Erik, UppsalaRequest, UppsalaText);

        await Database.Get<SupportDeskService>().SetDutyAsync(From(Erik), [Karin]);

        ShouldBeGone(cut, UppsalaText, "MS-2026-0003");
    }

    [Fact]
    public async Task The_page_follows_a_change_by_someone_else_and_the_asker_can_stop_sharing_from_it()
    {
        await Requests.AddViewerAsync(From(Kristina), UppsalaRequest, Ola);
        var cut = RequestPage(Kristina, UppsalaRequest, UppsalaText);

        await Requests.AssignAsync(From(Erik), UppsalaRequest, [Karin]);
        cut.WaitForAssertion(() => cut.Find("[data-testid=support-assignees]").TextContent.ShouldContain("Karin Holm"));

        cut.Find("[data-testid=support-viewer-remove]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=support-viewer]").ShouldBeEmpty());
        (await Requests.MineAsync(From(Ola))).Items.Select(i => i.Id).ShouldNotContain(UppsalaRequest);
    }

    [Fact]
    public async Task A_member_who_may_not_see_a_request_never_gets_it_on_a_page_while_it_changes()
    {
        SignInAs(Ola);
        var page = Render<SupportRequestPage>(p => p.Add(c => c.Id, DemoData.MethodSupport.OpenChildRequest));
        page.WaitForAssertion(() => page.Find("[data-testid=support-not-found]"));
        var list = Render<SupportListPage>();
        list.WaitForAssertion(() => list.Find("[data-testid=support-mine]"));

        await Requests.ReplyAsync(From(Johan), DemoData.MethodSupport.OpenChildRequest, "Ring socialjouren i dag.");
        await Requests.AssignAsync(From(Erik), UppsalaRequest, [Karin]);
        // Ola's own new request reaches her list live: by then the changes before it have been through the page too.
        var asked = await Requests.SubmitAsync(From(Ola), new SupportQuestion("Hur stöttar vi en man som tvingas arbeta på en tvätt?", null,
            [ExploitationForm.ForcedLabour], false, County.Skane, SupportUrgency.NoRush, null));

        list.WaitForAssertion(() => list.FindAll("[data-testid=support-mine] [data-testid=support-row]")
            .Select(r => r.GetAttribute("data-reference")).ShouldContain(asked.Reference));
        list.Markup.ShouldNotContain("MS-2026-0003");
        list.Markup.ShouldNotContain(DemoData.MethodSupport.OpenChildReference);
        page.Find("[data-testid=support-not-found]");
        page.Markup.ShouldNotContain("socialjouren");
        page.Markup.ShouldNotContain(ChildText);
    }

    [Fact]
    public async Task The_queue_shows_a_new_request_without_a_reload()
    {
        SignInAs(Erik);
        var cut = Render<SupportListPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=support-queue]"));

        var asked = await Requests.SubmitAsync(From(Ola), new SupportQuestion("Vad gör vi när en ung kvinna tvingas sälja sex i en lägenhet?", null,
            [ExploitationForm.SexualPurposes], false, County.Skane, SupportUrgency.Today, null));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=support-queue] [data-testid=support-row]")
            .Select(r => r.GetAttribute("data-reference")).ShouldContain(asked.Reference));
    }

    [Fact]
    public async Task A_long_list_is_paged_with_the_page_in_the_address()
    {
        await SupportLiveData.AskManyAsync(Database.Contexts, Per, DemoData.IdFor("org:av"), 30, DateTimeOffset.UtcNow.AddDays(-1));
        SignInAs(Per);

        var first = Render<SupportListPage>();
        first.WaitForAssertion(() => first.FindAll("[data-testid=support-mine] [data-testid=support-row]").Count.ShouldBe(25));
        first.Find("[data-testid=support-mine-page]").TextContent.ShouldContain("Sida 1 av 2 (30 ärenden)");
        first.Find("[data-testid=support-mine-next]").GetAttribute("href").ShouldEndWith("?mine=2");
        first.FindAll("[data-testid=support-mine-previous]").ShouldBeEmpty();

        // Following the link: the page reads the list's page from the address.
        Services.GetRequiredService<NavigationManager>().NavigateTo(first.Find("[data-testid=support-mine-next]").GetAttribute("href")!);
        var second = first;
        second.WaitForAssertion(() => second.FindAll("[data-testid=support-mine] [data-testid=support-row]").Count.ShouldBe(5));
        second.FindAll("[data-testid=support-mine-next]").ShouldBeEmpty();
        second.Find("[data-testid=support-mine-previous]").GetAttribute("href")!.ShouldNotContain("mine=");
    }
}
