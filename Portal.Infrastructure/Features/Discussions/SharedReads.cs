namespace Portal.Infrastructure.Features.Discussions;

/// <summary>Lets the callers on one node that ask the same kind of question about the same key (a
/// thread) share one database round of reads. The first caller starts a round at once; callers that
/// arrive while it runs wait for the next round, which then answers all of them together. A round
/// therefore always starts after every request it answers was made, so a shared answer is never
/// older than one read by the caller alone would have been.</summary>
public sealed class SharedReads<TKey, TRequest, TAnswer> where TKey : notnull
{
    private readonly Func<TKey, IReadOnlyList<TRequest>, Task<IReadOnlyList<Outcome>>> _read;
    private readonly Dictionary<TKey, Round> _waiting = [];
    private readonly Lock _gate = new();

    /// <param name="read">Answers a round's requests in their order: one outcome (an answer or the
    /// exception that request gets) per request.</param>
    public SharedReads(Func<TKey, IReadOnlyList<TRequest>, Task<IReadOnlyList<Outcome>>> read) => _read = read;

    /// <summary>An answer, or the refusal (not found, access denied…) for one request of a round.</summary>
    public readonly record struct Outcome(TAnswer? Answer, Exception? Error)
    {
        public static Outcome Of(TAnswer answer) => new(answer, null);
        public static Outcome Refused(Exception error) => new(default, error);
    }

    private sealed class Round
    {
        public List<(TRequest Request, TaskCompletionSource<TAnswer> Answer)> Requests { get; } = [];
        public bool Running { get; set; }
    }

    public Task<TAnswer> ReadAsync(TKey key, TRequest request, CancellationToken cancellationToken = default)
    {
        var answer = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var round))
                _waiting[key] = round = new Round();
            round.Requests.Add((request, answer));
            start = !round.Running;
            round.Running = true;
        }
        if (start)
            StartRounds(key);
        // A caller that gives up stops waiting; the round still answers the others.
        return answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The first caller starts the rounds itself rather than queueing them for another thread:
    /// no thread hop per round, and a read that completes at once (SQLite) is answered before the
    /// caller's own await. Without the caller's synchronization context, though: what follows the
    /// first real wait runs on the thread pool, so a page's dispatcher never runs other pages' rounds.</summary>
    private void StartRounds(TKey key)
    {
        var callers = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            _ = RunRoundsAsync(key);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callers);
        }
    }

    /// <summary>Runs rounds for the key until no one is waiting.</summary>
    private async Task RunRoundsAsync(TKey key)
    {
        while (true)
        {
            List<(TRequest Request, TaskCompletionSource<TAnswer> Answer)> requests;
            lock (_gate)
            {
                var round = _waiting[key];
                if (round.Requests.Count == 0)
                {
                    _waiting.Remove(key);
                    return;
                }
                requests = [.. round.Requests];
                round.Requests.Clear();
            }
            try
            {
                var outcomes = await _read(key, requests.Select(r => r.Request).ToList());
                for (var i = 0; i < requests.Count; i++)
                {
                    if (outcomes[i].Error is { } error)
                        requests[i].Answer.TrySetException(error);
                    else
                        requests[i].Answer.TrySetResult(outcomes[i].Answer!);
                }
            }
            catch (Exception exception)
            {
                foreach (var (_, answer) in requests)
                    answer.TrySetException(exception);
            }
        }
    }
}
