using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.MethodSupport;

/// <summary>The figures on known data (requests of 2027, a year the demo data does not touch), with suppression
/// and response times; export to CSV and Excel for the team only, audited; and the retention job erasing the texts
/// of requests closed long enough ago while the figures stay the same.</summary>
public abstract class SupportFiguresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2028, 1, 15, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");
    private static Guid Org(string key) => DemoData.IdFor($"org:{key}");
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>2027: Q1 has five from Stockholm (sexual purposes), Q2 four from Skåne (forced labour) and one from
    /// Gotland (begging, a child concerned). Response hours 1, 2, …, 10 in that order. One Q2 request is referred
    /// to the Work Environment Authority and closed in April 2027.</summary>
    private async Task<List<Guid>> SeedKnownYearAsync()
    {
        var ids = new List<Guid>();
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var number = 0;
        SupportRequest Add(int month, County county, ExploitationForm form, bool child = false)
        {
            var at = new DateTimeOffset(2027, month, 10, 8, 0, 0, TimeSpan.Zero);
            var request = SupportRequest.Submit(new SupportAsker(Member("per.axelsson"), Org("av"), null, OrganisationKind.StateAgency, null),
                new SupportQuestion("En fråga utan personuppgifter.", null, [form], child, county, SupportUrgency.ThisWeek, null),
                SupportChannel.Portal, null, 2027, ++number, at);
            request.Assign([Karin], Erik, at);
            request.Reply(Karin, true, "Svar.", at.AddHours(number));
            db.SupportRequests.Add(request);
            ids.Add(request.Id);
            return request;
        }
        for (var i = 0; i < 5; i++)
            Add(2, County.Stockholm, ExploitationForm.SexualPurposes);
        for (var i = 0; i < 4; i++)
            Add(5, County.Skane, ExploitationForm.ForcedLabour);
        var referred = Add(5, County.Gotland, ExploitationForm.Begging, child: true);
        referred.ConfirmSocialServices(true, Karin);
        referred.Refer(Org("av"), null, new DateOnly(2027, 5, 11), "Arbetsvillkor.", Karin, referred.SubmittedAt.AddDays(1));
        referred.Close(Karin, new DateTimeOffset(2027, 4, 20, 8, 0, 0, TimeSpan.Zero).AddMonths(1));
        await db.SaveChangesAsync();
        return ids;
    }

    [Fact]
    public async Task Figures_count_by_quarter_and_suppress_small_counts_so_that_no_total_gives_them_away()
    {
        await SeedKnownYearAsync();

        var figures = await _database.Get<SupportFiguresService>().FiguresAsync(new Caller(Erik, "198.51.100.7"), 2027);

        var counties = figures.Tables.Single(t => t.Dimension == SupportFigureDimension.County);
        int? Cell(SupportFigureTable table, string period, string category) =>
            table.Rows.Single(r => r.Period == period).Counts[table.Categories.ToList().IndexOf(category)];
        Cell(counties, "Q1", nameof(County.Stockholm)).ShouldBe(5);
        Cell(counties, "Q2", nameof(County.Gotland)).ShouldBeNull();        // one request
        counties.Rows.Single(r => r.Period == "Q2").Total.ShouldNotBeNull();
        // Q2's total is published (5), so Skåne's 4 goes with Gotland's 1 (else 5 − 4 gives it away); the year row the same.
        Cell(counties, "Q2", nameof(County.Skane)).ShouldBeNull();
        Cell(counties, SupportFigures.YearPeriod, nameof(County.Skane)).ShouldBeNull();
        Cell(counties, SupportFigures.YearPeriod, nameof(County.Stockholm)).ShouldBe(5);
        counties.Year.Total.ShouldBe(10);

        var child = figures.Tables.Single(t => t.Dimension == SupportFigureDimension.ChildConcerned);
        Cell(child, SupportFigures.YearPeriod, "Yes").ShouldBeNull();
        Cell(child, SupportFigures.YearPeriod, "No").ShouldBeNull();       // else 10 − 9 gives the one child away
        var referrals = figures.Tables.Single(t => t.Dimension == SupportFigureDimension.ReferralTarget);
        referrals.Categories.ShouldBe(["Arbetsmiljöverket", SupportFigures.None]);
        Cell(referrals, SupportFigures.YearPeriod, "Arbetsmiljöverket").ShouldBeNull();

        foreach (var table in figures.Tables)
        {
            foreach (var row in table.Rows)
                row.Counts.Append(row.Total).Count(c => c is null).ShouldNotBe(1, $"{table.Dimension} {row.Period}");
            for (var column = 0; column < table.Categories.Count; column++)
                table.Rows.Count(r => r.Counts[column] is null).ShouldNotBe(1, $"{table.Dimension} {table.Categories[column]}");
        }

        var year = figures.ResponseTimes.Single(t => t.Period == SupportFigures.YearPeriod);
        (year.Answered, year.MedianHours, year.Percentile90Hours).ShouldBe((10, 5.5, 9.0));
        var q1 = figures.ResponseTimes.Single(t => t.Period == "Q1");
        (q1.Answered, q1.MedianHours).ShouldBe((5, 3.0));
    }

    [Fact]
    public async Task Exports_are_for_the_team_only_audited_and_carry_the_suppression()
    {
        await SeedKnownYearAsync();
        var service = _database.Get<SupportFiguresService>();

        (await Should.ThrowAsync<AccessDeniedException>(() => service.ExportCsvAsync(new Caller(Member("per.axelsson")), 2027)))
            .Code.ShouldBe("support.figures.denied");
        (await Should.ThrowAsync<AccessDeniedException>(() => service.ExportExcelAsync(new Caller(DemoData.Personas.Administrator), 2027)))
            .Code.ShouldBe("support.figures.denied");

        var csv = System.Text.Encoding.UTF8.GetString(await service.ExportCsvAsync(new Caller(Karin, "198.51.100.7"), 2027));
        csv.ShouldContain("County 2027");
        csv.ShouldContain(SupportFiguresExport.SuppressedMark);
        csv.ShouldStartWith("\uFEFF");

        var xlsx = await service.ExportExcelAsync(new Caller(Karin, "198.51.100.7"), 2027);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
            sheets.Count.ShouldBe(Enum.GetValues<SupportFigureDimension>().Length + 1);
            var text = string.Concat(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text));
            text.ShouldContain(SupportFiguresExport.SuppressedMark);
        }

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var audited = await db.AuditRecords.AsNoTracking().Where(a => a.SubjectKind == SupportFiguresService.FiguresSubjectKind).ToListAsync();
        audited.Select(a => (a.Action, a.ActorId, a.Detail, a.ClientAddress)).ShouldBe([
            (SupportAuditActions.FiguresExported, Karin, "2027 csv", "198.51.100.7"), (SupportAuditActions.FiguresExported, Karin, "2027 xlsx", "198.51.100.7")],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Retention_erases_the_texts_of_requests_closed_long_enough_ago_and_the_figures_stay()
    {
        await SeedKnownYearAsync();
        var service = _database.Get<SupportFiguresService>();
        var before = await service.FiguresAsync(new Caller(Erik), 2027);
        var job = new SupportRetentionJob(_database.Contexts, _database.Get<SupportRetentionOptions>());
        Guid closedId;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            closedId = await db.SupportRequests.Where(r => r.Year == 2027 && r.Status == SupportStatus.Closed).Select(r => r.Id).SingleAsync();

        await job.RunAsync(new TimedJobRun(SupportRetentionJob.Name, new DateTimeOffset(2029, 5, 1, 0, 0, 0, TimeSpan.Zero), null), CancellationToken.None);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            (await db.SupportRequests.SingleAsync(r => r.Id == closedId)).ErasedAt.ShouldBeNull(); // closed May 2027: not yet 24 months

        var run = new DateTimeOffset(2029, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await job.RunAsync(new TimedJobRun(SupportRetentionJob.Name, run, null), CancellationToken.None);
        await job.RunAsync(new TimedJobRun(SupportRetentionJob.Name, run.AddHours(12), null), CancellationToken.None);

        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var erased = await db.SupportRequests.Include(r => r.Replies).Include(r => r.Referrals).SingleAsync(r => r.Id == closedId);
            (erased.Question, erased.ErasedAt).ShouldBe(("", (DateTimeOffset?)run));
            erased.Replies.ShouldAllBe(r => r.Text == "");
            erased.Referrals.ShouldAllBe(f => f.Reason == "");
            var audit = await db.AuditRecords.AsNoTracking().Where(a => a.SubjectId == closedId && a.Action == SupportAuditActions.Erased).ToListAsync();
            audit.Count.ShouldBe(1);
            audit[0].ActorId.ShouldBe(Guid.Empty);
            (await db.SupportRequests.CountAsync(r => r.ErasedAt != null && r.Year == 2027)).ShouldBe(1);
        }
        var after = await service.FiguresAsync(new Caller(Erik), 2027);
        Flat(after).ShouldBe(Flat(before)); // erasing does not change the figures
    }

    private static string Flat(SupportFigures figures) =>
        string.Join("|", figures.Tables.SelectMany(t => t.Rows.Select(r => $"{t.Dimension}:{r.Period}:{string.Join(",", r.Counts)}:{r.Total}")));
}

public sealed class SqliteSupportFiguresTests() : SupportFiguresTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSupportFiguresTests() : SupportFiguresTests(DatabaseProvider.Postgres);
