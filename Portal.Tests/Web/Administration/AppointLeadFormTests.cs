using Bunit;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Administration;
using Portal.Web.Features.Workspaces;

namespace Portal.Tests.Web.Administration;

public sealed class AppointLeadFormTests : PortalBunitContext
{
    [Fact]
    public async Task Appointing_oneself_shows_the_rule_beside_the_person_field_and_keeps_the_choice()
    {
        var anna = DemoData.Personas.Administrator;
        SignInAs(anna);
        var me = (await Database.Get<DirectoryService>().SearchPeopleAsync(anna, new PeopleQuery(Text: "Anna Lindqvist", Take: 5)))
            .People.Single(p => p.Id == anna);
        var done = false;
        var cut = Render<AppointLeadForm>(p => p
            .Add(f => f.WorkspaceId, DemoData.Workspaces.Lamp)
            .Add(f => f.OnDone, () => done = true));

        await cut.InvokeAsync(() => cut.FindComponent<PersonPicker>().Instance.ValueChanged.InvokeAsync(me));
        cut.Find("[data-testid=appoint-lead]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=appoint-lead-picker]").TextContent
            .ShouldContain("Du kan inte utse dig själv till ledare."));
        cut.FindComponent<PersonPicker>().Instance.Value.ShouldBe(me);
        done.ShouldBeFalse();
    }
}
