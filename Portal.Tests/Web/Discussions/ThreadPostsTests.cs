using Portal.Infrastructure.Features.Discussions;
using Portal.Web.Features.Discussions;

namespace Portal.Tests.Web.Discussions;

/// <summary>The merge behind live updates and catch-up: by post id, the latest change wins.</summary>
public sealed class ThreadPostsTests
{
    private static readonly Guid ThreadId = Guid.NewGuid();

    private static PostView Post(Guid id, long sequence, long changeSequence, string html, Guid? parent = null) =>
        new(id, ThreadId, parent, sequence, changeSequence, null, DateTimeOffset.UnixEpoch, null, PostState.Visible, html, null, null, [],
            false, false, false, false, false);

    private static ThreadChanges Changes(long last, params PostView[] posts) => new(ThreadId, last, false, false, posts);

    [Fact]
    public void The_same_change_arriving_twice_shows_the_post_once_and_replies_stay_under_their_parent()
    {
        var first = Guid.NewGuid();
        var reply = Guid.NewGuid();
        var posts = new ThreadPosts();

        posts.Apply(Changes(2, Post(first, 1, 1, "a"), Post(reply, 2, 2, "b", first)));
        posts.Apply(Changes(2, Post(reply, 2, 2, "b", first)));

        posts.Count.ShouldBe(2);
        posts.TopLevel.Select(p => p.Id).ShouldBe([first]);
        posts.RepliesTo(first).Select(p => p.Id).ShouldBe([reply]);
        posts.LastSequence.ShouldBe(2);
        posts.HighestPostSequence.ShouldBe(2);
    }

    [Fact]
    public void An_older_answer_arriving_after_a_newer_one_does_not_undo_an_edit()
    {
        var id = Guid.NewGuid();
        var posts = new ThreadPosts();

        posts.Apply(Changes(5, Post(id, 1, 5, "edited")));
        posts.Apply(Changes(3, Post(id, 1, 1, "original")));

        posts.TopLevel.Single().Html.ShouldBe("edited");
        posts.LastSequence.ShouldBe(5);
    }
}
