using Bunit;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Home;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Workspaces;
using Portal.Tests.Web.Discussions;

namespace Portal.Tests.Web.Notifications;

/// <summary>The grouped bell, the preferences page, the mute button and the membership pages that
/// follow the other side's actions live.</summary>
public sealed class NotificationPagesTests : DiscussionPageTestBase
{
    private static readonly Guid Nmt = DemoData.Workspaces.Nmt;
    private static readonly Guid Ola = DemoData.Personas.RegionalCoordinator;
    private static readonly Guid Maria = DemoData.IdFor("member:maria.ek");

    private WorkspaceService Workspaces => Database.Get<WorkspaceService>();

    [Fact]
    public async Task Bell_shows_one_row_per_subject_with_the_newest_wording_and_its_unread_count()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", Maria)} första");
        await Discussions.PostAsync(Erik, thread, $"{Mention("Maria Ek", Maria)} andra");
        SignInAs(Maria);

        // The menu's items render in MudBlazor's popover layer.
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=notification-count]").TextContent.ShouldBe("2"));
        // Opened as a keyboard user does.
        cut.Find(".mud-menu-activator").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", Code = "Enter" });

        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification]").ShouldHaveSingleItem()
            .TextContent.ShouldContain($"Erik Sandberg nämnde dig i ”{DemoData.Threads.NmtMethodSupport}”"));
        popovers.Find("[data-testid=notification-group-count]").TextContent.ShouldContain("2 olästa");
    }

    [Fact]
    public async Task Lead_page_shows_a_join_request_without_reload()
    {
        SignInAs(Erik);
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, Nmt).Add(x => x.Section, "members"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=pending-requests]"));
        cut.FindAll("[data-testid=pending-request]").ShouldBeEmpty();

        await Workspaces.RequestToJoinAsync(Ola, Nmt, "Jag vill vara med.");

        cut.WaitForAssertion(() => cut.Find("[data-testid=pending-request]").TextContent.ShouldContain("Jag vill vara med."));
    }

    [Fact]
    public async Task Requester_page_and_home_show_the_approval_without_reload()
    {
        await Workspaces.RequestToJoinAsync(Ola, Nmt, null);
        SignInAs(Ola);
        var page = Render<WorkspacePage>(p => p.Add(x => x.Id, Nmt));
        page.WaitForAssertion(() => page.Find("[data-testid=my-status]").TextContent.ShouldContain("Ansökan väntar"));
        var home = Render<Home>();
        home.WaitForAssertion(() => home.Find("[data-testid=my-request]").TextContent.ShouldContain("NMT"));

        await Workspaces.ApproveRequestAsync(Erik, Nmt, Ola);

        page.WaitForAssertion(() => page.Find("[data-testid=my-status]").TextContent.ShouldNotContain("Ansökan väntar"));
        // The members' parts (discussions, updates) open to the new member.
        page.WaitForAssertion(() => page.FindAll("[data-testid=section-link][data-section=discussions]").ShouldHaveSingleItem());
        home.WaitForAssertion(() => home.FindAll("[data-testid=my-request]").ShouldBeEmpty());
        home.WaitForAssertion(() => home.FindAll("[data-testid=my-workspace]").ShouldContain(w => w.TextContent.Contains("NMT")));
    }

    [Fact]
    public async Task Removed_member_loses_the_roster_on_the_open_page_without_reload()
    {
        SignInAs(Maria);
        var cut = Render<WorkspacePage>(p => p.Add(x => x.Id, Nmt).Add(x => x.Section, "members"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=roster]"));

        await Workspaces.RemoveMemberAsync(Erik, Nmt, Maria, "Omorganisation");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=roster]").ShouldBeEmpty());
    }

    [Fact]
    public async Task Preferences_page_lists_every_kind_and_saves_a_choice()
    {
        SignInAs(Maria);
        var cut = Render<NotificationPreferencesPage>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=preference]").Count.ShouldBe(Database.Get<NotificationKindRegistry>().All.Count));
        var mention = cut.Find($"[data-testid=preference][data-kind='{DiscussionNotificationKinds.Mention}']");
        mention.TextContent.ShouldContain("Någon nämner mig");
        mention.QuerySelector("th")!.GetAttribute("scope").ShouldBe("row");

        cut.Find($"[data-testid=preference][data-kind='{DiscussionNotificationKinds.Mention}'] input[type=checkbox]").Change(false);

        cut.WaitForAssertion(() => cut.Find("[data-testid=preferences-saved]"));
        (await Database.Get<NotificationPreferenceService>().ListAsync(Maria))
            .Single(p => p.Kind == DiscussionNotificationKinds.Mention).ShouldSatisfyAllConditions(
                p => p.InPortal.ShouldBeFalse(),
                p => p.Email.ShouldBe(EmailFrequency.Immediately));
    }

    [Fact]
    public async Task Mute_button_on_a_thread_mutes_it_and_says_so()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        SignInAs(Maria);
        var cut = Render<MuteButton>(p => p.Add(x => x.Subject, Portal.Infrastructure.Subjects.ThreadSubjectKind.Of(thread)));
        cut.WaitForAssertion(() => cut.Find("[data-testid=mute-button]").GetAttribute("aria-pressed").ShouldBe("false"));

        cut.Find("[data-testid=mute-button]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=mute-button]").GetAttribute("aria-pressed").ShouldBe("true"));
        (await Database.Get<NotificationPreferenceService>().IsMutedAsync(Maria, Portal.Infrastructure.Subjects.ThreadSubjectKind.Of(thread))).ShouldBeTrue();
    }
}
