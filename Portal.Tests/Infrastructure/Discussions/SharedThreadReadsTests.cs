using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Interceptors;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Discussions;

/// <summary>The live pages' shared "changes since" and "read up to here" (ADR 0025): asked by many
/// members at once, each member gets exactly what the use case would give them alone — never what
/// another member's access allows.</summary>
public abstract class SharedThreadReadsTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Fatima = DemoData.Personas.NgoMember; // information network only
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;

    /// <summary>Posts, a reaction, an edit, a deletion, a LAMP-only thread, a member who left NMT, an
    /// unknown member and a disabled organisation: the states in which answers differ by member.</summary>
    private async Task<(List<Guid> Members, List<Guid> Threads)> VariedStatesAsync()
    {
        var nmt = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var open = await ThreadAsync(DemoData.Threads.OpenNetwork);
        var posted = await Discussions.PostAsync(DemoData.Personas.NmtLead, nmt, "Uppföljning av ärendet");
        await Discussions.ReactAsync(Karin, posted.PostId, "👍");
        var mine = await Discussions.PostAsync(DemoData.Personas.Administrator, open, "Hej alla");
        await Discussions.EditPostAsync(DemoData.Personas.Administrator, mine.PostId, "Hej alla, välkomna");
        var gone = await Discussions.PostAsync(Fatima, open, "Fel tråd");
        await Discussions.DeletePostAsync(Fatima, gone.PostId);
        var lamp = await Discussions.StartThreadAsync(DemoData.Personas.LampLead, [DemoData.Workspaces.Lamp], "Endast LAMP", [], false, "Länsrapporter");
        await Database.Get<WorkspaceService>().LeaveAsync(Member("maria.ek"), DemoData.Workspaces.Nmt);

        await using var db = await Database.Contexts.CreateDbContextAsync();
        var fatimasOrganisation = await db.Members.Where(m => m.Id == Fatima).Select(m => m.OrganisationId).SingleAsync();
        await Database.Get<AdministrationService>().DisableOrganisationAsync(DemoData.Personas.Administrator, fatimasOrganisation);
        var members = await db.Members.Select(m => m.Id).ToListAsync();
        return ([.. members, Guid.NewGuid()], [nmt, open, lamp.ThreadId, Guid.NewGuid()]);
    }

    [Fact]
    public async Task Shared_changes_answer_every_member_as_the_use_case_does_alone()
    {
        var (members, threads) = await VariedStatesAsync();
        var shared = Database.Get<ThreadChangeReads>();
        var asked = members.SelectMany(m => threads.Select(t => (Member: m, Thread: t, Since: (long)(m.GetHashCode() & 1)))).ToList();

        // All at once, so that each thread's answers are read together for members with and without access.
        var answers = await Task.WhenAll(asked.Select(a => AnswerAsync(() => shared.GetChangesSinceAsync(a.Member, a.Thread, a.Since))));

        for (var i = 0; i < asked.Count; i++)
        {
            var (member, thread, since) = asked[i];
            var alone = await AnswerAsync(() => Discussions.GetChangesSinceAsync(member, thread, since));
            answers[i].ShouldBe(alone, $"member {member}, thread {thread}");
        }
        answers.ShouldContain(a => a.StartsWith("changes", StringComparison.Ordinal));
        answers.ShouldContain("NotFoundException thread.notfound");
        answers.ShouldContain("AccessDeniedException organisation.disabled");
        answers.ShouldContain("AccessDeniedException member.unknown");
    }

    [Fact]
    public async Task Shared_read_marks_advance_each_member_mark_their_notifications_and_refuse_outsiders()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var erik = DemoData.Personas.NmtLead;
        var maria = Member("maria.ek");
        var first = await Discussions.PostAsync(Karin, thread, $"{Mention("Maria Ek", maria)}, se detta.");
        var second = await Discussions.PostAsync(Karin, thread, "Och detta.");
        var notifications = Database.Get<NotificationService>();
        var unread = await notifications.UnreadCountAsync(maria);
        unread.ShouldBeGreaterThanOrEqualTo(1);
        var marks = Database.Get<ThreadReadMarks>();

        var fatima = AnswerAsync(async () => { await marks.MarkReadAsync(Fatima, thread, second.Sequence); return "marked"; });
        var unknown = AnswerAsync(async () => { await marks.MarkReadAsync(Guid.NewGuid(), thread, second.Sequence); return "marked"; });
        // Two tabs of Erik's: the furthest counts. Maria has read up to the mention only.
        await Task.WhenAll(
            marks.MarkReadAsync(erik, thread, second.Sequence),
            marks.MarkReadAsync(erik, thread, first.Sequence),
            marks.MarkReadAsync(maria, thread, first.Sequence),
            marks.MarkReadAsync(Karin, thread, long.MaxValue));

        (await fatima).ShouldBe("NotFoundException thread.notfound");
        (await unknown).ShouldBe("AccessDeniedException member.unknown");
        (await Discussions.GetThreadAsync(erik, thread)).MyLastReadSequence.ShouldBe(second.Sequence);
        (await Discussions.GetThreadAsync(maria, thread)).MyLastReadSequence.ShouldBe(first.Sequence);
        var karins = await Discussions.GetThreadAsync(Karin, thread);
        karins.MyLastReadSequence.ShouldBe(karins.Thread.LastSequence);
        // The mention is read; whatever came of the later post is not.
        (await notifications.UnreadCountAsync(maria)).ShouldBe(unread - 1);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        (await db.ThreadReadStates.AnyAsync(r => r.ThreadId == thread && r.MemberId == Fatima)).ShouldBeFalse();
    }

    /// <summary>An answer or a refusal, as text that compares by value.</summary>
    private static async Task<string> AnswerAsync<T>(Func<Task<T>> call)
    {
        try
        {
            var answer = await call();
            return answer is string text ? text : "changes " + JsonSerializer.Serialize(answer);
        }
        catch (Exception exception) when (exception is NotFoundException or AccessDeniedException)
        {
            return $"{exception.GetType().Name} {exception.Message}";
        }
    }
}

public sealed class SqliteSharedThreadReadsTests() : SharedThreadReadsTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSharedThreadReadsTests() : SharedThreadReadsTests(DatabaseProvider.Postgres)
{
    // On PostgreSQL only: SQLite's provider completes its "async" reads before returning, so a round
    // started by the first asker ends before the next asker on the same thread asks. How rounds
    // gather requests is shown without a database in SharedReadsTests.
    [Fact]
    public async Task Many_pages_asking_at_once_share_the_reads()
    {
        var thread = await ThreadAsync(DemoData.Threads.OpenNetwork);
        await Discussions.PostAsync(DemoData.Personas.Administrator, thread, "Nytt inlägg");
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var members = await db.Members.Select(m => m.Id).ToListAsync();
        var counter = Database.Get<DatabaseCommandCounter>();
        var shared = Database.Get<ThreadChangeReads>();

        var before = counter.Commands;
        var answers = await Task.WhenAll(members.Select(m => shared.GetChangesSinceAsync(m, thread, 0)));
        var commands = counter.Commands - before;

        answers.ShouldAllBe(a => a.ChangedPosts.Any(p => p.Html != null && p.Html.Contains("Nytt inlägg")));
        // Alone, each member's answer costs five commands; asked together they are answered in a few rounds.
        commands.ShouldBeLessThan(members.Count * 5 / 2);
    }
}

