using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Updates;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Documents;
using P = Portal.Infrastructure.Seeding.DemoData.Personas;
using W = Portal.Infrastructure.Seeding.DemoData.Workspaces;

namespace Portal.Tests.Infrastructure.Access;

/// <summary>The access policy's two faces must agree: for every registered resource kind
/// (<see cref="AccessCases"/>), every member and every item, the per-item check says yes exactly when
/// the list query returns the item. Run on the demo data plus the states that are easy to get wrong:
/// invited to a hidden workspace, left, removed, requested, declined, withdrawn, a disabled
/// organisation, threads shared across workspaces, deleted and removed posts, updates in a hidden
/// workspace, draft-only and published documents in every kind of place.</summary>
public abstract class AccessConsistencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await AddTrickyStatesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");

    private async Task AddTrickyStatesAsync()
    {
        var workspaces = _database.Get<WorkspaceService>();
        var administration = _database.Get<AdministrationService>();
        var discussions = _database.Get<DiscussionService>();
        var updates = _database.Get<UpdateService>();
        await AddMeetingStatesAsync();
        await AddAssignmentStatesAsync();

        // A second hidden workspace, led by a non-administrator, with one invitee still deciding;
        // it has a thread and an update that only its member reads.
        var hidden = await administration.CreateWorkspaceAsync(P.Administrator,
            new WorkspaceInput("Skyddad arbetsgrupp", WorkspaceKind.WorkingGroup, WorkspaceVisibility.Hidden, null, [P.NmtPolice]));
        await workspaces.InviteAsync(P.NmtPolice, hidden, P.RegionalCoordinator, MembershipRole.Member);
        await discussions.StartThreadAsync(P.NmtPolice, [hidden], "Skyddat ärende", [], false, "Endast gruppen");
        await updates.PostUpdateAsync(P.NmtPolice, hidden, "Skyddad uppdatering", null);
        await workspaces.InviteAsync(P.Administrator, W.SteeringGroup, P.LampLead, MembershipRole.Observer);
        await discussions.StartThreadAsync(P.Administrator, [W.SteeringGroup], "Intern planering", [], false, "Verksamhetsplanen");
        await updates.PostUpdateAsync(P.Administrator, W.SteeringGroup, "Ledningsgruppen ses på fredag", null);

        // A thread shared with an open workspace, and a LAMP-only thread with a deleted and a removed post.
        await workspaces.JoinAsync(P.NmtLead, W.InformationNetwork);
        await discussions.StartThreadAsync(P.NmtLead, [W.Nmt, W.InformationNetwork], "Öppen fråga till alla", [], false, "Välkomna");
        var lamp = await discussions.StartThreadAsync(P.LampLead, [W.Lamp], "Endast LAMP", [], true, "Länsrapporter");
        var deleted = await discussions.PostAsync(Member("eva.nystrom"), lamp.ThreadId, "Raderas");
        await discussions.DeletePostAsync(Member("eva.nystrom"), deleted.PostId);
        var removed = await discussions.PostAsync(Member("helena.aberg"), lamp.ThreadId, "Tas bort");
        await discussions.RemovePostAsync(P.LampLead, removed.PostId, "Fel tråd");
        await updates.PostUpdateAsync(P.LampLead, W.Lamp, "Länsrapporterna ska in på måndag", null);

        // Left, removed, requested, declined and withdrawn.
        await workspaces.LeaveAsync(P.NmtPolice, W.ManualRevision);
        await workspaces.LeaveAsync(P.NmtPolice, W.Nmt);
        await workspaces.RemoveMemberAsync(P.NmtLead, W.Nmt, Member("mats.olsson"), "Byter tjänst");
        await workspaces.RemoveMemberAsync(P.LampLead, W.Lamp, Member("eva.nystrom"), "Byter tjänst");
        await workspaces.RequestToJoinAsync(P.RegionalCoordinator, W.Nmt, "Metodstöd i Skåne");
        await workspaces.RequestToJoinAsync(P.NgoMember, W.Lamp, null);
        await workspaces.DeclineRequestAsync(P.LampLead, W.Lamp, P.NgoMember, "Endast länsstyrelser");
        await workspaces.RequestToJoinAsync(P.NgoMember, W.ManualRevision, null);
        await workspaces.WithdrawRequestAsync(P.NgoMember, W.ManualRevision);
        await workspaces.InviteAsync(P.NmtLead, W.RegionalCoordinators, P.NgoMember, MembershipRole.Member);
        // Someone who left a hidden workspace knows it no more.
        await workspaces.LeaveAsync(Member("johanna.wall"), W.SteeringGroup);

        // A disabled organisation: its members cannot act (LoadActorAsync refuses them), but the
        // policy's two faces must still agree about them.
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await AddDocumentStatesAsync(db);
        var ngo = await db.Members.Where(m => m.Id == P.NgoMember).Select(m => m.OrganisationId).SingleAsync();
        await administration.DisableOrganisationAsync(P.Administrator, ngo);
    }

    /// <summary>Documents whose visibility turns on drafts, reviewers and the workspace's kind (besides the
    /// demo library): a draft-only document in a hidden workspace (its owner and the workspace's leads), a
    /// portal-wide draft-only one (its owner and the administrators), a draft whose named reviewers are a
    /// member from another organisation and one who has left the workspace, a published document in a
    /// closed workspace and a portal-wide published one.</summary>
    private static async Task AddDocumentStatesAsync(PortalDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        async Task<GuidanceDocument> DraftOnly(Guid? workspaceId, Guid ownerId, string title)
        {
            var document = GuidanceDocument.Create(workspaceId, await db.OrganisationOfAsync(ownerId), ownerId,
                new DocumentMetadata(title, null, DocumentType.Routine, DocumentAudience.Both, [], today.AddMonths(6)), "Utkast", null, today, now);
            db.Documents.Add(document);
            return document;
        }

        await DraftOnly(W.SteeringGroup, P.NmtLead, "Utkast i dolt arbetsrum");
        await DraftOnly(null, Member("johan.berg"), "Portalgemensamt utkast");
        var reviewed = await DraftOnly(W.ManualRevision, Member("hanna.lind"), "Utkast med granskare");
        reviewed.SetReviewers(reviewed.Draft!.Id, [
            new DocumentReviewer(Member("greta.alm"), await db.OrganisationOfAsync(Member("greta.alm"))),
            new DocumentReviewer(P.NmtPolice, await db.OrganisationOfAsync(P.NmtPolice)), // left the group above
        ], now);
        await DocumentTestDocuments.PublishedAsync(db, W.Lamp, P.LampLead, P.NmtLead, today, now, title: "Publicerad i LAMP");
        await DocumentTestDocuments.PublishedAsync(db, null, P.Administrator, P.NmtPolice, today, now, title: "Publicerad för alla");
        await db.SaveChangesAsync();
    }

    /// <summary>Meetings whose visibility turns on invitations: one in closed NMT for the whole workspace (Karin
    /// Holm and Mats Olsson, invited, then leave or are removed below: still invitees, no longer readers), one in
    /// the hidden steering group for chosen members, one shared by NMT and the regional coordinators.</summary>
    private async Task AddMeetingStatesAsync()
    {
        var meetings = _database.Get<Portal.Infrastructure.Features.Meetings.MeetingService>();
        var start = DateTime.Today.AddDays(10).AddHours(9);
        Portal.Infrastructure.Features.Meetings.MeetingDraft Draft(string title, Guid[] workspaceIds,
            Portal.Infrastructure.Features.Meetings.InviteeSelection invitees) =>
            new(Portal.Domain.Meetings.MeetingKind.Meeting, title, null, workspaceIds, start, start.AddHours(1), null, null,
                Portal.Domain.Meetings.MeetingRecurrence.Weekly(1, 2, null), invitees);
        await meetings.ScheduleAsync(P.NmtLead, Draft("NMT-möte", [W.Nmt], Portal.Infrastructure.Features.Meetings.InviteeSelection.WholeWorkspace));
        await meetings.ScheduleAsync(P.Administrator, Draft("Ledningsgruppens möte", [W.SteeringGroup],
            new Portal.Infrastructure.Features.Meetings.InviteeSelection(false, [Member("johanna.wall")], [])));
        await meetings.ScheduleAsync(P.NmtLead, Draft("Gemensamt möte", [W.Nmt, W.RegionalCoordinators],
            new Portal.Infrastructure.Features.Meetings.InviteeSelection(false, [P.RegionalCoordinator], [])));
    }

    /// <summary>Two assignments — one with activities owned inside and outside the coordinator's organisation, one
    /// with none — so that an owner sees one assignment and not the other, the staff both, everyone else neither.</summary>
    private async Task AddAssignmentStatesAsync()
    {
        var assignments = _database.Get<Portal.Infrastructure.Features.Assignments.AssignmentService>();
        var plan = _database.Get<Portal.Infrastructure.Features.Assignments.ActivityPlanService>();
        var secretariat = new Portal.Infrastructure.Auditing.Caller(P.Administrator);
        Portal.Infrastructure.Features.Assignments.AssignmentDraft Decision(string number) =>
            new(number, "Uppdrag att samordna arbetet mot människohandel", "Justitiedepartementet", new DateOnly(2026, 1, 10),
                new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ["Samordna", "Utbilda"], [], false, 300_000m,
                [new(300_000m, "UO 4", "1:6", "ap.1", "Kammarkollegiet", new DateOnly(2026, 9, 15))],
                new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 15), null);
        var owned = await assignments.RegisterAsync(secretariat, Decision("Ju2026/00001/PO"));
        await assignments.RegisterAsync(secretariat, Decision("S2026/00002/FST"));
        Portal.Infrastructure.Features.Assignments.ActivityDraft Activity(string title, Guid owner, Guid? assignment) =>
            new(2026, title, null, Portal.Domain.Assignments.ActivityKind.Training, owner, assignment, [], null, new DateOnly(2026, 3, 1),
                new DateOnly(2026, 6, 30), Portal.Domain.Assignments.ActivityStatus.Planned, 10_000m, 0m, [], false);
        await plan.PlanAsync(secretariat, Activity("Utbildning för polisen", P.NmtPolice, owned));
        await plan.PlanAsync(secretariat, Activity("Nätverksträff", P.NmtLead, owned));
        await plan.PlanAsync(secretariat, Activity("Egen studie", P.NgoMember, null));
    }

    [Fact]
    public async Task Every_registered_kind_lists_exactly_the_items_its_per_item_check_allows_for_every_member()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var actors = await ActorsAsync(db);
        actors.Count.ShouldBeGreaterThan(40);

        var disagreements = new List<string>();
        foreach (var kind in AccessCases.All)
        {
            var items = await kind.LoadAsync(db);
            items.ShouldNotBeEmpty(kind.Kind);
            foreach (var actor in actors)
            {
                var listed = (await kind.Listed(db, actor).ToListAsync()).ToHashSet();
                foreach (var item in items)
                {
                    var allowed = item.Allows(actor);
                    if (allowed != listed.Contains(item.Id))
                        disagreements.Add($"{kind.Kind}: member {actor.MemberId} / {item.Label}: item says {allowed}, list says {!allowed}");
                }
            }
        }

        disagreements.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_data_gives_every_kind_both_answers_and_holds_every_membership_state()
    {
        // Guards the harness against passing on data that never says no (or never yes).
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var statuses = await db.Memberships.Select(m => m.Status).Distinct().ToListAsync();
        statuses.ShouldBe(Enum.GetValues<MembershipStatus>(), ignoreOrder: true);
        (await db.Organisations.AnyAsync(o => !o.Enabled)).ShouldBeTrue();

        var actors = await ActorsAsync(db);
        foreach (var kind in AccessCases.All)
        {
            var items = await kind.LoadAsync(db);
            var answers = actors.SelectMany(a => items.Select(i => i.Allows(a))).Distinct().ToList();
            answers.ShouldBe([false, true], ignoreOrder: true, kind.Kind);
        }
    }

    [Fact]
    public void Every_query_face_of_the_policy_is_registered_with_the_harness()
    {
        var queryFaces = typeof(AccessPolicy).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Expression<>))
            .Select(m => m.Name)
            .ToList();

        queryFaces.ShouldNotBeEmpty();
        queryFaces.ShouldBe(AccessCases.All.Select(c => c.QueryFace).Distinct(), ignoreOrder: true);
    }

    private static Task<List<Actor>> ActorsAsync(PortalDbContext db) =>
        db.Members.AsNoTracking().Select(m => new Actor(m.Id, m.OrganisationId, m.IsAdministrator)).ToListAsync();
}

public sealed class SqliteAccessConsistencyTests() : AccessConsistencyTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAccessConsistencyTests() : AccessConsistencyTests(DatabaseProvider.Postgres);
