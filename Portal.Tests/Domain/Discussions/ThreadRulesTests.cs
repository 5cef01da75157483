using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Domain.Directory;
using Portal.Domain.Updates;

namespace Portal.Tests.Domain.Discussions;

public sealed class ThreadRulesTests
{
    private static readonly Guid Workspace = Guid.NewGuid();
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static RenderedPost Html(PostBody body) => new($"<p>{body.Markdown}</p>", body.Markdown);

    private static (DiscussionThread, Post) Start(string text = "Första inlägget")
    {
        var body = PostBody.Parse(text);
        return DiscussionThread.Start([Workspace], "Rubrik", [ExploitationForm.ForcedLabour], true, Author, body, Html(body), Now);
    }

    private static Post Add(DiscussionThread thread, Guid author, string text, Post? replyTo = null)
    {
        var body = PostBody.Parse(text);
        return thread.AddPost(author, body, Html(body), replyTo, Now);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Parse_of_empty_body_is_refused(string? text) =>
        Should.Throw<DomainRuleException>(() => PostBody.Parse(text)).Code.ShouldBe("post.body.required");

    [Fact]
    public void Parse_of_body_over_20000_characters_is_refused()
    {
        PostBody.Parse(new string('a', PostBody.MaxLength)).Markdown.Length.ShouldBe(PostBody.MaxLength);
        Should.Throw<DomainRuleException>(() => PostBody.Parse(new string('a', PostBody.MaxLength + 1))).Code.ShouldBe("post.body.too-long");
    }

    [Fact]
    public void Parse_of_pasted_5MB_image_is_refused_as_too_long() =>
        Should.Throw<DomainRuleException>(() => PostBody.Parse("![x](data:image/png;base64," + new string('A', 5_000_000) + ")"))
            .Code.ShouldBe("post.body.too-long");

    [Fact]
    public void Parse_finds_member_and_workspace_mentions_once_each()
    {
        var member = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        var body = PostBody.Parse($"Hej @[Karin Holm](member:{member}) och @[NMT](workspace:{workspace}), @[Karin](member:{member}) igen. @[x](member:inte-ett-id)");
        body.Mentions.ShouldBe([new Mention(MentionKind.Member, member, "Karin Holm"), new Mention(MentionKind.Workspace, workspace, "NMT")]);
    }

    [Fact]
    public void Start_gives_first_post_sequence_one_and_raises_thread_started()
    {
        var (thread, post) = Start();
        post.Sequence.ShouldBe(1);
        thread.LastSequence.ShouldBe(1);
        thread.ChildConcerned.ShouldBeTrue();
        var started = thread.DomainEvents.OfType<ThreadActivity>().Single();
        started.ShouldBe(started with { ThreadId = thread.Id, Sequence = 1, Kind = ThreadActivityKind.ThreadStarted, PostId = post.Id, ActorId = Author });
        started.WorkspaceIds.ShouldBe([Workspace]);
    }

    [Fact]
    public void Start_without_workspace_or_title_is_refused()
    {
        var body = PostBody.Parse("x");
        Should.Throw<DomainRuleException>(() => DiscussionThread.Start([], "T", [], false, Author, body, Html(body), Now)).Code.ShouldBe("thread.workspaces.required");
        Should.Throw<DomainRuleException>(() => DiscussionThread.Start([Workspace], " ", [], false, Author, body, Html(body), Now)).Code.ShouldBe("thread.title.required");
        Should.Throw<DomainRuleException>(() => DiscussionThread.Start([Workspace], new string('t', 201), [], false, Author, body, Html(body), Now)).Code.ShouldBe("thread.title.too-long");
    }

    [Fact]
    public void Every_change_takes_the_next_sequence_and_sets_change_sequence()
    {
        var (thread, first) = Start();
        var second = Add(thread, Other, "Svar");
        second.Sequence.ShouldBe(2);
        var body = PostBody.Parse("Ändrat");
        thread.EditPost(first, Author, body, Html(body), Now.AddMinutes(1));
        first.Sequence.ShouldBe(1);
        first.ChangeSequence.ShouldBe(3);
        thread.ToggleReaction(second, Author, "👍", Now).ShouldBeTrue();
        second.ChangeSequence.ShouldBe(4);
        thread.DeletePost(second, Other, Now);
        second.ChangeSequence.ShouldBe(5);
        thread.LastSequence.ShouldBe(5);
        thread.DomainEvents.OfType<ThreadActivity>().Select(e => e.Kind).ShouldBe([
            ThreadActivityKind.ThreadStarted, ThreadActivityKind.PostAdded, ThreadActivityKind.PostEdited,
            ThreadActivityKind.ReactionChanged, ThreadActivityKind.PostDeleted]);
        thread.DomainEvents.OfType<ThreadActivity>().Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
    }

    [Fact]
    public void Reply_to_a_reply_attaches_to_the_top_level_post()
    {
        var (thread, first) = Start();
        var reply = Add(thread, Other, "Svar", first);
        var replyToReply = Add(thread, Author, "Svar på svaret", reply);
        reply.ParentPostId.ShouldBe(first.Id);
        replyToReply.ParentPostId.ShouldBe(first.Id);
    }

    [Fact]
    public void Reply_to_a_deleted_or_removed_post_is_refused()
    {
        var (thread, first) = Start();
        var second = Add(thread, Other, "Svar");
        thread.DeletePost(first, Author, Now);
        thread.RemovePost(second, Guid.NewGuid(), "Personuppgifter", Now);
        Should.Throw<DomainRuleException>(() => Add(thread, Other, "x", first)).Code.ShouldBe("post.reply.parent-gone");
        Should.Throw<DomainRuleException>(() => Add(thread, Other, "x", second)).Code.ShouldBe("post.reply.parent-gone");
    }

    [Fact]
    public void Locked_thread_refuses_posts_edits_and_reactions()
    {
        var (thread, first) = Start();
        thread.Lock(true, Other);
        Should.Throw<DomainRuleException>(() => Add(thread, Other, "x")).Code.ShouldBe("thread.locked");
        var body = PostBody.Parse("y");
        Should.Throw<DomainRuleException>(() => thread.EditPost(first, Author, body, Html(body), Now)).Code.ShouldBe("thread.locked");
        Should.Throw<DomainRuleException>(() => thread.ToggleReaction(first, Other, "👍", Now)).Code.ShouldBe("thread.locked");
        thread.LastSequence.ShouldBe(1);
    }

    [Fact]
    public void Edit_keeps_the_previous_body_as_a_revision()
    {
        var (thread, first) = Start("Version 1");
        var body = PostBody.Parse("Version 2");
        thread.EditPost(first, Author, body, Html(body), Now.AddMinutes(5));
        first.Markdown.ShouldBe("Version 2");
        first.EditedAt.ShouldBe(Now.AddMinutes(5));
        first.Revisions.Single().Markdown.ShouldBe("Version 1");
        first.Revisions.Single().WrittenAt.ShouldBe(Now);
    }

    [Fact]
    public void Edit_or_delete_by_someone_else_is_refused()
    {
        var (thread, first) = Start();
        var body = PostBody.Parse("y");
        Should.Throw<DomainRuleException>(() => thread.EditPost(first, Other, body, Html(body), Now)).Code.ShouldBe("post.edit.not-author");
        Should.Throw<DomainRuleException>(() => thread.DeletePost(first, Other, Now)).Code.ShouldBe("post.delete.not-author");
    }

    [Fact]
    public void Delete_blanks_the_text_and_keeps_a_placeholder()
    {
        var (thread, first) = Start("Hemligt");
        thread.DeletePost(first, Author, Now);
        first.IsDeleted.ShouldBeTrue();
        first.Markdown.ShouldBeEmpty();
        first.Html.ShouldBeEmpty();
        first.PlainText.ShouldBeEmpty();
    }

    [Fact]
    public void Remove_requires_a_reason()
    {
        var (thread, first) = Start();
        Should.Throw<DomainRuleException>(() => thread.RemovePost(first, Other, " ", Now)).Code.ShouldBe("post.removal.reason.required");
        thread.RemovePost(first, Other, "Innehåller personuppgifter", Now);
        first.IsRemoved.ShouldBeTrue();
        first.RemovalReason.ShouldBe("Innehåller personuppgifter");
        first.PlainText.ShouldBeEmpty();
    }

    [Fact]
    public void Reaction_toggles_and_only_allowed_ones_are_accepted()
    {
        var (thread, first) = Start();
        thread.ToggleReaction(first, Other, "🎉", Now).ShouldBeTrue();
        first.Reactions.Single().Reaction.ShouldBe("🎉");
        thread.ToggleReaction(first, Other, "🎉", Now).ShouldBeFalse();
        first.Reactions.ShouldBeEmpty();
        Should.Throw<DomainRuleException>(() => thread.ToggleReaction(first, Other, "<script>", Now)).Code.ShouldBe("post.reaction.unknown");
    }

    [Fact]
    public void Pin_and_lock_keep_the_sequence_and_raise_activity()
    {
        var (thread, _) = Start();
        thread.Pin(true, Other);
        thread.Lock(true, Other);
        thread.LastSequence.ShouldBe(1);
        thread.DomainEvents.OfType<ThreadActivity>().Select(e => (e.Kind, e.Sequence)).ShouldBe([
            (ThreadActivityKind.ThreadStarted, 1L), (ThreadActivityKind.ThreadPinned, 1L), (ThreadActivityKind.ThreadLocked, 1L)]);
    }

    [Fact]
    public void Read_state_only_moves_forward()
    {
        var state = new ThreadReadState(Author, Guid.NewGuid());
        state.MarkRead(5, Now).ShouldBeTrue();
        state.MarkRead(3, Now).ShouldBeFalse();
        state.LastReadSequence.ShouldBe(5);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/fil")]
    [InlineData("/relativ/sokvag")]
    [InlineData("www.example.org")]
    public void Update_with_a_link_that_is_not_http_is_refused(string link) =>
        Should.Throw<DomainRuleException>(() => WorkspaceUpdate.Post(Workspace, Author, "Text", link, Now)).Code.ShouldBe("update.link.invalid");

    [Fact]
    public void Update_checks_text_length_and_raises_update_posted()
    {
        Should.Throw<DomainRuleException>(() => WorkspaceUpdate.Post(Workspace, Author, new string('x', 2001), null, Now)).Code.ShouldBe("update.text.too-long");
        Should.Throw<DomainRuleException>(() => WorkspaceUpdate.Post(Workspace, Author, "x", "https://example.org/" + new string('a', 500), Now)).Code.ShouldBe("update.link.too-long");
        var update = WorkspaceUpdate.Post(Workspace, Author, "Ny rapport", "https://example.org/rapport.pdf", Now);
        update.DomainEvents.ShouldBe([new UpdatePosted(Workspace, update.Id)]);
    }
}
