using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Bench.Data;
using Portal.Bench.Data.Parts;
using Portal.Bench.Data.Text;
using Portal.Domain.Discussions;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Tests.Support;

namespace Portal.Tests.Bench;

/// <summary>The bench's data generator at a small scale, on a real database of each provider: the
/// volume asked for, the same rows from the same seed, members who can sign in and read their
/// workspaces' threads through the product's use cases, and generated posts that search finds.</summary>
public abstract class BenchDataGeneratorTests(GeneratedDatabase data)
{
    private const double Scale = GeneratedDatabase.Scale;
    private DatabaseProvider Provider => data.Provider;
    private TestDatabase Generated => data.Database;
    private GenerationReport Report => data.Report;

    private GeneratedWorld World => Report.World;

    private BenchDataOptions Options(TestDatabase database, int seed) => GeneratedDatabase.Options(database, seed);

    [Fact]
    public async Task Generates_the_volume_asked_for()
    {
        var volume = Volume.For(Scale);
        await using var db = await Generated.Contexts.CreateDbContextAsync();

        (await db.Organisations.CountAsync()).ShouldBe(volume.Organisations);
        (await db.Members.CountAsync()).ShouldBe(volume.Members);
        (await db.Workspaces.CountAsync()).ShouldBe(volume.Workspaces);
        (await db.Threads.CountAsync()).ShouldBe(volume.Threads);
        (await db.Posts.CountAsync()).ShouldBe(volume.Posts);
        // Every thread has its first post; every member belongs somewhere; every visibility occurs.
        (await db.Threads.CountAsync(t => !db.Posts.Any(p => p.ThreadId == t.Id && p.Sequence == 1))).ShouldBe(0);
        (await db.Members.CountAsync(m => !db.Memberships.Any(s => s.MemberId == m.Id && s.Status == MembershipStatus.Active))).ShouldBe(0);
        (await db.Workspaces.Select(w => w.Visibility).Distinct().ToListAsync())
            .ShouldBe([WorkspaceVisibility.Open, WorkspaceVisibility.Closed, WorkspaceVisibility.Hidden], ignoreOrder: true);
        (await db.Memberships.Select(m => m.Role).Distinct().ToListAsync())
            .ShouldBe([MembershipRole.Lead, MembershipRole.Member, MembershipRole.Observer], ignoreOrder: true);
        // The search index has the thread's own entry and one per post still shown.
        var shown = await db.Posts.CountAsync(p => p.DeletedAt == null && p.RemovedAt == null);
        (await db.Set<SearchEntry>().CountAsync(e => e.SubjectKind == ThreadSubjectKind.Name)).ShouldBe(volume.Threads + shown);
        // Documents: each published, some in several versions, acknowledged by some, in the index with their text.
        var documents = await db.Documents.CountAsync();
        documents.ShouldBeGreaterThanOrEqualTo(World.Workspaces.Count / 2);
        (await db.Documents.CountAsync(d => !d.Versions.Any(v => v.Status == DocumentVersionStatus.Published))).ShouldBe(0);
        (await db.Documents.CountAsync(d => d.Versions.Count(v => v.Status == DocumentVersionStatus.Published) > 1)).ShouldBeGreaterThan(0);
        (await db.DocumentReviews.CountAsync(r => r.Decision == ReviewDecision.Approved)).ShouldBeGreaterThanOrEqualTo(documents);
        (await db.DocumentAcknowledgements.CountAsync()).ShouldBeGreaterThan(0);
        (await db.Set<SearchEntry>().CountAsync(e => e.SubjectKind == DocumentSubjectKind.Name)).ShouldBe(2 * documents);
        // Meetings: a series in every workspace with a lead, replies ahead, minutes and action items behind.
        (await db.Meetings.CountAsync()).ShouldBeGreaterThanOrEqualTo(World.Workspaces.Count(w => w.Leads.Count > 0 && w.Readers.Count >= 3));
        (await db.MeetingReplies.CountAsync()).ShouldBeGreaterThan(0);
        (await db.Meetings.SelectMany(m => m.ActionItems).CountAsync()).ShouldBeGreaterThan(0);
        // Method support: one desk, requests in every state from new to closed.
        (await db.SupportDesks.CountAsync()).ShouldBe(1);
        (await db.SupportRequests.CountAsync()).ShouldBeGreaterThanOrEqualTo(20);
        (await db.SupportRequests.Select(r => r.Status).Distinct().CountAsync()).ShouldBeGreaterThan(2);
        // Assignments: a decision a year with parts and budget lines; this year's plan serving them, linked to what the parts before made.
        (await db.GovernmentAssignments.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        (await db.GovernmentAssignments.CountAsync(a => !a.Parts.Any() || !a.BudgetLines.Any())).ShouldBe(0);
        var activities = await db.PlannedActivities.CountAsync();
        activities.ShouldBeGreaterThanOrEqualTo(20);
        (await db.PlannedActivities.CountAsync(a => a.AssignmentId != null)).ShouldBeGreaterThan(0);
        (await db.PlannedActivities.SelectMany(a => a.Links).Select(l => l.Kind).Distinct().CountAsync()).ShouldBe(4);
        (await db.Set<SearchEntry>().CountAsync(e => e.SubjectKind == ActivitySubjectKind.Name)).ShouldBe(activities);
        (await db.Set<SearchEntry>().CountAsync(e => e.SubjectKind == AssignmentSubjectKind.Name)).ShouldBe(await db.GovernmentAssignments.CountAsync());
        (await db.PostReactions.CountAsync()).ShouldBeGreaterThan(0);
        (await db.ThreadReadStates.CountAsync()).ShouldBeGreaterThan(0);
        (await db.Notifications.CountAsync()).ShouldBeGreaterThan(0);
        (await db.WorkspaceUpdates.CountAsync()).ShouldBeGreaterThan(0);
        Report.Rows["posts"].ShouldBe(volume.Posts);
    }

    [Fact]
    public void The_full_volume_is_the_issues()
    {
        Volume.For(1.0).ShouldBe(new Volume(120, 2_000, 150, 10_000, 200_000));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        // Two new databases (the shared one changes as other tests sign in).
        await using var first = await TestDatabase.CreateAsync(Provider, seed: false);
        await BenchDataGenerator.GenerateAsync(Options(first, seed: 42));
        await using var again = await TestDatabase.CreateAsync(Provider, seed: false);
        await BenchDataGenerator.GenerateAsync(Options(again, seed: 42));
        await using var other = await TestDatabase.CreateAsync(Provider, seed: false);
        // The first parts are enough to tell seeds apart: the list of parts is the generator's one extension point.
        await BenchDataGenerator.GenerateAsync(Options(other, seed: 43), [new OrganisationsPart(), new MembersPart()]);

        var expected = await FingerprintAsync(first);
        (await FingerprintAsync(again)).ShouldBe(expected);
        (await FingerprintAsync(other))["members"].ShouldNotBe(expected["members"]);
    }

    [Fact]
    public async Task A_generated_member_signs_in_and_reads_the_threads_of_a_closed_workspace()
    {
        var workspace = World.Workspaces.First(w => w.Visibility == WorkspaceVisibility.Closed && w.Members.Count > 0
            && World.Threads.Any(t => t.WorkspaceIds.Contains(w.Id)));
        var member = workspace.Members[0];
        var outsider = World.Members.First(m => !m.IsAdministrator && !workspace.Readers.Contains(m.Id)).Id;

        var outcome = await Generated.Get<SignInService>().SignInAsPersonaAsync(member);

        outcome.Member.ShouldNotBeNull().MemberId.ShouldBe(member);
        (await Generated.Get<WorkspaceService>().ListMineAsync(member)).Select(s => s.WorkspaceId).ShouldContain(workspace.Id);
        var discussions = Generated.Get<DiscussionService>();
        var threads = await discussions.ListThreadsAsync(member, workspace.Id);
        var expected = World.Threads.Where(t => t.WorkspaceIds.Contains(workspace.Id)).ToList();
        threads.Select(t => t.Id).ShouldBe(expected.Select(t => t.Id), ignoreOrder: true);
        // Shared in this workspace only: no other workspace may let the outsider in.
        var thread = expected.Where(t => t.WorkspaceIds.Count == 1).MaxBy(t => t.Posts).ShouldNotBeNull();
        var details = await discussions.GetThreadAsync(member, thread.Id);
        details.Posts.Sum(p => 1 + p.Replies.Count).ShouldBe(thread.Posts);
        details.Thread.LastSequence.ShouldBe(thread.LastSequence);
        (await discussions.CanSeeThreadAsync(outsider, thread.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Search_finds_a_generated_post_by_another_form_of_its_word_for_its_readers_only()
    {
        // A post saying "barnen" in a thread of a closed workspace; the query says "barnets".
        var closed = World.Workspaces.Where(w => w.Visibility == WorkspaceVisibility.Closed).ToDictionary(w => w.Id);
        var threads = World.Threads.Where(t => t.WorkspaceIds.Count == 1 && closed.ContainsKey(t.WorkspaceIds[0])).Select(t => t.Id).ToList();
        Post post;
        await using (var db = await Generated.Contexts.CreateDbContextAsync())
            post = await db.Posts.AsNoTracking().OrderBy(p => p.Id)
                .FirstAsync(p => threads.Contains(p.ThreadId) && p.DeletedAt == null && p.RemovedAt == null && p.PlainText.Contains(" barnen "));
        var workspace = closed[World.Threads.Single(t => t.Id == post.ThreadId).WorkspaceIds[0]];
        var reader = workspace.Readers[^1];
        var outsider = World.Members.First(m => !m.IsAdministrator && !workspace.Readers.Contains(m.Id)).Id;
        var search = Generated.Get<SearchService>();

        var found = await search.SearchAsync(reader, "barnets", new SearchFilters(WorkspaceId: workspace.Id), pageSize: 100);
        var notFound = await search.SearchAsync(outsider, "barnets", pageSize: 100);

        var hit = found.Hits.Where(h => h.Subject == ThreadSubjectKind.Of(post.ThreadId)).ShouldHaveSingleItem();
        hit.MatchCount.ShouldBeGreaterThan(0);
        hit.Parts.ShouldAllBe(p => p.Snippet.Any(s => s.IsMatch));
        notFound.Hits.ShouldNotContain(h => h.Subject.Id == post.ThreadId);
    }

    [Fact]
    public async Task A_generated_document_is_found_by_its_readers_and_its_owner_sees_who_has_read_it()
    {
        var closed = World.Workspaces.Where(w => w.Visibility == WorkspaceVisibility.Closed).ToDictionary(w => w.Id);
        GuidanceDocument document;
        await using (var db = await Generated.Contexts.CreateDbContextAsync())
        {
            var ids = closed.Keys.ToList();
            document = await db.Documents.AsNoTracking().Include(d => d.Versions).OrderBy(d => d.Id)
                .FirstAsync(d => ids.Contains(d.WorkspaceId!.Value) && db.DocumentAcknowledgements.Any(a => a.DocumentId == d.Id));
        }
        var workspace = closed[document.WorkspaceId!.Value];
        var owner = workspace.Leads[0];
        var outsider = World.Members.First(m => !m.IsAdministrator && !workspace.Readers.Contains(m.Id)).Id;
        var search = Generated.Get<SearchService>();

        var found = await search.SearchAsync(workspace.Readers[^1], document.Title, new SearchFilters(WorkspaceId: workspace.Id, Kind: DocumentSubjectKind.Name), pageSize: 100);
        found.Hits.ShouldContain(h => h.Subject == DocumentSubjectKind.Of(document.Id));
        (await search.SearchAsync(outsider, document.Title, pageSize: 100)).Hits.ShouldNotContain(h => h.Subject.Id == document.Id);

        var overview = await Generated.Get<DocumentAcknowledgementService>().OverviewAsync(owner, document.Id);
        overview.Total.ShouldBe(workspace.Readers.Count);
    }

    [Fact]
    public void The_fast_rendering_of_generated_posts_is_the_products()
    {
        var text = new SwedishText(new BenchRandom(7, "test"));
        var mention = $"@[Ana B. Popescu](member:{Guid.NewGuid():D}) ";
        for (var i = 0; i < 300; i++)
            FastPostRendering.Check((i % 10 == 0 ? mention : "") + text.Post());
    }

    /// <summary>Each table's rows, in a stable order, hashed.</summary>
    private static async Task<Dictionary<string, string>> FingerprintAsync(TestDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        static string Hash(IEnumerable<string> rows) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows.Order(StringComparer.Ordinal)))));
        return new Dictionary<string, string>
        {
            ["organisations"] = Hash((await db.Organisations.AsNoTracking().Include(o => o.Tenants).ToListAsync())
                .Select(o => $"{o.Id} {o.Name} {o.Kind} {o.ParentId} {string.Join(',', o.CountiesServed)} {o.Tenants.Single().TenantId}")),
            ["members"] = Hash((await db.Members.AsNoTracking().ToListAsync()).Select(m =>
                $"{m.Id} {m.TenantId} {m.ObjectId} {m.OrganisationId} {m.DisplayName} {m.Email} {m.Title} {m.County} {m.SecurityStamp} {m.IsAdministrator} {m.LastSignInAt:O} {m.CreatedAt:O} {m.SearchText}")),
            ["memberships"] = Hash((await db.Memberships.AsNoTracking().ToListAsync()).Select(m =>
                $"{m.Id} {m.WorkspaceId} {m.MemberId} {m.Role} {m.Status} {m.Version} {m.StatusChangedAt:O}")),
            ["workspaces"] = Hash((await db.Workspaces.AsNoTracking().ToListAsync()).Select(w => $"{w.Id} {w.Name} {w.Kind} {w.Visibility} {w.Version}")),
            ["threads"] = Hash((await db.Threads.AsNoTracking().Include(t => t.Workspaces).ToListAsync()).Select(t =>
                $"{t.Id} {t.Title} {t.LastSequence} {t.LastActivityAt:O} {t.IsPinned} {t.IsLocked} {string.Join(',', t.WorkspaceIds.Order())}")),
            ["posts"] = Hash((await db.Posts.AsNoTracking().Include(p => p.Revisions).ToListAsync()).Select(p =>
                $"{p.Id} {p.ThreadId} {p.AuthorId} {p.ParentPostId} {p.Sequence} {p.ChangeSequence} {p.PostedAt:O} {p.Html} {string.Join(',', p.Revisions.Select(r => r.Id))}")),
            ["reactions"] = Hash((await db.PostReactions.AsNoTracking().ToListAsync()).Select(r => $"{r.PostId} {r.MemberId} {r.Reaction} {r.ReactedAt:O}")),
            ["search"] = Hash((await db.Set<SearchEntry>().AsNoTracking().ToListAsync()).Select(e => $"{e.Id} {e.SubjectId} {e.PartId} {e.Stems}")),
            ["reading"] = Hash((await db.ThreadReadStates.AsNoTracking().ToListAsync()).Select(r => $"{r.MemberId} {r.ThreadId} {r.LastReadSequence}")
                .Concat((await db.ThreadFollows.AsNoTracking().ToListAsync()).Select(f => $"{f.MemberId} {f.ThreadId} {f.FollowedAt:O}"))),
            ["notifications"] = Hash((await db.Notifications.AsNoTracking().ToListAsync()).Select(n => $"{n.Id} {n.MemberId} {n.Kind} {n.PartId} {n.ReadAt:O}")),
            ["documents"] = Hash((await db.Documents.AsNoTracking().Include(d => d.Versions).ThenInclude(v => v.Reviews).AsSplitQuery().ToListAsync())
                .Select(d => $"{d.Id} {d.WorkspaceId} {d.OwnerId} {d.Title} {d.ReviewDueOn} {string.Join(',', d.Versions.OrderBy(v => v.Number)
                    .Select(v => $"{v.Id}/{v.Number}/{v.Status}/{v.EffectiveFrom}/{v.Body}/{v.Reviews.Count}"))}")
                .Concat((await db.DocumentAcknowledgements.AsNoTracking().ToListAsync()).Select(a => $"{a.DocumentId} {a.VersionId} {a.MemberId} {a.AcknowledgedAt:O}"))),
            ["assignments"] = Hash((await db.GovernmentAssignments.AsNoTracking().Include(a => a.Parts).Include(a => a.BudgetLines).AsSplitQuery().ToListAsync())
                .Select(a => $"{a.Id} {a.RegistrationNumber} {a.TotalBudget} {string.Join(',', a.Parts.Select(p => p.Id))} {string.Join(',', a.BudgetLines.Select(l => $"{l.Id}/{l.Amount}"))}")
                // Links by count: the meetings' and requests' ids are the domain's own, not the seed's.
                .Concat((await db.PlannedActivities.AsNoTracking().Include(a => a.Links).ToListAsync()).Select(a =>
                    $"{a.Id} {a.Title} {a.OwnerId} {a.AssignmentId} {a.Status} {a.PlannedEnd} {string.Join(',', a.PartIds)} {a.Links.Count}"))),
            ["updates"] = Hash((await db.WorkspaceUpdates.AsNoTracking().ToListAsync()).Select(u => $"{u.Id} {u.WorkspaceId} {u.Text} {u.IsPinned}")),
        };
    }
}

/// <summary>One generation per provider, shared by the tests that only read it.</summary>
public abstract class GeneratedDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public const double Scale = 0.01;

    public DatabaseProvider Provider => provider;
    public TestDatabase Database { get; private set; } = null!;
    public GenerationReport Report { get; private set; } = null!;

    public static BenchDataOptions Options(TestDatabase database, int seed) =>
        new(database.Options.Provider, database.Options.ConnectionString!, seed, Scale);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider, seed: false);
        Report = await BenchDataGenerator.GenerateAsync(Options(Database, seed: 42));
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteGeneratedDatabase() : GeneratedDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresGeneratedDatabase() : GeneratedDatabase(DatabaseProvider.Postgres);

public sealed class SqliteBenchDataGeneratorTests(SqliteGeneratedDatabase data)
    : BenchDataGeneratorTests(data), IClassFixture<SqliteGeneratedDatabase>;

[Trait("Database", "Postgres")]
public sealed class PostgresBenchDataGeneratorTests(PostgresGeneratedDatabase data)
    : BenchDataGeneratorTests(data), IClassFixture<PostgresGeneratedDatabase>;
