using System.Diagnostics;
using Portal.Bench.Data;
using Portal.Circuits;

namespace Portal.Bench;

/// <summary>What one action cost: its kind, action → render that shows its result in milliseconds,
/// when it ended (Stopwatch timestamp), and what went wrong if it failed.</summary>
public sealed record ActionSample(string Kind, double Milliseconds, long At, string? Error);

/// <summary>The parts of the generated world one member reads and writes: the workspaces they belong
/// to (and the open network), the threads in them, and which of those they may post in.</summary>
public sealed record MemberWorld(Guid MemberId, IReadOnlyList<GeneratedWorkspace> Workspaces,
    IReadOnlyList<GeneratedThread> Threads, IReadOnlySet<Guid> PostableThreads)
{
    public static MemberWorld Of(BenchManifest manifest, Guid memberId, ILookup<Guid, GeneratedThread> threadsByWorkspace)
    {
        var workspaces = manifest.Workspaces.Where(w => w.Id == manifest.OpenNetworkId || w.Readers.Contains(memberId)).ToList();
        var threads = workspaces.SelectMany(w => threadsByWorkspace[w.Id]).DistinctBy(t => t.Id).ToList();
        var postable = workspaces.Where(w => w.Contributors.Contains(memberId) || w.Id == manifest.OpenNetworkId)
            .SelectMany(w => threadsByWorkspace[w.Id]).Select(t => t.Id).ToHashSet();
        return new MemberWorld(memberId, workspaces, threads, postable);
    }
}

/// <summary>One active member in one tab: a real circuit that, once every <see cref="Interval"/>,
/// opens one of their workspaces' discussions, opens a thread, posts in the thread on screen, or
/// searches — as a member clicking through the portal does. Each action is timed from the moment it
/// is sent to the render batch that shows its result.</summary>
public sealed class ActiveMember(int number, MemberWorld world, CircuitClient circuit, Action<ActionSample> record, int seed)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How long an action may take before it counts as an error.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);

    // Forms of the generated text's words (and a name), so that searches hit, miss and stem.
    private static readonly string[] SearchWords =
    [
        "barnen", "ärendena", "bärplockare", "utredningen", "arbetsgivarna", "socialsekreterare", "förundersökning",
        "lägenheterna", "tolkarna", "handlingsplanen", "restauranger", "vittnena", "skulder", "kommunerna",
        "samordnaren", "annonserna", "\"tvångsarbete i restaurang\"", "länsstyrelsen", "passen", "stödinsatser",
    ];

    private readonly Random _random = new(seed);
    private GeneratedThread? _thread;
    private bool _canPost;
    private string? _lastSearch;
    private Guid? _workspace;
    private int _posts;

    public CircuitClient Circuit => circuit;

    /// <summary>Acts once per interval until <paramref name="stop"/> is cancelled, starting at a
    /// random point of the first interval so that members do not act in step.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var next = Stopwatch.GetTimestamp() + (long)(_random.NextDouble() * Interval.TotalSeconds * Stopwatch.Frequency);
            while (!stop.IsCancellationRequested)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, stop);
                next = Math.Max(next + (long)(Interval.TotalSeconds * Stopwatch.Frequency), Stopwatch.GetTimestamp());
                record(await ActAsync());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the run is over
        }
    }

    private async Task<ActionSample> ActAsync()
    {
        var roll = _random.NextDouble();
        if (_thread is not null && _canPost && roll < 0.3)
            return await TimedAsync("post", PostAsync);
        if (roll < 0.5 && world.Threads.Count > 0)
            return await TimedAsync("thread", OpenThreadAsync);
        if (roll < 0.75)
            return await TimedAsync("workspace", OpenWorkspaceAsync);
        return await TimedAsync("search", SearchAsync);
    }

    /// <summary>Runs an action, which returns the timestamp its measurement starts at (after any
    /// typing that precedes it), and times it to the render that shows its result.</summary>
    private async Task<ActionSample> TimedAsync(string kind, Func<Task<long>> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            started = await action();
            var ended = Stopwatch.GetTimestamp();
            return new ActionSample(kind, Clock.Milliseconds(started, ended), ended, circuit.Error);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            // Wherever the page is now, it is not known to be the thread or workspace of before: the
            // next action must not type into a composer that is not there.
            _thread = null;
            _canPost = false;
            _workspace = null;
            var ended = Stopwatch.GetTimestamp();
            return new ActionSample(kind, Clock.Milliseconds(started, ended), ended, $"{kind} at {circuit.Location.PathAndQuery}: {FirstLine(exception.Message)}");
        }
    }

    private async Task<long> OpenThreadAsync()
    {
        var thread = Pick(world.Threads, t => t.Id != _thread?.Id);
        var started = Stopwatch.GetTimestamp();
        await circuit.NavigateAsync($"threads/{thread.Id}");
        await circuit.WaitForAsync(d => d.Query("[data-testid=load-error]") is not null
            || (d.Query("[data-testid=posts]") is not null && d.Query("h1")?.Text.Contains(thread.Title, StringComparison.Ordinal) == true),
            "the thread", ActionTimeout);
        ThrowIfShown("load-error");
        _thread = thread;
        _workspace = null;
        _canPost = world.PostableThreads.Contains(thread.Id)
            && circuit.Read(d => d.Query("textarea[data-testid=composer]") is not null);
        return started;
    }

    private async Task<long> PostAsync()
    {
        var marker = $"Aktiv {number}.{++_posts}";
        var text = $"{marker}: vi följer upp {Pick(SearchWords, _ => true).Trim('"')} i veckan.";
        await circuit.SetValueAsync("textarea[data-testid=composer]", text, ActionTimeout);
        var started = Stopwatch.GetTimestamp();
        await circuit.ClickAsync("button[data-testid=send-post]", ActionTimeout);
        await circuit.WaitForAsync(d => d.Query("[data-testid=composer-error]") is not null
            || d.QueryAll("article[data-testid=post]").Any(p => p.Text.Contains(marker, StringComparison.Ordinal)),
            "the new post", ActionTimeout);
        ThrowIfShown("composer-error");
        return started;
    }

    private async Task<long> OpenWorkspaceAsync()
    {
        var workspace = Pick(world.Workspaces, w => w.Id != _workspace);
        var started = Stopwatch.GetTimestamp();
        await circuit.NavigateAsync($"workspaces/{workspace.Id}/discussions");
        await circuit.WaitForAsync(d => d.Query("[data-testid=load-error]") is not null
            || (d.Query("h1")?.Text.Contains(workspace.Name, StringComparison.Ordinal) == true
                && (d.Query("[data-testid=thread-list]") ?? d.Query("[data-testid=no-threads]")) is not null),
            "the workspace's threads", ActionTimeout);
        ThrowIfShown("load-error");
        _workspace = workspace.Id;
        _thread = null;
        return started;
    }

    private async Task<long> SearchAsync()
    {
        // Never a word contained in the last one: the wait recognises the new results by their query.
        var word = Pick(SearchWords, w => _lastSearch is null || !_lastSearch.Contains(w, StringComparison.Ordinal));
        var started = Stopwatch.GetTimestamp();
        await circuit.NavigateAsync($"search?q={Uri.EscapeDataString(word)}");
        var shown = word.Trim('"');
        // The search page's own error: until the navigation renders, the previous page (and its alerts) is still on screen.
        static ElementNode? Alert(CircuitDocument d) => d.Query("[data-testid=search-error]");
        await circuit.WaitForAsync(d => d.Query("[data-testid=search-count]")?.Text.Contains(shown, StringComparison.Ordinal) == true
            || Alert(d) is not null, "the search results", ActionTimeout);
        if (circuit.Read(d => Alert(d)?.Text) is { } alert)
            throw new InvalidOperationException("The search failed: " + FirstLine(alert));
        _lastSearch = word;
        _thread = null;
        _workspace = null;
        return started;
    }

    private void ThrowIfShown(string testId)
    {
        if (circuit.Read(d => d.Query($"[data-testid={testId}]")?.Text) is { } shown)
            throw new InvalidOperationException($"The page shows {testId}: {FirstLine(shown)}");
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, bool> allowed)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var item = items[_random.Next(items.Count)];
            if (allowed(item))
                return item;
        }
        return items[_random.Next(items.Count)];
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
