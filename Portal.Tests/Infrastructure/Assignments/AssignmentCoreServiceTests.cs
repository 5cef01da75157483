using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Assignments;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using P = Portal.Infrastructure.Seeding.DemoData.Personas;
using W = Portal.Infrastructure.Seeding.DemoData.Workspaces;

namespace Portal.Tests.Infrastructure.Assignments;

/// <summary>Assignments and the plan on a real database: the secretariat registers a decision and plans
/// activities; the coordinator's staff read them without the budget; an owner outside the coordinator's
/// organisation reads only what they own and the assignment it serves, and reports progress and links; everyone
/// else finds nothing. Bad input from the list: a clear code and nothing changed.</summary>
public abstract class AssignmentCoreServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid[] DemoAssignmentIds =
        [DemoData.Assignments.Justice2017, DemoData.Assignments.Children2014, DemoData.Assignments.ThisYear];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");

    private static readonly Guid Anna = P.Administrator;   // the secretariat (administrator at Länsstyrelsen i Stockholms län)
    private static readonly Guid Erik = P.NmtLead;         // staff: the coordinator's organisation, not an administrator
    private static readonly Guid Karin = P.NmtPolice;      // the police: owns an activity
    private static readonly Guid Per = Member("per.axelsson"); // Arbetsmiljöverket: nothing to do with it

    private static Caller From(Guid memberId) => new(memberId, "192.0.2.44");

    private AssignmentService Assignments => _database.Get<AssignmentService>();
    private ActivityPlanService Plan => _database.Get<ActivityPlanService>();
    private AssignmentDeadlineService Deadlines => _database.Get<AssignmentDeadlineService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, configure: services =>
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.Replace(ServiceDescriptor.Singleton(new AssignmentOptions { CoordinatorOrganisationId = DemoData.IdFor("org:lst-ab") }));
    });

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>The 2017 decision: 1,200,000 kronor as four times 300,000, requisition by 15 September 2017, report
    /// and repayment by 15 March 2018.</summary>
    private static AssignmentDraft Decision(string number = "Ju2017/01999/PO", decimal total = 1_200_000m, bool childRights = false) =>
        new(number, "Uppdrag att samordna arbetet mot prostitution och människohandel", "Justitiedepartementet", new DateOnly(2017, 3, 9),
            new DateOnly(2017, 3, 9), new DateOnly(2017, 12, 31), ["Samordna myndigheternas arbete", "Utbilda", "Stödja kommunerna"],
            [DemoData.IdFor("org:lst-c")], childRights, total,
            new[] { "UO 4", "UO 9", "UO 13", "UO 14" }.Select(area => new BudgetLineDraft(300_000m, area, "1:6", "ap.1", "Kammarkollegiet",
                new DateOnly(2017, 9, 15))).ToList(),
            new DateOnly(2018, 3, 15), new DateOnly(2018, 3, 15), null);

    private static ActivityDraft Activity(Guid? owner, Guid? assignment, IReadOnlyList<Guid>? parts = null, string title = "Utbildning för polisen",
        DateOnly? end = null) =>
        new(2017, title, "En dag om tecken på människohandel.", ActivityKind.Training, owner, assignment, parts ?? [], null,
            new DateOnly(2017, 4, 1), end ?? new DateOnly(2017, 6, 30), ActivityStatus.Planned, 50_000m, 0m, [ExploitationForm.ForcedLabour], false);

    private async Task<int> CountAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.GovernmentAssignments.CountAsync() + await db.PlannedActivities.CountAsync();
    }

    private async Task<List<AuditRecord>> AuditOf(Guid subjectId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.AuditRecords.AsNoTracking().Where(a => a.SubjectId == subjectId).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync();
    }

    private async Task<(Guid Assignment, Guid Owned, Guid Staffs)> PlannedAsync()
    {
        var id = await Assignments.RegisterAsync(From(Anna), Decision());
        var parts = (await Assignments.GetAsync(From(Anna), id))!.Parts;
        var owned = await Plan.PlanAsync(From(Anna), Activity(Karin, id, [parts[1].Id]));
        var staffs = await Plan.PlanAsync(From(Anna), Activity(Erik, id, [parts[0].Id], "Nätverksträff för regionkoordinatorer"));
        return (id, owned, staffs);
    }

    [Fact]
    public async Task The_secretariat_registers_a_decision_and_sees_its_budget_the_staff_read_it_without_and_others_find_nothing()
    {
        var id = await Assignments.RegisterAsync(From(Anna), Decision(" ju2017/01999/po "));
        _clock.Advance(TimeSpan.FromSeconds(1)); // the trail's order is the order of the steps

        var seen = (await Assignments.GetAsync(From(Anna), id)).ShouldNotBeNull();
        seen.RegistrationNumber.ShouldBe("Ju2017/01999/PO");
        seen.Parts.Select(p => p.Number).ShouldBe([1, 2, 3]);
        seen.BudgetLines.ShouldNotBeNull().Count.ShouldBe(4);
        seen.Partners.ShouldHaveSingleItem().Name.ShouldBe("Länsstyrelsen i Uppsala län");
        seen.CanEdit.ShouldBeTrue();
        seen.CanSeeBudget.ShouldBeTrue();

        var staff = (await Assignments.GetAsync(From(Erik), id)).ShouldNotBeNull();
        staff.BudgetLines.ShouldBeNull();
        staff.CanSeeBudget.ShouldBeFalse();
        staff.CanEdit.ShouldBeFalse();
        staff.TotalBudget.ShouldBe(1_200_000m);
        (await Assignments.ListAsync(From(Erik))).Select(a => a.Id).ShouldContain(id);

        (await Assignments.GetAsync(From(Karin), id)).ShouldBeNull();
        (await Assignments.GetAsync(From(Per), id)).ShouldBeNull();
        (await Assignments.ListAsync(From(Per))).ShouldBeEmpty();
        (await Assignments.GetAsync(From(Per), Guid.NewGuid())).ShouldBeNull();

        var audit = await AuditOf(id);
        audit.Select(a => a.Action).ShouldBe([AssignmentAuditActions.Registered, AssignmentAuditActions.BudgetViewed]);
        audit.ShouldAllBe(a => a.ActorId == Anna && a.ClientAddress == "192.0.2.44");
    }

    [Fact]
    public async Task Budget_lines_opened_by_id_are_for_the_secretariat_only_and_the_read_is_audited()
    {
        var id = await Assignments.RegisterAsync(From(Anna), Decision());

        (await Assignments.GetBudgetAsync(From(Erik), id)).ShouldBeNull();
        (await Assignments.GetBudgetAsync(From(Per), id)).ShouldBeNull();
        (await Assignments.GetBudgetAsync(From(Anna), Guid.NewGuid())).ShouldBeNull();
        var line = (await Assignments.GetAsync(From(Anna), id))!.BudgetLines![0];
        await Should.ThrowAsync<NotFoundException>(() => Assignments.RecordRequisitionAsync(From(Erik), id, line.Id, new DateOnly(2017, 9, 1), 1m));
        (await AuditOf(id)).Count(a => a.ActorId != Anna).ShouldBe(0);

        await Assignments.RecordRequisitionAsync(From(Anna), id, line.Id, new DateOnly(2017, 9, 1), 300_000m);
        await Plan.UpdateProgressAsync(From(Anna), await Plan.PlanAsync(From(Anna), Activity(Karin, id)), ActivityStatus.Done, 120_000m);
        var budget = (await Assignments.GetBudgetAsync(From(Anna), id)).ShouldNotBeNull();
        budget.Requisitioned.ShouldBe(300_000m);
        budget.Received.ShouldBe(300_000m);
        budget.Spent.ShouldBe(120_000m);
        budget.ToRepay.ShouldBe(180_000m);
        budget.Lines[0].RequisitionedOn.ShouldBe(new DateOnly(2017, 9, 1));
        (await AuditOf(id)).Where(a => a.Action == AssignmentAuditActions.BudgetViewed).Select(a => a.Detail).ShouldContain("budget");
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_code_and_changes_nothing()
    {
        var id = await Assignments.RegisterAsync(From(Anna), Decision());
        var before = await CountAsync();

        async Task Refused(Func<Task> act, string code)
        {
            var refusal = await Should.ThrowAsync<DomainRuleException>(act);
            refusal.Code.ShouldBe(code);
            (await CountAsync()).ShouldBe(before, code);
        }

        await Refused(() => Assignments.RegisterAsync(From(Anna), Decision("Ju-2017-01271")), "assignment.registration-number.invalid");
        await Refused(() => Assignments.RegisterAsync(From(Anna), Decision("JU2017/01999/po")), "assignment.registration-number.taken");
        await Refused(() => Assignments.RegisterAsync(From(Anna), Decision("S2014/1999/FST", total: 1_000_000m)), "assignment.budget-mismatch");
        var late = Decision("S2014/1999/FST") with
        {
            BudgetLines = [new BudgetLineDraft(1_200_000m, "UO 9", "8:1", null, "Socialstyrelsen", new DateOnly(2018, 2, 1))],
        };
        await Refused(() => Assignments.RegisterAsync(From(Anna), late), "assignment.requisition-after-period");
        await Refused(() => Plan.PlanAsync(From(Anna), Activity(null, id)), "activity.owner-required");
        await Refused(() => Plan.PlanAsync(From(Anna), Activity(Guid.NewGuid(), id)), "activity.owner.unknown");

        // Nothing about the registered one changed either.
        var unchanged = (await Assignments.GetAsync(From(Anna), id))!;
        unchanged.Version.ShouldBe((await Assignments.GetAsync(From(Anna), id))!.Version);
        await Refused(() => Assignments.ChangeAsync(From(Anna), id, Decision(total: 900_000m), unchanged.Version), "assignment.budget-mismatch");
        (await Assignments.GetAsync(From(Anna), id))!.TotalBudget.ShouldBe(1_200_000m);
    }

    [Fact]
    public async Task Only_the_secretariat_registers_changes_and_plans()
    {
        var (id, owned, _) = await PlannedAsync();
        var before = await CountAsync();
        var version = (await Assignments.GetAsync(From(Anna), id))!.Version;

        await Should.ThrowAsync<AccessDeniedException>(() => Assignments.RegisterAsync(From(Erik), Decision("S2014/1999/FST")));
        await Should.ThrowAsync<AccessDeniedException>(() => Assignments.ChangeAsync(From(Erik), id, Decision(), version));
        await Should.ThrowAsync<NotFoundException>(() => Assignments.ChangeAsync(From(Per), id, Decision(), version));
        await Should.ThrowAsync<AccessDeniedException>(() => Plan.PlanAsync(From(Erik), Activity(Erik, id)));
        var activity = (await Plan.GetAsync(From(Karin), owned)).ShouldNotBeNull();
        await Should.ThrowAsync<AccessDeniedException>(() => Plan.ChangeAsync(From(Karin), owned, Activity(Karin, id), activity.Version));
        await Should.ThrowAsync<NotFoundException>(() => Plan.UpdateProgressAsync(From(Per), owned, ActivityStatus.Done, 1m));
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_owner_sees_their_activity_and_its_assignment_reports_progress_and_sees_nothing_else()
    {
        var (id, owned, staffs) = await PlannedAsync();

        (await Plan.ListAsync(From(Karin), new PlanFilter(2017))).Select(r => r.Id).ShouldBe([owned]);
        (await Plan.ListAsync(From(Erik), new PlanFilter(2017))).Select(r => r.Id).ShouldBe([owned, staffs], ignoreOrder: true);
        (await Plan.ListAsync(From(Per), new PlanFilter(2017))).ShouldBeEmpty();
        (await Plan.GetAsync(From(Karin), staffs)).ShouldBeNull();
        (await Plan.GetAsync(From(Per), owned)).ShouldBeNull();

        var assignment = (await Assignments.GetAsync(From(Karin), id)).ShouldNotBeNull();
        assignment.BudgetLines.ShouldBeNull();
        assignment.Parts[1].Activities.Select(a => a.Id).ShouldBe([owned]);
        assignment.Parts[0].Activities.ShouldBeEmpty(); // Erik's activity is not Karin's to see
        // Karin also owns an activity of the demo plan, so she sees its assignment too; not the other test decisions.
        var karins = (await Assignments.ListAsync(From(Karin))).Select(a => a.Id).ToList();
        karins.ShouldContain(id);
        karins.ShouldAllBe(a => a == id || DemoAssignmentIds.Contains(a));
        (await Assignments.GetBudgetAsync(From(Karin), id)).ShouldBeNull();

        var view = (await Plan.GetAsync(From(Karin), owned)).ShouldNotBeNull();
        view.CanUpdate.ShouldBeTrue();
        view.CanEdit.ShouldBeFalse();
        view.Parts.ShouldHaveSingleItem().Number.ShouldBe(2);
        await Plan.UpdateProgressAsync(From(Karin), owned, ActivityStatus.InProgress, 12_000m);
        var progressed = (await Plan.GetAsync(From(Erik), owned))!;
        progressed.Status.ShouldBe(ActivityStatus.InProgress);
        progressed.SpentCost.ShouldBe(12_000m);
        (await AuditOf(owned)).Select(a => a.Action).ShouldContain(AssignmentAuditActions.ActivityProgress);
    }

    [Fact]
    public async Task Links_are_refused_for_targets_the_actor_may_not_see_and_shown_without_title_to_those_who_may_not()
    {
        var (_, owned, _) = await PlannedAsync();
        Guid nmtThread;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            nmtThread = await db.Threads.Where(t => t.Title == DemoData.Threads.NmtMethodSupport).Select(t => t.Id).SingleAsync();
        var hidden = (await _database.Get<DiscussionService>().StartThreadAsync(Anna, [W.SteeringGroup], "Ledningsgruppens planering", [], false,
            "Bara för ledningsgruppen")).ThreadId;

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Plan.LinkAsync(From(Karin), owned, ActivityLinkKind.Thread, hidden));
        refusal.Code.ShouldBe("activity.link.target-unknown");
        (await Should.ThrowAsync<DomainRuleException>(() => Plan.LinkAsync(From(Karin), owned, ActivityLinkKind.Meeting, Guid.NewGuid())))
            .Code.ShouldBe("activity.link.target-unknown");
        (await Plan.GetAsync(From(Karin), owned))!.Links.ShouldBeEmpty();

        await Plan.LinkAsync(From(Karin), owned, ActivityLinkKind.Thread, nmtThread);
        await Plan.LinkAsync(From(Anna), owned, ActivityLinkKind.Thread, hidden);

        var asKarin = (await Plan.GetAsync(From(Karin), owned))!.Links;
        asKarin.Count.ShouldBe(2);
        asKarin.Single(l => l.TargetId == nmtThread).ShouldSatisfyAllConditions(
            l => l.IsAvailable.ShouldBeTrue(), l => l.Title.ShouldBe(DemoData.Threads.NmtMethodSupport), l => l.Link.ShouldBe($"/threads/{nmtThread}"));
        asKarin.Single(l => l.TargetId == hidden).ShouldSatisfyAllConditions(
            l => l.IsAvailable.ShouldBeFalse(), l => l.Title.ShouldBeNull(), l => l.Link.ShouldBeNull());
        (await Plan.GetAsync(From(Anna), owned))!.Links.Single(l => l.TargetId == hidden).Title.ShouldBe("Ledningsgruppens planering");

        (await Plan.LinkCandidatesAsync(From(Karin), ActivityLinkKind.Thread, "bärplockning")).Select(c => c.TargetId).ShouldBe([nmtThread]);
        (await Plan.LinkCandidatesAsync(From(Karin), ActivityLinkKind.Thread, "ledningsgruppens")).ShouldBeEmpty();
        (await Plan.LinkCandidatesAsync(From(Per), ActivityLinkKind.Thread, "")).ShouldBeEmpty();

        await Plan.UnlinkAsync(From(Karin), owned, ActivityLinkKind.Thread, hidden);
        (await Plan.GetAsync(From(Anna), owned))!.Links.ShouldHaveSingleItem().TargetId.ShouldBe(nmtThread);
        (await Plan.ListAsync(From(Erik), new PlanFilter(2017))).Single(r => r.Id == owned).LinkCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_plan_filters_by_assignment_owner_status_form_and_child_rights()
    {
        var (id, owned, staffs) = await PlannedAsync();
        var loose = await Plan.PlanAsync(From(Anna), Activity(Erik, null, title: "Egen kampanj") with
        {
            Kind = ActivityKind.Campaign, ExploitationForms = [ExploitationForm.Begging], ChildRights = true,
        });
        await Plan.UpdateProgressAsync(From(Anna), staffs, ActivityStatus.Done, 1_000m);

        async Task<IEnumerable<Guid>> Ids(PlanFilter filter) => (await Plan.ListAsync(From(Anna), filter)).Select(r => r.Id);
        (await Ids(new PlanFilter(2017))).ShouldBe([owned, staffs, loose], ignoreOrder: true);
        (await Ids(new PlanFilter(2017, AssignmentId: id))).ShouldBe([owned, staffs], ignoreOrder: true);
        (await Ids(new PlanFilter(2017, OwnerId: Karin))).ShouldBe([owned]);
        (await Ids(new PlanFilter(2017, Status: ActivityStatus.Done))).ShouldBe([staffs]);
        (await Ids(new PlanFilter(2017, ExploitationForm: ExploitationForm.Begging))).ShouldBe([loose]);
        (await Ids(new PlanFilter(2017, ChildRights: true))).ShouldBe([loose]);
        (await Ids(new PlanFilter(2018))).ShouldBeEmpty();
        var row = (await Plan.ListAsync(From(Anna), new PlanFilter(2017, OwnerId: Karin))).Single();
        row.AssignmentRegistrationNumber.ShouldBe("Ju2017/01999/PO");
        row.PartNumbers.ShouldBe([2]);
        row.OwnerName.ShouldBe("Karin Holm");
    }

    [Fact]
    public async Task Switching_child_rights_on_passes_it_to_the_activities_and_a_served_part_cannot_be_dropped()
    {
        var (id, owned, _) = await PlannedAsync();
        var version = (await Assignments.GetAsync(From(Anna), id))!.Version;

        var fewer = Decision() with { Parts = ["Samordna myndigheternas arbete"] };
        (await Should.ThrowAsync<DomainRuleException>(() => Assignments.ChangeAsync(From(Anna), id, fewer, version))).Code.ShouldBe("assignment.part-in-use");

        await Assignments.ChangeAsync(From(Anna), id, Decision(childRights: true), version);
        (await Plan.GetAsync(From(Anna), owned))!.ShouldSatisfyAllConditions(a => a.ChildRights.ShouldBeTrue(), a => a.ChildRightsInherited.ShouldBeTrue());
        (await Should.ThrowAsync<DomainRuleException>(() => Assignments.ChangeAsync(From(Anna), id, Decision(), version)))
            .Code.ShouldBe(AssignmentService.ChangedConcurrently);
    }

    [Fact]
    public async Task The_deadlines_overview_gives_budget_dates_to_the_secretariat_only_and_owners_their_own_activity_ends()
    {
        var (id, owned, staffs) = await PlannedAsync();
        var today = new DateOnly(2017, 9, 5);

        var secretariat = await Deadlines.OverviewAsync(From(Anna), today, 14);
        secretariat.Count(d => d.Kind == DeadlineKind.Requisition).ShouldBe(4);
        secretariat.Where(d => d.Kind == DeadlineKind.Requisition).ShouldAllBe(d => d.Date == new DateOnly(2017, 9, 15) && !d.IsOverdue
            && d.RegistrationNumber == "Ju2017/01999/PO" && d.AssignmentId == id);
        // Both activities ended on 30 June, still "planned": overdue.
        secretariat.Where(d => d.Kind == DeadlineKind.ActivityEnd).Select(d => d.ActivityId).ShouldBe([owned, staffs], ignoreOrder: true);
        secretariat.Where(d => d.Kind == DeadlineKind.ActivityEnd).ShouldAllBe(d => d.IsOverdue);

        var staff = await Deadlines.OverviewAsync(From(Erik), today, 14);
        staff.ShouldNotContain(d => d.Kind == DeadlineKind.Requisition || d.Kind == DeadlineKind.Repayment);
        staff.Count(d => d.Kind == DeadlineKind.ActivityEnd).ShouldBe(2);
        (await Deadlines.OverviewAsync(From(Karin), today, 14)).Select(d => d.ActivityId).ShouldBe([owned]);
        (await Deadlines.OverviewAsync(From(Per), today, 14)).ShouldBeEmpty();

        var spring = await Deadlines.OverviewAsync(From(Anna), new DateOnly(2018, 3, 1), 30);
        spring.Select(d => d.Kind).ShouldContain(DeadlineKind.Repayment);
        spring.Select(d => d.Kind).ShouldContain(DeadlineKind.Report);
        spring.Where(d => d.Kind == DeadlineKind.Requisition).ShouldAllBe(d => d.IsOverdue);
        var staffSpring = await Deadlines.OverviewAsync(From(Erik), new DateOnly(2018, 3, 1), 30);
        staffSpring.Select(d => d.Kind).ShouldContain(DeadlineKind.Report);
        staffSpring.Select(d => d.Kind).ShouldNotContain(DeadlineKind.Repayment);
    }
}

/// <summary>Writes to assignments and the plan share one limit (<c>assignment.rate-limited</c>): past it, a change
/// is refused beside its field and nothing is saved.</summary>
public abstract class AssignmentCoreWriteLimitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, configure: services =>
        services.Replace(ServiceDescriptor.Singleton(new Portal.Infrastructure.WriteLimits.WriteLimitSettings
        {
            Writes = { [AssignmentService.Write] = new Portal.Infrastructure.WriteLimits.WriteLimitSetting { Limit = 2 } },
        })));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_a_write_is_refused_and_nothing_is_saved()
    {
        var anna = new Caller(P.Administrator);
        var id = await _database.Get<AssignmentService>().RegisterAsync(anna, new AssignmentDraft("Ju2017/01999/PO", "Uppdrag", "Justitiedepartementet",
            new DateOnly(2017, 3, 9), new DateOnly(2017, 3, 9), new DateOnly(2017, 12, 31), ["Samordna"], [], false, 0m, [],
            new DateOnly(2018, 3, 15), new DateOnly(2018, 3, 15), null));
        var plan = _database.Get<ActivityPlanService>();
        var activity = await plan.PlanAsync(anna, new ActivityDraft(2017, "Nätverksträff", null, ActivityKind.Network, P.NmtLead, id, [], null,
            new DateOnly(2017, 4, 1), new DateOnly(2017, 4, 1), ActivityStatus.Planned, 0m, 0m, [], false));

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => plan.UpdateProgressAsync(anna, activity, ActivityStatus.Done, 500m));

        refusal.Code.ShouldBe("assignment.rate-limited");
        refusal.Field.ShouldBe("status");
        (await plan.GetAsync(anna, activity))!.Status.ShouldBe(ActivityStatus.Planned);
    }
}

public sealed class SqliteAssignmentCoreWriteLimitTests() : AssignmentCoreWriteLimitTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAssignmentCoreWriteLimitTests() : AssignmentCoreWriteLimitTests(DatabaseProvider.Postgres);

public sealed class SqliteAssignmentCoreServiceTests() : AssignmentCoreServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAssignmentCoreServiceTests() : AssignmentCoreServiceTests(DatabaseProvider.Postgres);
