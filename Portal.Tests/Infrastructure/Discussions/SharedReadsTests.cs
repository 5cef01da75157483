using Portal.Infrastructure.Features.Discussions;

namespace Portal.Tests.Infrastructure.Discussions;

/// <summary>How <see cref="SharedReads{TKey, TRequest, TAnswer}"/> gathers requests into rounds (ADR 0025),
/// with a read of the test's own that waits until the test lets it finish.</summary>
public sealed class SharedReadsTests
{
    /// <summary>Each round's requests, and a gate per round the test opens.</summary>
    private sealed class Reader
    {
        public List<IReadOnlyList<int>> Rounds { get; } = [];
        public List<TaskCompletionSource> Gates { get; } = [];
        public List<SynchronizationContext?> ContextsAfterWaiting { get; } = [];
        public bool Fail { get; set; }

        public async Task<IReadOnlyList<SharedReads<string, int, string>.Outcome>> ReadAsync(string key, IReadOnlyList<int> requests)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (Rounds)
            {
                Rounds.Add(requests);
                Gates.Add(gate);
            }
            await gate.Task;
            ContextsAfterWaiting.Add(SynchronizationContext.Current);
            if (Fail)
                throw new InvalidOperationException("the database is gone");
            return requests.Select(r => r < 0
                ? SharedReads<string, int, string>.Outcome.Refused(new UnauthorizedAccessException($"{r}"))
                : SharedReads<string, int, string>.Outcome.Of($"{key}:{r}")).ToList();
        }

        public void Open(int round) => Gates[round].SetResult();
    }

    [Fact]
    public async Task Requests_made_while_a_round_runs_are_answered_together_by_the_next_each_with_its_own_answer()
    {
        var reader = new Reader();
        var shared = new SharedReads<string, int, string>(reader.ReadAsync);

        var first = shared.ReadAsync("thread", 1);
        var waiting = new[] { shared.ReadAsync("thread", 2), shared.ReadAsync("thread", 3), shared.ReadAsync("thread", -4) };
        var otherThread = shared.ReadAsync("other", 5);

        reader.Rounds.Select(r => string.Join(",", r)).ShouldBe(["1", "5"]);
        reader.Open(0);
        (await first).ShouldBe("thread:1");
        await WaitUntilAsync(() => reader.Rounds.Count == 3);
        string.Join(",", reader.Rounds[2]).ShouldBe("2,3,-4");
        waiting.ShouldAllBe(t => !t.IsCompleted);

        reader.Open(2);
        (await waiting[0]).ShouldBe("thread:2");
        (await waiting[1]).ShouldBe("thread:3");
        (await Should.ThrowAsync<UnauthorizedAccessException>(waiting[2])).Message.ShouldBe("-4");
        reader.Open(1);
        (await otherThread).ShouldBe("other:5");
    }

    [Fact]
    public async Task A_failing_round_fails_its_requests_and_the_next_round_reads_again()
    {
        var reader = new Reader { Fail = true };
        var shared = new SharedReads<string, int, string>(reader.ReadAsync);

        var failing = shared.ReadAsync("thread", 1);
        reader.Open(0);
        await Should.ThrowAsync<InvalidOperationException>(failing);

        reader.Fail = false;
        var next = shared.ReadAsync("thread", 2);
        await WaitUntilAsync(() => reader.Rounds.Count == 2);
        reader.Open(1);
        (await next).ShouldBe("thread:2");
    }

    [Fact]
    public async Task A_read_that_completes_at_once_is_answered_before_the_caller_waits()
    {
        var shared = new SharedReads<string, int, string>((key, requests) =>
            Task.FromResult<IReadOnlyList<SharedReads<string, int, string>.Outcome>>(
                requests.Select(r => SharedReads<string, int, string>.Outcome.Of($"{key}:{r}")).ToList()));

        var answer = shared.ReadAsync("thread", 1);

        answer.IsCompletedSuccessfully.ShouldBeTrue();
        (await answer).ShouldBe("thread:1");
    }

    [Fact]
    public async Task A_round_goes_on_without_the_first_callers_synchronization_context()
    {
        var reader = new Reader();
        var shared = new SharedReads<string, int, string>(reader.ReadAsync);
        var page = new CountingContext();
        Task<string> answer;

        var before = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(page);
        try
        {
            answer = shared.ReadAsync("thread", 1);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }
        SynchronizationContext.Current.ShouldBe(before);
        reader.Open(0);

        (await answer).ShouldBe("thread:1");
        reader.ContextsAfterWaiting.ShouldHaveSingleItem().ShouldBeNull();
        page.Posts.ShouldBe(0);
    }

    /// <summary>A page's dispatcher, as far as the round can tell: it counts what is sent to it.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        public int Posts;

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref Posts);
            base.Post(d, state);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }
}
