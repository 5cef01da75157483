using Microsoft.AspNetCore.Components;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Features.Presence;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Discussions;

/// <summary>One thread, live. Every event for the thread (from any node, through the bus) and every
/// reconnect of the circuit lead to the same catch-up: fetch what changed since the last sequence
/// seen and merge it by post id, so nothing is shown twice and nothing is missed.</summary>
public sealed partial class ThreadPage
{
    private static readonly TimeSpan WritingThrottle = TimeSpan.FromSeconds(2);

    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] public CurrentMember? Me { get; set; }

    [Inject] private DiscussionService Discussions { get; set; } = null!;
    [Inject] private ThreadChangeReads Changes { get; set; } = null!;
    [Inject] private ThreadReadMarks ReadMarks { get; set; } = null!;
    [Inject] private SignInService SignIn { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private ThreadPresence Presence { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private readonly ThreadPosts _posts = new();
    private Guid _me;
    private Guid _loadedId;
    private ThreadDetails? _details;

    /// <summary>The picker offers only the workspaces the policy lets this member mention as a whole.
    /// One list per load: the same list on every render lets the composers skip renders a post
    /// arriving does not concern.</summary>
    private IReadOnlyList<WorkspaceRef> _mentionableWorkspaces = [];

    /// <summary>The first load is done: marked read and, in a live circuit, watching the thread and
    /// present on it. Until then the page shows that it is loading, so nothing can be done on a page
    /// that does not yet hear about the thread (ADR 0025).</summary>
    private bool _loaded;
    private Guid? _firstUnread;
    private Guid? _replyTo;
    private long _markedRead;
    private string? _loadError;
    private string? _liveError;
    private IAsyncDisposable? _visit;
    private DateTimeOffset _lastWriting = DateTimeOffset.MinValue;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
            return;
        await LeaveAsync();
        _loadedId = Id;
        _loaded = false;
        _details = null;
        _posts.Clear();
        try
        {
            await ReloadAsync();
            _firstUnread = _details?.FirstUnreadPostId;
            if (RendererInfo.IsInteractive)
                await WatchAsync();
        }
        finally
        {
            _loaded = true;
        }
    }

    /// <summary>Subscribes and enters presence only in a live circuit, never while prerendering.</summary>
    private async Task WatchAsync()
    {
        Watch<ThreadActivity>(e => e.ThreadId == Id, CatchUpAsync);
        if (_details is not null)
        {
            var name = (Me ?? await SignIn.FindCurrentAsync(_me))?.DisplayName ?? "";
            _visit = await Presence.EnterAsync(Id, _me, name);
            // Anything committed between loading and subscribing.
            await CatchUpAsync();
        }
    }

    /// <summary>Loads the whole thread again (after following, pinning or locking, whose rights and
    /// state the change feed does not carry).</summary>
    private async Task ReloadAsync()
    {
        try
        {
            _me = await Session.GetIdAsync();
            var details = await Discussions.GetThreadAsync(_me, Id);
            _posts.Load(details);
            _details = details;
            _mentionableWorkspaces = details.Thread.Workspaces.Where(w => details.MentionableWorkspaceIds.Contains(w.Id)).ToList();
            _loadError = null;
            await MarkShownReadAsync();
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _loadError = Messages.For(exception);
            _details = null;
        }
    }

    private async Task CatchUpAsync()
    {
        if (_details is null)
            return;
        // The member may move to another thread while the changes are on their way; what they bring
        // then belongs to a page no longer shown.
        var thread = Id;
        try
        {
            // Shared with the other pages on this node that ask at the same moment (ADR 0025).
            var changes = await Changes.GetChangesSinceAsync(_me, thread, _posts.LastSequence);
            if (Id != thread || _details is null)
                return;
            _posts.Apply(changes);
            _liveError = null;
            if (changes.IsLocked != _details.Thread.IsLocked || changes.IsPinned != _details.Thread.IsPinned)
                await ReloadAsync();
            else
                await MarkShownReadAsync();
        }
        catch (Exception exception) when (exception is NotFoundException or AccessDeniedException)
        {
            if (Id != thread)
                return;
            // Access lost (left or removed, workspace closed, organisation disabled): the page shows
            // what a page opened now would, and stops hearing about the thread and who is on it.
            _loadError = Messages.For(exception);
            _details = null;
            _posts.Clear();
            await LeaveAsync();
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            if (Id == thread)
                _liveError = Messages.For(exception);
        }
        // No render here: every caller renders once afterwards (the live refresh, the first load, a
        // send); a second render would walk the whole page again for nothing.
    }

    /// <summary>The member has seen every post on the page: record the highest sequence shown.</summary>
    private async Task MarkShownReadAsync()
    {
        var highest = _posts.HighestPostSequence;
        if (highest <= _markedRead)
            return;
        var thread = Id;
        await ReadMarks.MarkReadAsync(_me, thread, highest);
        if (Id == thread)
            _markedRead = highest;
    }

    private void StartReply(PostView post) => _replyTo = post.ParentPostId ?? post.Id;

    private PostComposer? _composer;

    private async Task FocusComposerAsync()
    {
        if (_composer is not null)
            await _composer.FocusAsync();
    }

    private async Task SendAsync(string text)
    {
        await Discussions.PostAsync(_me, Id, text);
        await StoppedWritingAsync();
        await CatchUpAsync();
        // The composer calls this as a plain delegate: the page renders the post itself.
        StateHasChanged();
    }

    private async Task SendReplyAsync(Guid parentId, string text)
    {
        await Discussions.PostAsync(_me, Id, text, parentId);
        _replyTo = null;
        await StoppedWritingAsync();
        await CatchUpAsync();
        StateHasChanged();
    }

    /// <summary>Once sent, the others stop seeing "writing…" at once, and the next keystroke tells them again.</summary>
    private async Task StoppedWritingAsync()
    {
        _lastWriting = DateTimeOffset.MinValue;
        await Presence.StoppedWritingAsync(Id, _me);
    }

    /// <summary>Tells the others that the member is writing, at most every couple of seconds.</summary>
    private async Task TypingAsync()
    {
        var now = Clock.GetUtcNow();
        if (now - _lastWriting < WritingThrottle)
            return;
        _lastWriting = now;
        await Presence.WritingAsync(Id, _me);
    }

    private async Task LeaveAsync()
    {
        StopWatching();
        if (_visit is not null)
            await _visit.DisposeAsync();
        _visit = null;
        _markedRead = 0;
    }

    protected override async ValueTask OnDisposeAsync() => await LeaveAsync();
}
