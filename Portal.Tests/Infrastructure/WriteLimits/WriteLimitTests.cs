using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Updates;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Tests.Infrastructure.WriteLimits;

/// <summary>The database-counted write limits (ADR 0019): the default limits hold on every write path
/// that the probe found open, they hold when one member writes over many connections at once, and a
/// refused write saves nothing.</summary>
public abstract class WriteLimitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Erik = DemoData.Personas.NmtLead;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, configure: services =>
    {
        services.AddSingleton<TimeProvider>(_clock);
        // Only the post limit is under test in the parallel case: starting threads is limited on its own.
        services.AddSingleton(new WriteLimitSettings
        {
            Writes =
            {
                [DiscussionWrites.Thread] = new WriteLimitSetting { Limit = 1000 },
                [DiscussionWrites.Mention] = new WriteLimitSetting { Limit = 2 },
            },
        });
    });

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DiscussionService Discussions => _database.Get<DiscussionService>();

    private UpdateService Updates => _database.Get<UpdateService>();

    [Fact]
    public async Task Sixth_update_within_a_minute_is_refused_beside_the_text_and_not_saved()
    {
        for (var i = 0; i < 5; i++)
            await Updates.PostUpdateAsync(Karin, DemoData.Workspaces.Nmt, $"Uppdatering {i}", null);

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Updates.PostUpdateAsync(Karin, DemoData.Workspaces.Nmt, "En till", null));

        refusal.Code.ShouldBe("update.rate-limited");
        refusal.Field.ShouldBe("text");
        (await Updates.GetWorkspaceFeedAsync(Karin, DemoData.Workspaces.Nmt)).ShouldNotContain(u => u.Text == "En till");
        // Another member is not held by Karin's writes, and Karin may write again once the minute has passed.
        await Updates.PostUpdateAsync(Erik, DemoData.Workspaces.Nmt, "Från Erik", null);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Updates.PostUpdateAsync(Karin, DemoData.Workspaces.Nmt, "En till", null);
    }

    [Fact]
    public async Task Posts_of_one_member_over_many_parallel_connections_never_pass_the_limit()
    {
        var thread = (await Discussions.ListThreadsAsync(Karin, DemoData.Workspaces.Nmt)).Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var limit = _database.Get<WriteLimiter>().For(DiscussionWrites.Post).Limit;
        int before;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            before = await db.Posts.CountAsync(p => p.AuthorId == Karin);

        // Replies in one thread and new threads (each with its first post) at the same moment, each on
        // its own connection: nothing orders them but the limit's lock.
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                if (i % 2 == 0)
                    await Discussions.PostAsync(Karin, thread, $"Samtidigt svar {i}");
                else
                    await Discussions.StartThreadAsync(Karin, [DemoData.Workspaces.Nmt], $"Samtidig tråd {i}", [ExploitationForm.ForcedLabour], false, $"Första inlägget {i}");
                return null;
            }
            catch (DomainRuleException refusal)
            {
                return refusal.Code;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(o => o is null).ShouldBe(limit);
        outcomes.Where(o => o is not null).ShouldAllBe(code => code == "post.rate-limited");
        await using var check = await _database.Contexts.CreateDbContextAsync();
        (await check.Posts.CountAsync(p => p.AuthorId == Karin)).ShouldBe(before + limit);
        (await check.RecentWrites.Where(w => w.MemberId == Karin && w.Kind == DiscussionWrites.Post).SumAsync(w => w.Count)).ShouldBe(limit);
    }

    [Fact]
    public async Task Requests_to_join_beyond_the_limit_are_refused_beside_the_message()
    {
        var limit = _database.Get<WriteLimiter>().For(WorkspaceWrites.Membership).Limit;
        var workspaces = _database.Get<WorkspaceService>();
        var ola = DemoData.Personas.RegionalCoordinator;
        // A request and its withdrawal notify the leads each time: the loop the limit stops.
        for (var i = 0; i < limit / 2; i++)
        {
            await workspaces.RequestToJoinAsync(ola, DemoData.Workspaces.Nmt, "Metodstöd i Skåne");
            await workspaces.WithdrawRequestAsync(ola, DemoData.Workspaces.Nmt);
        }

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => workspaces.RequestToJoinAsync(ola, DemoData.Workspaces.Nmt, "Igen"));

        refusal.Code.ShouldBe("membership.rate-limited");
        refusal.Field.ShouldBe("membership.message");
        (await workspaces.GetAsync(Erik, DemoData.Workspaces.Nmt)).PendingRequests!.ShouldNotContain(r => r.Person.MemberId == ola);
    }

    [Fact]
    public async Task Reactions_edits_and_mentions_count_against_their_own_limits()
    {
        var limiter = _database.Get<WriteLimiter>();
        var thread = (await Discussions.ListThreadsAsync(Karin, DemoData.Workspaces.Nmt)).Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var post = await Discussions.PostAsync(Erik, thread, "Vad säger ni?");
        for (var i = 0; i < limiter.For(DiscussionWrites.Reaction).Limit; i++)
            await Discussions.ReactAsync(Karin, post.PostId, "👍");
        (await Should.ThrowAsync<DomainRuleException>(() => Discussions.ReactAsync(Karin, post.PostId, "👍"))).Code.ShouldBe("reaction.rate-limited");

        var mine = await Discussions.PostAsync(Karin, thread, "Utkast");
        for (var i = 0; i < limiter.For(DiscussionWrites.Edit).Limit; i++)
            await Discussions.EditPostAsync(Karin, mine.PostId, $"Utkast {i}");
        var edit = await Should.ThrowAsync<DomainRuleException>(() => Discussions.EditPostAsync(Karin, mine.PostId, "Sista utkastet"));
        edit.ShouldSatisfyAllConditions(e => e.Code.ShouldBe("edit.rate-limited"), e => e.Field.ShouldBe("body"));

        // Mentions count one per person named (the limit is lowered to 2 for this class): naming three is refused whole.
        var three = $"@[Karin Holm](member:{Karin:D}) @[Maria Ek](member:{DemoData.IdFor("member:maria.ek"):D}) @[Johan Berg](member:{DemoData.IdFor("member:johan.berg"):D})";
        var mention = await Should.ThrowAsync<DomainRuleException>(() => Discussions.PostAsync(Erik, thread, three));
        mention.ShouldSatisfyAllConditions(m => m.Code.ShouldBe("mention.rate-limited"), m => m.Field.ShouldBe("body"));
        (await Discussions.GetThreadAsync(Erik, thread)).Posts.ShouldNotContain(p => p.Post.Markdown == three);
    }
}

public sealed class SqliteWriteLimitTests() : WriteLimitTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresWriteLimitTests() : WriteLimitTests(DatabaseProvider.Postgres);
