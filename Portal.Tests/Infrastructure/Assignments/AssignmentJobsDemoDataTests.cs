using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Assignments;

/// <summary>The assignments' demo data on each database: the two decisions exactly as the source documents write
/// them, this year's plan with its owners and links, and a second seeding that changes nothing.</summary>
public abstract class AssignmentJobsDemoDataTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset SeededAt = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(SeededAt))));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Guid Org(string key) => DemoData.IdFor("org:" + key);

    private async Task<GovernmentAssignment> AssignmentAsync(Guid id)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.GovernmentAssignments.AsNoTracking().Include(a => a.Parts).Include(a => a.BudgetLines).AsSplitQuery()
            .SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task The_2017_decision_is_as_written()
    {
        var decision = await AssignmentAsync(DemoData.Assignments.Justice2017);

        decision.RegistrationNumber.ShouldBe("Ju2017/01271/PO");
        decision.Ministry.ShouldBe("Justitiedepartementet");
        decision.DecisionDate.ShouldBe(new DateOnly(2017, 2, 9));
        decision.PeriodEnd.ShouldBe(new DateOnly(2017, 12, 31));
        decision.TotalBudget.ShouldBe(1_200_000m);
        decision.ChildRights.ShouldBeTrue();
        decision.Parts.Select(p => p.Number).ShouldBe([1, 2, 3]);
        decision.Parts[0].Text.ShouldContain("avlägsnande av organ, krigstjänst, tvångsarbete");
        decision.PartnerOrganisationIds.ShouldBe(
            new[] { "av", "af", "bo", "migrationsverket", "polisen", "skatteverket", "socialstyrelsen", "aklagare" }.Select(Org), ignoreOrder: true);
        decision.BudgetLines.Select(l => (l.Amount, l.ExpenditureArea, l.Appropriation, l.AppropriationItem)).ShouldBe(
        new (decimal, string, string, string?)[]
        {
            (300_000m, "UO 4", "1:1", "ap.4"),
            (300_000m, "UO 8", "1:3", "ap.2"),
            (300_000m, "UO 14", "1:3", "ap.4"),
            (300_000m, "UO 9", "4:7", "ap.5"),
        });
        decision.BudgetLines.ShouldAllBe(l => l.RequisitionFrom == "Kammarkollegiet" && l.RequisitionBy == new DateOnly(2017, 9, 15));
        decision.RepaymentDeadline.ShouldBe(new DateOnly(2018, 3, 15));
        decision.ReportDeadline.ShouldBe(new DateOnly(2018, 3, 15));
    }

    [Fact]
    public async Task The_2014_decision_is_as_written()
    {
        var decision = await AssignmentAsync(DemoData.Assignments.Children2014);

        decision.RegistrationNumber.ShouldBe("S2014/1695/FST");
        decision.Ministry.ShouldBe("Socialdepartementet");
        decision.DecisionDate.ShouldBe(new DateOnly(2014, 2, 20));
        decision.TotalBudget.ShouldBe(3_000_000m);
        decision.Parts.Count.ShouldBe(4);
        decision.Parts[1].Text.ShouldContain("taxibolag och hotell- och restaurangbranschen");
        var line = decision.BudgetLines.ShouldHaveSingleItem();
        (line.Amount, line.ExpenditureArea, line.Appropriation, line.AppropriationItem, line.RequisitionFrom, line.RequisitionBy)
            .ShouldBe((3_000_000m, "UO 9", "4:7", "ap.4", "Socialstyrelsen", new DateOnly(2014, 12, 1)));
        decision.RepaymentDeadline.ShouldBe(new DateOnly(2015, 3, 31));
        decision.ReportDeadline.ShouldBe(new DateOnly(2015, 5, 31));
    }

    [Fact]
    public async Task This_years_plan_has_about_twenty_activities_with_owners_and_links()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var plan = await db.PlannedActivities.AsNoTracking().Include(a => a.Links).Where(a => a.Year == 2026).ToListAsync();

        plan.Count.ShouldBeInRange(18, 24);
        plan.Select(a => a.OwnerId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        plan.Select(a => a.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        plan.Where(a => a.AssignmentId == DemoData.Assignments.ThisYear).ShouldAllBe(a => a.PartIds.Count > 0);
        var weekly = await db.Meetings.Where(m => m.Title == DemoData.Meetings.NmtWeekly)
            .Select(m => m.Id).SingleAsync();
        var manual = await db.Documents.Where(d => d.Title == DemoData.Documents.Manual).Select(d => d.Id).SingleAsync();
        var links = plan.SelectMany(a => a.Links).ToList();
        links.ShouldContain(l => l.Kind == ActivityLinkKind.Meeting && l.TargetId == weekly);
        links.ShouldContain(l => l.Kind == ActivityLinkKind.Document && l.TargetId == manual);
        links.ShouldContain(l => l.Kind == ActivityLinkKind.SupportRequest && l.TargetId == DemoData.MethodSupport.OpenChildRequest);
        links.ShouldContain(l => l.Kind == ActivityLinkKind.Thread);
        // Every meeting of the demo is what some activity produced.
        (await db.Meetings.Select(m => m.Id).ToListAsync()).ShouldAllBe(id => links.Any(l => l.Kind == ActivityLinkKind.Meeting && l.TargetId == id));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        int Count(PortalDbContext db) => db.GovernmentAssignments.Count() + db.PlannedActivities.Count();
        int before;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            before = Count(db);
            await DemoData.SeedAsync(db, SeededAt.AddDays(3));
        }

        await using var after = await _database.Contexts.CreateDbContextAsync();
        Count(after).ShouldBe(before);
        before.ShouldBe(3 + await after.PlannedActivities.CountAsync());
    }
}

public sealed class SqliteAssignmentJobsDemoDataTests() : AssignmentJobsDemoDataTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAssignmentJobsDemoDataTests() : AssignmentJobsDemoDataTests(DatabaseProvider.Postgres);
