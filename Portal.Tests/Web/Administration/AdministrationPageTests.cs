using Bunit;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Administration;

namespace Portal.Tests.Web.Administration;

public sealed class AdministrationPageTests : PortalBunitContext
{
    private AdministrationService Administration => Database.Get<AdministrationService>();

    [Fact]
    public void Non_administrator_on_admin_sees_the_access_message_and_no_tabs()
    {
        SignInAs(DemoData.Personas.NgoMember);

        var cut = Render<AdminPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=admin-denied]").TextContent
            .ShouldContain("Endast administratörer får göra detta."));
        cut.FindAll("[data-testid=admin-tabs]").ShouldBeEmpty();
        cut.FindAll("[data-testid=organisations]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Organisation_with_an_invalid_tenant_id_shows_the_rule_beside_the_tenant_field_and_creates_nothing()
    {
        SignInAs(DemoData.Personas.Administrator);
        var before = (await Administration.ListOrganisationsAsync(DemoData.Personas.Administrator)).Count;
        var cut = Render<AdminPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-organisation]"));

        cut.Find("[data-testid=new-organisation]").Click();
        cut.Find("input[data-testid=organisation-name]").Change("Testkommunen – Socialtjänsten");
        cut.Find("textarea[data-testid=organisation-tenants]").Change("inte-ett-guid");
        cut.Find("[data-testid=save-organisation]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("textarea[data-testid=organisation-tenants]").TextContent
            .ShouldContain("Tenant-id ska vara ett GUID"));
        cut.FieldAround("input[data-testid=organisation-name]").TextContent.ShouldNotContain("Tenant-id");
        cut.Find("textarea[data-testid=organisation-tenants]").GetAttribute("value").ShouldBe("inte-ett-guid");
        cut.Find("input[data-testid=organisation-name]").GetAttribute("value").ShouldBe("Testkommunen – Socialtjänsten");
        var after = await Administration.ListOrganisationsAsync(DemoData.Personas.Administrator);
        after.Count.ShouldBe(before);
        after.ShouldNotContain(o => o.Name == "Testkommunen – Socialtjänsten");
    }

    [Theory]
    [InlineData("", "Ange ett namn på arbetsrummet.")]
    [InlineData("long", "Namnet får vara högst 120 tecken.")]
    public async Task Workspace_with_an_empty_or_too_long_name_shows_the_rule_beside_the_name(string name, string message)
    {
        var typed = name == "long" ? new string('N', 10_000) : name;
        SignInAs(DemoData.Personas.Administrator);
        var before = (await Database.Get<WorkspaceService>().ListAsync(DemoData.Personas.Administrator)).Count;
        var cut = Render<WorkspacesAdmin>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-workspace]"));

        cut.Find("[data-testid=new-workspace]").Click();
        cut.Find("input[data-testid=workspace-name]").Change(typed);
        cut.Find("[data-testid=save-workspace]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=workspace-name]").TextContent.ShouldContain(message));
        (cut.Find("input[data-testid=workspace-name]").GetAttribute("value") ?? "").ShouldBe(typed);
        (await Database.Get<WorkspaceService>().ListAsync(DemoData.Personas.Administrator)).Count.ShouldBe(before);
    }
}
