using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Assignments;

namespace Portal.Tests.Web.Assignments;

/// <summary>The assignment form on the real use cases: the secretariat registers a decision with parts and
/// budget lines and lands on its page; a malformed registration number, lines that do not add up and a day
/// that cannot be read are each said beside their field, nothing typed is lost and nothing is stored; a member
/// outside the secretariat is not offered the form.</summary>
public sealed class AssignmentPageFormTests : PortalBunitContext
{
    private static readonly Guid Anna = DemoData.IdFor("member:anna.lindqvist"); // the secretariat (administrator)
    private static readonly Guid Ola = DemoData.IdFor("member:ola.svensson");    // a regional coordinator, not staff

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<AssignmentFormPage> RenderNew()
    {
        Navigation.NavigateTo("/assignments/new");
        var cut = Render<AssignmentFormPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-save]"));
        return cut;
    }

    /// <summary>Fills a decision that is right in every part but the ones a test changes afterwards.</summary>
    private static void FillDecision(IRenderedComponent<AssignmentFormPage> cut, string registrationNumber)
    {
        cut.Find("input[data-testid=assignment-registration-number]").Change(registrationNumber);
        cut.Find("input[data-testid=assignment-title]").Change("Uppdrag att förstärka arbetet mot människohandel");
        cut.Find("input[data-testid=assignment-ministry]").Change("Justitiedepartementet");
        cut.Find("input[data-testid=assignment-decision-date]").Change("2027-02-02");
        cut.Find("input[data-testid=assignment-period-start]").Change("2027-03-01");
        cut.Find("input[data-testid=assignment-period-end]").Change("2027-12-31");
        cut.Find("textarea[data-testid=assignment-part-text]").Change("Ta fram en nationell vägledning.");
        cut.Find("[data-testid=assignment-part-add]").Click();
        cut.WaitForAssertion(() => cut.FindAll("textarea[data-testid=assignment-part-text]").Count.ShouldBe(2));
        cut.FindAll("textarea[data-testid=assignment-part-text]")[1].Change("Genomföra utbildningar i länen.");
        cut.Find("input[data-testid=assignment-total-budget]").Input("600 000");
        cut.Find("input[data-testid=assignment-repayment-deadline]").Change("2028-03-15");
        cut.Find("input[data-testid=assignment-report-deadline]").Change("2028-03-15");
    }

    private static void AddLine(IRenderedComponent<AssignmentFormPage> cut, string amount, string area, string appropriation)
    {
        var index = cut.FindAll("[data-testid=assignment-budget-line]").Count;
        cut.Find("[data-testid=assignment-line-add]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=assignment-budget-line]").Count.ShouldBe(index + 1));
        cut.FindAll("input[data-testid=assignment-line-amount]")[index].Input(amount);
        cut.FindAll("input[data-testid=assignment-line-area]")[index].Change(area);
        cut.FindAll("input[data-testid=assignment-line-appropriation]")[index].Change(appropriation);
        cut.FindAll("input[data-testid=assignment-line-item]")[index].Change("ap.1");
        cut.FindAll("input[data-testid=assignment-line-from]")[index].Change("Kammarkollegiet");
        cut.FindAll("input[data-testid=assignment-line-by]")[index].Change("2027-09-15");
    }

    [Fact]
    public async Task The_secretariat_registers_a_decision_with_parts_and_budget_lines_and_lands_on_its_page()
    {
        SignInAs(Anna);
        var cut = RenderNew();
        FillDecision(cut, "Ju2027/00123/PO");
        AddLine(cut, "300 000", "UO 4", "1:6");
        AddLine(cut, "300000", "UO 9", "8:1");
        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-budget-sum]").TextContent.ShouldContain("lika med totalen"));

        cut.Find("[data-testid=assignment-save]").Click();

        cut.WaitForAssertion(() => Navigation.Uri.ShouldMatch(@"/assignments/[0-9a-f-]{36}$"));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var stored = await db.GovernmentAssignments.Include(a => a.Parts).Include(a => a.BudgetLines).SingleAsync(a => a.RegistrationNumber == "Ju2027/00123/PO");
        stored.Parts.Select(p => (p.Number, p.Text)).ShouldBe([(1, "Ta fram en nationell vägledning."), (2, "Genomföra utbildningar i länen.")]);
        stored.BudgetLines.Sum(l => l.Amount).ShouldBe(600_000m);
        stored.TotalBudget.ShouldBe(600_000m);
        Navigation.Uri.ShouldEndWith($"/assignments/{stored.Id}");
    }

    [Fact]
    public async Task A_malformed_registration_number_is_said_beside_it_and_everything_typed_stays()
    {
        SignInAs(Anna);
        var cut = RenderNew();
        FillDecision(cut, "Justitie 2027 nr 5");

        cut.Find("[data-testid=assignment-save]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=assignment-registration-number]").QuerySelector(".mud-input-error").ShouldNotBeNull());
        cut.Find("[data-testid=assignment-form-error]").TextContent.ShouldContain("inget av det du skrev har försvunnit");
        cut.Find("input[data-testid=assignment-registration-number]").GetAttribute("value").ShouldBe("Justitie 2027 nr 5");
        cut.Find("input[data-testid=assignment-title]").GetAttribute("value").ShouldBe("Uppdrag att förstärka arbetet mot människohandel");
        cut.FindAll("textarea[data-testid=assignment-part-text]").Select(t => t.TextContent).ShouldBe(["Ta fram en nationell vägledning.", "Genomföra utbildningar i länen."]);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await db.GovernmentAssignments.AnyAsync(a => a.Title == "Uppdrag att förstärka arbetet mot människohandel")).ShouldBeFalse();
    }

    [Fact]
    public async Task Budget_lines_that_do_not_add_up_are_said_beside_the_lines_with_the_difference_and_stay()
    {
        SignInAs(Anna);
        var cut = RenderNew();
        FillDecision(cut, "Ju2027/00124/PO");
        AddLine(cut, "300 000", "UO 4", "1:6");
        AddLine(cut, "200 000", "UO 9", "8:1");
        // Said while typing: the lines' sum against the total.
        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-budget-sum]").TextContent.ShouldContain("det skiljer 100"));

        cut.Find("[data-testid=assignment-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-budget-lines-error]"));
        cut.FindAll("input[data-testid=assignment-line-amount]").Select(i => i.GetAttribute("value")).ShouldBe(["300 000", "200 000"]);
        cut.Find("input[data-testid=assignment-total-budget]").GetAttribute("value").ShouldBe("600 000");
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await db.GovernmentAssignments.AnyAsync(a => a.RegistrationNumber == "Ju2027/00124/PO")).ShouldBeFalse();
    }

    [Fact]
    public void A_day_that_cannot_be_read_is_said_beside_its_field_before_anything_is_sent()
    {
        SignInAs(Anna);
        var cut = RenderNew();
        FillDecision(cut, "Ju2027/00125/PO");
        cut.Find("input[data-testid=assignment-period-end]").Change("31 december");

        cut.Find("[data-testid=assignment-save]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=assignment-period-end]").TextContent.ShouldContain("åååå-mm-dd"));
        cut.Find("input[data-testid=assignment-period-end]").GetAttribute("value").ShouldBe("31 december");
        Navigation.Uri.ShouldEndWith("/assignments/new");
    }

    [Fact]
    public void A_member_outside_the_secretariat_is_not_offered_the_form()
    {
        SignInAs(Ola);
        Navigation.NavigateTo("/assignments/new");
        var cut = Render<AssignmentFormPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=assignment-form-not-allowed]"));
        cut.FindAll("[data-testid=assignment-save]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Changing_a_decision_starts_from_what_is_stored_and_keeps_it()
    {
        var id = await RegisterAsync("S2027/01695/FST");
        SignInAs(Anna);
        Navigation.NavigateTo($"/assignments/{id}/edit");
        var cut = Render<AssignmentFormPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => cut.Find("input[data-testid=assignment-registration-number]").GetAttribute("value").ShouldBe("S2027/01695/FST"));
        cut.FindAll("input[data-testid=assignment-line-amount]").Count.ShouldBe(1);

        cut.Find("input[data-testid=assignment-title]").Change("Ändrad rubrik");
        cut.Find("[data-testid=assignment-save]").Click();

        cut.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/assignments/{id}"));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var stored = await db.GovernmentAssignments.Include(a => a.BudgetLines).SingleAsync(a => a.Id == id);
        stored.Title.ShouldBe("Ändrad rubrik");
        stored.BudgetLines.Count.ShouldBe(1);
    }

    private Task<Guid> RegisterAsync(string registrationNumber) =>
        AssignmentPageData.RegisterAsync(Database.Get<AssignmentService>(), new Caller(Anna), registrationNumber);
}
