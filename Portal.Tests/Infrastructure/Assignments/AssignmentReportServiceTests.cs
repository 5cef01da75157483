using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Assignments;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Assignments;

/// <summary>Reports on known data of 2030 (a year the demo data does not touch): the figures assembled per part
/// and activity (meetings and who took part, trainings, method-support requests with suppression), the budget for
/// the secretariat only, the freeze at submission, refused edits, and who may draft, read and export.</summary>
public abstract class AssignmentReportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 20, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");
    private static Guid Org(string key) => DemoData.IdFor($"org:{key}");
    private static readonly Guid Anna = DemoData.Personas.Administrator;   // the secretariat
    private static readonly Guid Erik = DemoData.Personas.NmtLead;         // the coordinator's staff (lst-ab)
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Lars = DemoData.Personas.LampLead;        // an owner outside the staff
    private static readonly DateOnly From = new(2030, 1, 1);
    private static readonly DateOnly To = new(2030, 12, 31);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, configure: services =>
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.Replace(ServiceDescriptor.Singleton(new AssignmentOptions { CoordinatorOrganisationId = Org("lst-ab") }));
    });

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ReportService Reports => _database.Get<ReportService>();

    private sealed record Known(Guid AssignmentId, Guid NetworkActivity, Guid SupportActivity);

    /// <summary>An assignment of 2030 in two parts with 600 000 kr in two lines (one requisitioned and received); a
    /// network activity under part 1 (Lars) linked to a network day with attendance in the minutes, a meeting with
    /// only replies, and a training with 12 counted participants; a method-support activity under part 2 (Erik);
    /// six requests received in 2030, five from Stockholm and one from Gotland.</summary>
    private async Task<Known> SeedAsync()
    {
        var draft = new AssignmentDraft("Ju2030/00123/PO", "Uppdrag om människohandel 2030", "Justitiedepartementet", new DateOnly(2029, 12, 1),
            From, To, ["Samordna nätverken.", "Ge metodstöd."], [], false, 600_000m,
            [
                new BudgetLineDraft(300_000m, "UO 4", "1:6", "ap.1", "Kammarkollegiet", new DateOnly(2030, 6, 30), new DateOnly(2030, 3, 1), 300_000m),
                new BudgetLineDraft(300_000m, "UO 9", "1:1", "ap.2", "Kammarkollegiet", new DateOnly(2030, 6, 30)),
            ],
            new DateOnly(2031, 3, 15), new DateOnly(2031, 3, 15), null);
        var assignmentId = await _database.Get<AssignmentService>().RegisterAsync(new Caller(Anna), draft);
        var assignment = (await _database.Get<AssignmentService>().GetAsync(new Caller(Anna), assignmentId))!;
        var plan = _database.Get<ActivityPlanService>();
        var network = await plan.PlanAsync(new Caller(Anna), new ActivityDraft(2030, "Nätverksträffar", null, ActivityKind.Network, Lars, assignmentId,
            [assignment.Parts[0].Id], null, new DateOnly(2030, 2, 1), new DateOnly(2030, 11, 30), ActivityStatus.Done, 100_000m, 50_000m, [], false));
        var support = await plan.PlanAsync(new Caller(Anna), new ActivityDraft(2030, "Metodstöd till myndigheter", null, ActivityKind.MethodSupport, Erik,
            assignmentId, [assignment.Parts[1].Id], null, From, To, ActivityStatus.InProgress, 50_000m, 20_000m, [], false));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var zone = StockholmTime.Zone;
        var day = Meeting.Schedule(MeetingKind.NetworkDay, new MeetingDetails("Nätverksdag i Malmö", null, "Malmö", null), [DemoData.Workspaces.Nmt], Erik,
            new DateTime(2030, 5, 10, 9, 0, 0), new DateTime(2030, 5, 10, 15, 0, 0), null, [Erik, Karin, Lars], null, null, zone);
        var dayOccurrence = day.Occurrences.Single().Id;
        day.RecordAttendance(dayOccurrence, Erik, true);
        day.RecordAttendance(dayOccurrence, Karin, true);
        day.RecordAttendance(dayOccurrence, Lars, false);
        var meeting = Meeting.Schedule(MeetingKind.Meeting, new MeetingDetails("Avstämning", null, "Stockholm", null), [DemoData.Workspaces.Nmt], Erik,
            new DateTime(2030, 9, 12, 10, 0, 0), new DateTime(2030, 9, 12, 11, 0, 0), null, [Erik, Lars], null, null, zone);
        meeting.Reply(meeting.Occurrences.Single().Id, Lars, ReplyAnswer.Accepted, null, new DateTimeOffset(2030, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var training = Meeting.Schedule(MeetingKind.Training, new MeetingDetails("Utbildning i Malmö", null, "Malmö", null), [DemoData.Workspaces.Nmt], Erik,
            new DateTime(2030, 10, 1, 9, 0, 0), new DateTime(2030, 10, 1, 16, 0, 0), null, [Erik], 30, null, zone);
        training.AddOutsideParticipant(training.Occurrences.Single().Id, null, "Malmö stad", ParticipantOrganisationKind.Municipality, County.Skane, 12,
            Erik, new DateTimeOffset(2030, 10, 1, 16, 0, 0, TimeSpan.Zero));
        db.Meetings.AddRange(day, meeting, training);
        var activity = await db.PlannedActivities.Include(a => a.Links).SingleAsync(a => a.Id == network);
        foreach (var linked in new[] { day, meeting, training })
            activity.Link(ActivityLinkKind.Meeting, linked.Id, Anna, _clock.GetUtcNow());
        await db.SaveChangesAsync();
        await AddRequestsAsync(db, [(3, County.Stockholm), (3, County.Stockholm), (4, County.Stockholm), (6, County.Stockholm), (8, County.Stockholm),
            (9, County.Gotland)]);
        return new Known(assignmentId, network, support);
    }

    private static int _number;

    private static async Task AddRequestsAsync(PortalDbContext db, IEnumerable<(int Month, County County)> requests)
    {
        foreach (var (month, county) in requests)
        {
            var at = new DateTimeOffset(2030, month, 10, 8, 0, 0, TimeSpan.Zero);
            db.SupportRequests.Add(SupportRequest.Submit(new SupportAsker(Member("per.axelsson"), Org("av"), null, OrganisationKind.StateAgency, null),
                new SupportQuestion("En fråga utan personuppgifter.", null, [ExploitationForm.ForcedLabour], false, county, SupportUrgency.ThisWeek, null),
                SupportChannel.Portal, null, 2030, Interlocked.Increment(ref _number) + 100, at));
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_draft_assembles_the_activities_figures_per_part_with_small_counts_suppressed()
    {
        var known = await SeedAsync();
        var reportId = await Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, From, To);

        var report = (await Reports.GetAsync(new Caller(Anna), reportId))!;

        report.Status.ShouldBe(ReportStatus.Draft);
        report.Title.ShouldBe("Ju2030/00123/PO 2030-01-01 – 2030-12-31");
        var content = report.Content;
        content.RegistrationNumber.ShouldBe("Ju2030/00123/PO");
        content.Parts.Select(p => (p.Number, p.Activities.Single().Id)).ShouldBe([(1, known.NetworkActivity), (2, known.SupportActivity)]);

        var network = content.Parts[0].Activities.Single();
        (network.Meetings.MeetingsHeld, network.Meetings.NetworkDaysHeld).ShouldBe((1, 1));
        network.Meetings.Occasions.Select(o => (o.Title, o.Source)).ShouldBe(
            [("Nätverksdag i Malmö", AttendanceSource.Minutes), ("Avstämning", AttendanceSource.AcceptedReplies)]);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var organisationOf = await db.Members.Where(m => m.Id == Erik || m.Id == Karin || m.Id == Lars)
                .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, o.Name }).ToDictionaryAsync(x => x.Id, x => x.Name);
            // Present at the network day: Erik and Karin (Lars was absent); at the meeting: Lars, who accepted.
            network.Meetings.Occasions[0].Organisations.ShouldBe(new[] { organisationOf[Erik], organisationOf[Karin] }.Distinct().Count());
            network.Meetings.Organisations.Select(o => o.Organisation).ShouldBe(
                new[] { organisationOf[Erik], organisationOf[Karin], organisationOf[Lars] }.Distinct(), ignoreOrder: true);
        }
        (network.Trainings.Held, network.Trainings.Participants).ShouldBe((1, 12));
        network.Trainings.ByKind.ShouldBe([new ReportParticipantCount(ParticipantOrganisationKind.Municipality, 12)]);
        network.Support.ShouldBeNull();

        var support = content.Parts[1].Activities.Single().Support!;
        support.AllReceived.ShouldBeTrue();
        support.Requests.ShouldBe(6);
        var counties = support.Tables.Single(t => t.Dimension == SupportFigureDimension.County);
        counties.Rows.ShouldHaveSingleItem().Period.ShouldBe(ReportContent.PeriodTotal);
        int? Count(string county) => counties.Rows[0].Counts[counties.Categories.ToList().IndexOf(county)];
        Count(nameof(County.Gotland)).ShouldBeNull();      // one request
        Count(nameof(County.Stockholm)).ShouldBeNull();    // else 6 − 5 gives Gotland's one away
        Count(nameof(County.Skane)).ShouldBe(0);

        content.Budget.ShouldBe(content.Budget! with { Granted = 600_000m, Requisitioned = 300_000m, Received = 300_000m, Spent = 70_000m, ToRepay = 230_000m });
        content.Budget.Lines.Count.ShouldBe(2);
        report.CanEdit.ShouldBeTrue();
    }

    [Fact]
    public async Task Staff_read_the_report_without_its_budget_and_others_do_not_find_it()
    {
        var known = await SeedAsync();
        var reportId = await Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, From, To);
        await Reports.SaveTextAsync(new Caller(Anna), reportId, "budget", "Medlen räckte.", (await Reports.GetAsync(new Caller(Anna), reportId))!.Version);
        await Reports.SaveTextAsync(new Caller(Anna), reportId, "intro", "Inledning.", (await Reports.GetAsync(new Caller(Anna), reportId))!.Version);

        var staff = (await Reports.GetAsync(new Caller(Erik), reportId))!;
        staff.Content.Budget.ShouldBeNull();
        staff.Texts.Keys.ShouldBe(["intro"]);
        (staff.CanEdit, staff.CanExport, staff.CanSeeBudget).ShouldBe((false, false, false));
        (await Reports.ListAsync(new Caller(Erik), known.AssignmentId)).ShouldHaveSingleItem().Id.ShouldBe(reportId);

        (await Reports.GetAsync(new Caller(Lars), reportId)).ShouldBeNull();
        (await Reports.ListAsync(new Caller(Lars), known.AssignmentId)).ShouldBeEmpty();
        (await Reports.GetAsync(new Caller(Anna), Guid.NewGuid())).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => Reports.ExportWordAsync(new Caller(Lars), reportId));
        await Should.ThrowAsync<NotFoundException>(() => Reports.SubmitAsync(new Caller(Lars), reportId));

        (await Should.ThrowAsync<AccessDeniedException>(() => Reports.CreateDraftAsync(new Caller(Erik), known.AssignmentId, From, To))).Code.ShouldBe("report.denied");
        (await Should.ThrowAsync<AccessDeniedException>(() => Reports.SubmitAsync(new Caller(Erik), reportId))).Code.ShouldBe("report.denied");
        (await Should.ThrowAsync<AccessDeniedException>(() => Reports.ExportExcelAsync(new Caller(Erik), reportId))).Code.ShouldBe("report.denied");
        (await Should.ThrowAsync<AccessDeniedException>(() => Reports.SaveTextAsync(new Caller(Erik), reportId, "intro", "Nej.", staff.Version)))
            .Code.ShouldBe("report.denied");
        (await Reports.GetAsync(new Caller(Anna), reportId))!.Texts["intro"].ShouldBe("Inledning.");
    }

    [Fact]
    public async Task Submitting_freezes_the_report_so_later_data_does_not_change_it_and_edits_are_refused()
    {
        var known = await SeedAsync();
        var reportId = await Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, From, To);
        await Reports.SaveTextAsync(new Caller(Anna), reportId, "part:1", "Nätverken möttes.", (await Reports.GetAsync(new Caller(Anna), reportId))!.Version);

        await Reports.SubmitAsync(new Caller(Anna), reportId);
        var frozen = (await Reports.GetAsync(new Caller(Anna), reportId))!;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await AddRequestsAsync(db, [(10, County.Skane), (11, County.Skane), (11, County.Skane)]);
            var activity = await db.PlannedActivities.SingleAsync(a => a.Id == known.SupportActivity);
            activity.UpdateProgress(ActivityStatus.Done, 45_000m);
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromDays(30));

        var later = (await Reports.GetAsync(new Caller(Anna), reportId))!;
        later.Status.ShouldBe(ReportStatus.Submitted);
        later.SubmittedAt.ShouldBe(frozen.SubmittedAt);
        later.SubmittedBy.ShouldBe("Anna Lindqvist");
        later.Content.ShouldBeEquivalentTo(frozen.Content);
        later.Content.Parts[1].Activities.Single().Support!.Requests.ShouldBe(6);
        later.Content.Budget!.Spent.ShouldBe(70_000m);
        later.CanEdit.ShouldBeFalse();
        // A new draft over the same period sees the new data.
        var fresh = await Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, From, To);
        (await Reports.GetAsync(new Caller(Anna), fresh))!.Content.Parts[1].Activities.Single().Support!.Requests.ShouldBe(9);

        (await Should.ThrowAsync<DomainRuleException>(() => Reports.SaveTextAsync(new Caller(Anna), reportId, "part:1", "Ändrat.", later.Version)))
            .Code.ShouldBe("report.submitted");
        (await Should.ThrowAsync<DomainRuleException>(() => Reports.SubmitAsync(new Caller(Anna), reportId))).Code.ShouldBe("report.submitted");
        (await Reports.GetAsync(new Caller(Anna), reportId))!.Texts["part:1"].ShouldBe("Nätverken möttes.");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_code_and_nothing_is_saved()
    {
        var known = await SeedAsync();

        (await Should.ThrowAsync<DomainRuleException>(() => Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, new DateOnly(2029, 12, 1), To)))
            .Code.ShouldBe("report.period-outside-assignment");
        (await Should.ThrowAsync<DomainRuleException>(() => Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, To, From)))
            .Code.ShouldBe("report.period-end-before-start");
        await Should.ThrowAsync<NotFoundException>(() => Reports.CreateDraftAsync(new Caller(Anna), Guid.NewGuid(), From, To));
        (await Reports.ListAsync(new Caller(Anna), known.AssignmentId)).ShouldBeEmpty();

        var reportId = await Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, From, To);
        var version = (await Reports.GetAsync(new Caller(Anna), reportId))!.Version;
        (await Should.ThrowAsync<DomainRuleException>(() => Reports.SaveTextAsync(new Caller(Anna), reportId, "part:3", "Ingen sådan del.", version)))
            .Code.ShouldBe("report.text.key-invalid");
        (await Should.ThrowAsync<DomainRuleException>(() => Reports.SaveTextAsync(new Caller(Anna), reportId, "intro", new string('x', 20_001), version)))
            .Code.ShouldBe("report.text.too-long");
        await Reports.SaveTextAsync(new Caller(Anna), reportId, "intro", "Först.", version);
        // Saved from the page's older version: someone else saved in between.
        (await Should.ThrowAsync<DomainRuleException>(() => Reports.SaveTextAsync(new Caller(Anna), reportId, "intro", "Sen.", version)))
            .Code.ShouldBe("report.changed-concurrently");
        (await Reports.GetAsync(new Caller(Anna), reportId))!.Texts.ShouldBe(new Dictionary<string, string> { ["intro"] = "Först." });
    }

    [Fact]
    public async Task Exports_open_as_word_and_excel_quote_the_registration_number_and_are_audited()
    {
        var known = await SeedAsync();
        var reportId = await Reports.CreateDraftAsync(new Caller(Anna), known.AssignmentId, From, To);

        var word = await Reports.ExportWordAsync(new Caller(Anna, "198.51.100.9"), reportId);
        var excel = await Reports.ExportExcelAsync(new Caller(Anna, "198.51.100.9"), reportId);

        word.FileName.ShouldBe("Ju2030-00123-PO_2030-01-01_2030-12-31.docx");
        using (var document = WordprocessingDocument.Open(new MemoryStream(word.Content), false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("Ju2030/00123/PO");
            text.ShouldContain("Nätverksdag i Malmö");
            text.ShouldContain("Kammarkollegiet");
        }
        excel.FileName.ShouldEndWith(".xlsx");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(excel.Content), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            sheets.ShouldContain("Activities");
            sheets.ShouldContain("Budget");
            sheets.ShouldContain("Dimension.County");
        }

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var audited = await db.AuditRecords.Where(a => a.SubjectId == reportId && a.Action == ReportAuditActions.Exported).ToListAsync();
        audited.Select(a => a.Detail).ShouldBe(["docx", "xlsx"], ignoreOrder: true);
        audited.ShouldAllBe(a => a.ActorId == Anna && a.ClientAddress == "198.51.100.9");
    }
}

public sealed class SqliteAssignmentReportServiceTests() : AssignmentReportServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAssignmentReportServiceTests() : AssignmentReportServiceTests(DatabaseProvider.Postgres);
