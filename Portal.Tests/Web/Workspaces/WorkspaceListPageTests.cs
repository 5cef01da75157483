using Bunit;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Workspaces;

namespace Portal.Tests.Web.Workspaces;

public sealed class WorkspaceListPageTests : PortalBunitContext
{
    [Fact]
    public void List_shows_visible_workspaces_with_badges_and_leaves_out_hidden_ones()
    {
        SignInAs(DemoData.Personas.NmtPolice);

        var cut = Render<WorkspaceList>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=workspace-card]").ShouldNotBeEmpty());
        var nmt = cut.FindAll("[data-testid=workspace-card]").Single(c => c.TextContent.Contains("NMT – Nationellt metodstödsteam"));
        nmt.QuerySelector("[data-testid=visibility]")!.TextContent.ShouldContain("Stängt");
        nmt.QuerySelector("[data-testid=workspace-status]")!.TextContent.ShouldContain("Medlem");
        nmt.TextContent.ShouldContain("Erik Sandberg");
        cut.Markup.ShouldNotContain("Samordningens ledningsgrupp");
    }

    [Fact]
    public async Task Filtering_by_text_then_joining_an_open_workspace_makes_the_member_a_member()
    {
        SignInAs(DemoData.Personas.NmtPolice);
        var cut = Render<WorkspaceList>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=workspace-card]").ShouldNotBeEmpty());

        cut.Find("input[data-testid=filter-text]").Input("informationsnätverket");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=workspace-card]").Count.ShouldBe(1));
        cut.Find("[data-testid=workspace-card] [data-testid=join]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=workspace-card] [data-testid=workspace-status]").TextContent.ShouldContain("Medlem"));
        (await Database.Get<WorkspaceService>().GetAsync(DemoData.Personas.NmtPolice, DemoData.Workspaces.InformationNetwork))
            .Mine!.Status.ShouldBe(MembershipStatus.Active);
    }
}
