using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Assignments.Reports;

namespace Portal.Tests.Web.Assignments;

/// <summary>The report pages on the real use cases: the secretariat writes a section, meets a conflict with the
/// typed text kept, marks the report as submitted after confirming and then sees it frozen; a member outside the
/// staff finds nothing; the list drafts a report for a period and refuses one outside the assignment beside the field.</summary>
public sealed class AssignmentReportPageTests : AssignmentReportPageContext
{
    private static readonly Guid Lars = DemoData.Personas.LampLead;

    [Fact]
    public async Task The_secretariat_writes_a_section_and_sees_it_rendered()
    {
        var (_, reportId) = await DraftAsync();
        SignInAs(Anna);
        var cut = Render<ReportPage>(p => p.Add(c => c.Id, reportId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=report-registration-number]").TextContent.ShouldContain("/04711/FST"));

        cut.Find("[data-testid=report-edit-intro]").Click();
        cut.Find("textarea[data-testid=report-text-intro]").Change("Inledningen med **fet** text och <script>alert(1)</script>.");
        cut.Find("[data-testid=report-save-intro]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-shown-intro] strong").TextContent.ShouldBe("fet"));
        cut.Find("[data-testid=report-shown-intro]").QuerySelector("script").ShouldBeNull();
        cut.Find("[data-testid=report-message]").TextContent.ShouldBe("Sparat.");
        (await Database.Get<ReportService>().GetAsync(new Caller(Anna), reportId))!.Texts["intro"].ShouldStartWith("Inledningen");
    }

    [Fact]
    public async Task A_save_after_someone_elses_is_refused_beside_the_section_and_the_typed_text_stays()
    {
        var (_, reportId) = await DraftAsync();
        SignInAs(Anna);
        var cut = Render<ReportPage>(p => p.Add(c => c.Id, reportId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=report-edit-closing]"));
        cut.Find("[data-testid=report-edit-closing]").Click();
        cut.Find("textarea[data-testid=report-text-closing]").Change("Min avslutning.");
        // Someone else saves from another page meanwhile (this page's live reload is what the version guards against).
        var reports = Database.Get<ReportService>();
        var version = (await reports.GetAsync(new Caller(Anna), reportId))!.Version;
        await reports.SaveTextAsync(new Caller(Anna), reportId, "intro", "Annans text.", version);
        await reports.SaveTextAsync(new Caller(Anna), reportId, "intro", "Annans text igen.", version + 1);

        cut.Find("[data-testid=report-save-closing]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-section-closing]").TextContent.ShouldContain("samtidigt"));
        cut.Find("textarea[data-testid=report-text-closing]").GetAttribute("value").ShouldBe("Min avslutning.");
    }

    [Fact]
    public async Task Marking_as_submitted_asks_first_and_then_shows_the_report_frozen()
    {
        var (_, reportId) = await DraftAsync();
        SignInAs(Anna);
        var cut = Render<ReportPage>(p => p.Add(c => c.Id, reportId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=report-submit]"));

        cut.Find("[data-testid=report-submit]").Click();
        cut.Find("[data-testid=report-confirm]").GetAttribute("role").ShouldBe("alertdialog");
        cut.Find("[data-testid=report-submit-cancel]").Click();
        cut.FindAll("[data-testid=report-confirm]").ShouldBeEmpty();
        (await Database.Get<ReportService>().GetAsync(new Caller(Anna), reportId))!.Status.ShouldBe(ReportStatus.Draft);

        cut.Find("[data-testid=report-submit]").Click();
        cut.Find("[data-testid=report-submit-confirm]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-frozen]"));
        cut.FindAll("[data-testid^=report-edit-]").ShouldBeEmpty();
        cut.FindAll("[data-testid=report-submit]").ShouldBeEmpty();
        cut.Find("[data-testid=report-export-word]").GetAttribute("href").ShouldBe($"/reports/{reportId}.docx");
        (await Database.Get<ReportService>().GetAsync(new Caller(Anna), reportId))!.Status.ShouldBe(ReportStatus.Submitted);
    }

    [Fact]
    public async Task A_member_outside_the_staff_finds_neither_the_report_nor_the_list()
    {
        var (assignmentId, reportId) = await DraftAsync();
        SignInAs(Lars);

        var page = Render<ReportPage>(p => p.Add(c => c.Id, reportId));
        page.WaitForAssertion(() => page.Find("[data-testid=report-notfound]"));
        page.Markup.ShouldNotContain("04711");
        var list = Render<ReportListPage>(p => p.Add(c => c.AssignmentId, assignmentId));
        list.WaitForAssertion(() => list.Find("[data-testid=report-list-notfound]"));
        list.FindAll("[data-testid=report-new-create]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_refuses_a_period_outside_the_assignment_beside_the_field_and_drafts_one_inside()
    {
        var (assignmentId, _) = await DraftAsync();
        var year = DateTime.UtcNow.Year - 1;
        SignInAs(Anna);
        var cut = Render<ReportListPage>(p => p.Add(c => c.AssignmentId, assignmentId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=report-link]").Count.ShouldBe(1));

        cut.Find("input[data-testid=report-new-from]").Change($"{year}-01-01");
        cut.Find("[data-testid=report-new-create]").Click();

        cut.WaitForAssertion(() => cut.Find(".mud-input-error").TextContent.ShouldContain("inom uppdragets period"));
        cut.Find("input[data-testid=report-new-from]").GetAttribute("value").ShouldBe($"{year}-01-01");
        (await Database.Get<ReportService>().ListAsync(new Caller(Anna), assignmentId)).Count.ShouldBe(1);

        cut.Find("input[data-testid=report-new-from]").Change($"{year}-07-01");
        cut.Find("[data-testid=report-new-create]").Click();
        cut.WaitForAssertion(() => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldContain("/reports/"));
        (await Database.Get<ReportService>().ListAsync(new Caller(Anna), assignmentId)).Count.ShouldBe(2);
    }
}

/// <summary>The report page in English: the texts come from the English resources.</summary>
public sealed class AssignmentReportPageEnglishTests : AssignmentReportPageContext
{
    protected override string Culture => "en";

    [Fact]
    public async Task The_report_page_speaks_english()
    {
        var (_, reportId) = await DraftAsync();
        SignInAs(Anna);
        var cut = Render<ReportPage>(p => p.Add(c => c.Id, reportId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=report-draft-note]").TextContent.ShouldStartWith("Draft:"));
        cut.Find("[data-testid=report-submit]").TextContent.ShouldBe("Mark as submitted");
        cut.Find("[data-testid=report-registration-number]").TextContent.ShouldContain("Registration number");
    }
}

public abstract class AssignmentReportPageContext : PortalBunitContext
{
    protected static readonly Guid Anna = DemoData.Personas.Administrator;

    /// <summary>An assignment of last year in one part, with a draft report over its whole period.</summary>
    protected async Task<(Guid AssignmentId, Guid ReportId)> DraftAsync()
    {
        var year = DateTime.UtcNow.Year - 1;
        var assignments = Database.Get<AssignmentService>();
        var assignmentId = await assignments.RegisterAsync(new Caller(Anna), new AssignmentDraft($"S{year}/04711/FST", "Uppdrag om stöd till utsatta",
            "Socialdepartementet", new DateOnly(year, 1, 2), new DateOnly(year, 1, 15), new DateOnly(year, 12, 31), ["Samordna stödet."], [], true, 0m, [],
            new DateOnly(year + 1, 3, 15), new DateOnly(year + 1, 3, 15), null));
        var reportId = await Database.Get<ReportService>().CreateDraftAsync(new Caller(Anna), assignmentId, new DateOnly(year, 1, 15),
            new DateOnly(year, 12, 31));
        return (assignmentId, reportId);
    }
}
