using Portal.Domain.Common;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Discussions;

/// <summary>The composer's "@Ma…" suggestions: only people who may read the thread, matched on a
/// word of their name, never oneself, and nothing for someone who cannot see the thread.</summary>
public abstract class MentionCandidatesTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;

    private MentionCandidates Candidates => Database.Get<MentionCandidates>();

    private async Task<IReadOnlyList<string>> NamesAsync(Guid actor, Guid thread, string typed) =>
        (await Candidates.FindAsync(actor, thread, typed)).Select(p => p.DisplayName).ToList();

    [Fact]
    public async Task In_a_closed_workspace_thread_only_its_members_are_suggested()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        // Maria Ek and Mats Olsson are in NMT; Marco Rossi is only in the open information network.
        (await NamesAsync(Karin, thread, "Ma")).ShouldBe(["Maria Ek", "Mats Olsson"]);
        (await NamesAsync(Karin, thread, "Fat")).ShouldBeEmpty();
    }

    [Fact]
    public async Task In_an_open_workspace_thread_every_member_may_read_and_is_suggested()
    {
        var thread = await ThreadAsync(DemoData.Threads.OpenNetwork, Fatima);

        (await NamesAsync(Fatima, thread, "Mar")).ShouldBe(["Marco Rossi", "Maria Ek", "Tove Mark"]);
    }

    [Fact]
    public async Task Any_word_of_the_name_matches_from_its_start_without_diacritics_but_the_actor_is_left_out()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        (await NamesAsync(Karin, thread, "Eri")).ShouldBe(["Erik Sandberg"]);
        (await NamesAsync(Karin, thread, "sand")).ShouldBe(["Erik Sandberg"]);
        (await NamesAsync(Karin, thread, "Erik Sa")).ShouldBe(["Erik Sandberg"]);
        (await NamesAsync(Karin, thread, "rik")).ShouldBeEmpty(); // inside a word, not a start
        (await NamesAsync(Karin, thread, "Karin")).ShouldBeEmpty(); // herself
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_thread_gets_not_found()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);

        await Should.ThrowAsync<NotFoundException>(() => Candidates.FindAsync(Fatima, thread, "Eri"));
    }
}

public sealed class SqliteMentionCandidatesTests() : MentionCandidatesTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMentionCandidatesTests() : MentionCandidatesTests(DatabaseProvider.Postgres);
