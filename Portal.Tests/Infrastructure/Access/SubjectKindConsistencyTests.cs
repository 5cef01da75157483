using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using P = Portal.Infrastructure.Seeding.DemoData.Personas;
using W = Portal.Infrastructure.Seeding.DemoData.Workspaces;

namespace Portal.Tests.Infrastructure.Access;

/// <summary>Every registered subject kind answers "who may see it" the same way through all three of its
/// faces: the query face (<see cref="ISubjectKind.VisibleIds"/>, used by the bell and search), the item
/// face per member (<see cref="ISubjectKind.DescribeAsync"/>) and the item face for many members at once
/// (<see cref="ISubjectKind.DescribeForMembersAsync"/>, used when notifying), for every member × subject.</summary>
public abstract class SubjectKindConsistencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    /// <summary>Every subject of each kind. A new kind adds its line here, or the test fails.</summary>
    private static readonly Dictionary<string, Func<PortalDbContext, IQueryable<Guid>>> AllSubjects = new()
    {
        [ThreadSubjectKind.Name] = db => db.Threads.Select(t => t.Id),
        [WorkspaceSubjectKind.Name] = db => db.Workspaces.Select(w => w.Id),
        [DocumentSubjectKind.Name] = db => db.Documents.Select(d => d.Id),
        [Portal.Infrastructure.Features.Meetings.MeetingSubjectKind.Name] = db => db.Meetings.Select(m => m.Id),
        [Portal.Infrastructure.Features.MethodSupport.SupportSubjectKind.Name] = db => db.SupportRequests.Select(r => r.Id),
        [Portal.Infrastructure.Features.Assignments.AssignmentSubjectKind.Name] = db => db.GovernmentAssignments.Select(a => a.Id),
        [Portal.Infrastructure.Features.Assignments.ActivitySubjectKind.Name] = db => db.PlannedActivities.Select(a => a.Id),
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var workspaces = _database.Get<WorkspaceService>();
        // States where the faces could part: an invitee of a hidden workspace, a removed and a former member.
        await workspaces.InviteAsync(P.Administrator, W.SteeringGroup, P.LampLead, MembershipRole.Observer);
        // A meeting for the whole of NMT: Karin Holm, removed below, stays its invitee and still sees it.
        var start = DateTime.Today.AddDays(10).AddHours(9);
        await _database.Get<Portal.Infrastructure.Features.Meetings.MeetingService>().ScheduleAsync(P.NmtLead,
            new Portal.Infrastructure.Features.Meetings.MeetingDraft(Portal.Domain.Meetings.MeetingKind.Meeting, "NMT-möte", null, [W.Nmt],
                start, start.AddHours(1), null, null, null, Portal.Infrastructure.Features.Meetings.InviteeSelection.WholeWorkspace));
        // An assignment with an activity owned outside the secretariat (its owner sees both), and one with none.
        var secretariat = new Portal.Infrastructure.Auditing.Caller(P.Administrator);
        Portal.Infrastructure.Features.Assignments.AssignmentDraft Decision(string number) =>
            new(number, "Uppdrag mot människohandel", "Justitiedepartementet", new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 1),
                new DateOnly(2026, 12, 31), ["Samordna"], [], false, 0m, [], new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 15), null);
        var assignment = await _database.Get<Portal.Infrastructure.Features.Assignments.AssignmentService>()
            .RegisterAsync(secretariat, Decision("Ju2026/00001/PO"));
        await _database.Get<Portal.Infrastructure.Features.Assignments.AssignmentService>().RegisterAsync(secretariat, Decision("S2026/00002/FST"));
        await _database.Get<Portal.Infrastructure.Features.Assignments.ActivityPlanService>().PlanAsync(secretariat,
            new Portal.Infrastructure.Features.Assignments.ActivityDraft(2026, "Utbildning för polisen", null,
                Portal.Domain.Assignments.ActivityKind.Training, P.LampLead, assignment, [], null, new DateOnly(2026, 3, 1),
                new DateOnly(2026, 3, 31), Portal.Domain.Assignments.ActivityStatus.Planned, 0m, 0m, [], false));
        await workspaces.RemoveMemberAsync(P.NmtLead, W.Nmt, P.NmtPolice, "Byter tjänst");
        await workspaces.LeaveAsync(P.NmtLead, W.Lamp);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_kind_answers_alike_through_its_query_face_its_item_face_and_its_many_members_face()
    {
        var kinds = _database.Get<SubjectRegistry>();
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var actors = await db.Members.AsNoTracking()
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new Actor(m.Id, m.OrganisationId, m.IsAdministrator))
            .ToListAsync();
        kinds.Kinds.ShouldBeSubsetOf(AllSubjects.Keys);

        var checkedPairs = 0;
        foreach (var kindName in kinds.Kinds)
        {
            var kind = kinds.Get(kindName);
            var ids = await AllSubjects[kindName](db).ToListAsync();
            var visibleTo = new Dictionary<Guid, HashSet<Guid>>();
            foreach (var actor in actors)
            {
                var listed = (await kind.VisibleIds(db, actor).ToListAsync()).ToHashSet();
                var described = await kind.DescribeAsync(db, actor, ids, CancellationToken.None);
                described.Keys.ToHashSet().SetEquals(listed).ShouldBeTrue($"{kindName}: item and query faces differ for {actor.MemberId}");
                visibleTo[actor.MemberId] = listed;
            }
            foreach (var id in ids)
            {
                var many = await kind.DescribeForMembersAsync(db, id, actors, CancellationToken.None);
                var expected = actors.Where(a => visibleTo[a.MemberId].Contains(id)).Select(a => a.MemberId).ToHashSet();
                many.Keys.ToHashSet().SetEquals(expected).ShouldBeTrue($"{kindName} {id}: the many-members face differs");
                checkedPairs += actors.Count;
            }
            // Each kind is seen by some and not by others, or the comparison proves little.
            ids.ShouldContain(id => visibleTo.Values.Any(v => v.Contains(id)) && visibleTo.Values.Any(v => !v.Contains(id)));
        }
        checkedPairs.ShouldBeGreaterThan(0);
    }
}

public sealed class SqliteSubjectKindConsistencyTests() : SubjectKindConsistencyTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSubjectKindConsistencyTests() : SubjectKindConsistencyTests(DatabaseProvider.Postgres);
