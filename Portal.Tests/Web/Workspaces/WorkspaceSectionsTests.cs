using AngleSharp.Dom;
using Bunit;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Updates;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Workspaces;

namespace Portal.Tests.Web.Workspaces;

/// <summary>The finding: the workspace page was one long column. Now it has its own navigation — overview,
/// discussions, updates, members — each part at its own address with an unread badge (ADR 0021).</summary>
public sealed class WorkspaceSectionsTests : PortalBunitContext
{
    private static readonly Guid Nmt = DemoData.Workspaces.Nmt;
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Ola = DemoData.Personas.RegionalCoordinator;

    private IRenderedComponent<WorkspacePage> Open(string? section = null)
    {
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, Nmt).Add(x => x.Section, section));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=section-content][data-section='{section ?? ""}']"));
        return cut;
    }

    private static IElement? Badge(IRenderedComponent<WorkspacePage> cut, string section) =>
        cut.Find($"[data-testid=section-link][data-section='{section}']").QuerySelector("[data-testid=section-badge]");

    [Fact]
    public void The_navigation_is_a_named_landmark_with_a_link_per_part_and_only_the_open_one_is_current()
    {
        SignInAs(Karin);

        var cut = Open("discussions");

        var nav = cut.Find("nav[data-testid=workspace-sections]");
        nav.GetAttribute("aria-label").ShouldBe("Arbetsrummets delar: NMT – Nationellt metodstödsteam");
        var links = cut.FindAll("[data-testid=section-link]");
        links.Select(l => l.GetAttribute("href")).ShouldBe([
            $"/workspaces/{Nmt}", $"/workspaces/{Nmt}/discussions", $"/workspaces/{Nmt}/updates", $"/workspaces/{Nmt}/documents", $"/workspaces/{Nmt}/meetings", $"/workspaces/{Nmt}/members"]);
        links.Select(l => l.Children.First(c => c.LocalName == "span").TextContent.Trim())
            .ShouldBe(["Översikt", "Diskussioner", "Uppdateringar", "Dokument", "Möten", "Medlemmar"]);
        links.Where(l => l.HasAttribute("aria-current")).Select(l => (l.GetAttribute("data-section"), l.GetAttribute("aria-current")))
            .ShouldBe([("discussions", "page")]);
    }

    [Fact]
    public void Each_part_shows_its_own_content_and_not_the_others()
    {
        SignInAs(Karin);

        var overview = Open();
        overview.Find("[data-testid=purpose]").TextContent.ShouldContain("Nationellt metodstödsteam");
        overview.Find("[data-testid=my-status]");
        overview.FindAll("[data-testid=thread-list]").ShouldBeEmpty();
        overview.FindAll("[data-testid=workspace-updates]").ShouldBeEmpty();
        overview.FindAll("[data-testid=roster]").ShouldBeEmpty();

        var discussions = Open("discussions");
        discussions.WaitForAssertion(() => discussions.Find("[data-testid=thread-list]"));
        discussions.FindAll("[data-testid=purpose]").ShouldBeEmpty();

        var updates = Open("updates");
        updates.Find("[data-testid=workspace-updates]");
        updates.FindAll("[data-testid=thread-list]").ShouldBeEmpty();

        var members = Open("members");
        members.Find("[data-testid=roster]");
        members.Find("[data-testid=member-organisations]");
        members.FindAll("[data-testid=purpose]").ShouldBeEmpty();
    }

    [Fact]
    public void A_non_member_of_a_closed_workspace_is_offered_the_overview_and_members_only()
    {
        SignInAs(Ola);

        var cut = Open("discussions");

        cut.FindAll("[data-testid=section-link]").Select(l => l.GetAttribute("data-section")).ShouldBe(["", "members"]);
        cut.Find("[data-testid=section-hidden]").TextContent.ShouldContain("visas bara för arbetsrummets medlemmar");
        cut.FindAll("[data-testid=thread-list]").ShouldBeEmpty();
        cut.FindAll("[data-testid=thread-row]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_discussions_badge_counts_the_members_unread_posts_says_so_in_words_and_grows_live()
    {
        var discussions = Database.Get<DiscussionService>();
        var unread = (await discussions.GetUnreadSummaryAsync(Karin)).Workspaces.SingleOrDefault(w => w.WorkspaceId == Nmt)?.UnreadCount ?? 0;
        SignInAs(Karin);
        var cut = Open();
        if (unread > 0)
            cut.WaitForAssertion(() => Badge(cut, "discussions")!.TextContent.ShouldContain(unread.ToString()));
        else
            Badge(cut, "discussions").ShouldBeNull();

        var thread = (await discussions.ListThreadsAsync(Erik, Nmt)).First().Id;
        await discussions.PostAsync(Erik, thread, "Nytt underlag har kommit in.");

        cut.WaitForAssertion(() =>
        {
            var badge = Badge(cut, "discussions")!;
            badge.QuerySelector("[aria-hidden=true]")!.TextContent.ShouldBe((unread + 1).ToString());
            badge.QuerySelector(".visually-hidden")!.TextContent.ShouldBe(unread + 1 == 1 ? "1 ny" : $"{unread + 1} nya");
        });
    }

    [Fact]
    public async Task The_updates_badge_counts_what_came_since_the_last_visit_and_opening_updates_clears_it()
    {
        var updates = Database.Get<UpdateService>();
        SignInAs(Karin);
        Open("updates"); // seen now
        // Gone, as when the member moves on: an open updates part would see the next update at once.
        await DisposeComponentsAsync();
        var cut = Open();
        Badge(cut, "updates").ShouldBeNull();

        await updates.PostUpdateAsync(Erik, Nmt, "Nästa nätverksträff är flyttad till den 4 december.", null);

        cut.WaitForAssertion(() => Badge(cut, "updates")!.QuerySelector(".visually-hidden")!.TextContent.ShouldBe("1 ny"));
        (await updates.CountNewAsync(Karin, Nmt)).ShouldBe(1);

        var opened = Open("updates");
        opened.WaitForAssertion(() => Badge(opened, "updates").ShouldBeNull());
        (await updates.CountNewAsync(Karin, Nmt)).ShouldBe(0);
        // One's own updates are never new to oneself.
        await updates.PostUpdateAsync(Karin, Nmt, "Jag har skickat underlaget.", null);
        (await updates.CountNewAsync(Karin, Nmt)).ShouldBe(0);
    }

    [Fact]
    public async Task A_lead_sees_waiting_requests_on_the_members_badge_live_and_handles_them_in_members()
    {
        SignInAs(Erik);
        var cut = Open();
        Badge(cut, "members").ShouldBeNull();

        await Database.Get<WorkspaceService>().RequestToJoinAsync(Ola, Nmt, "Jag vill vara med.");

        cut.WaitForAssertion(() => Badge(cut, "members")!.QuerySelector(".visually-hidden")!.TextContent.ShouldBe("1 ny"));
        var members = Open("members");
        members.Find("[data-testid=pending-requests] [data-testid=pending-request]").TextContent.ShouldContain("Ola Svensson");
    }
}
