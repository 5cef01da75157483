using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portal.Bench.Data;
using Portal.Circuits;
using System.Net.Http.Json;
using Npgsql;
using Portal.Web.Hosting;
using Portal.Infrastructure.Persistence;

namespace Portal.Bench;

/// <summary>Scenario 3, active members: real circuits signed in as generated members, each acting once
/// every 5 s (open a workspace's discussions, open a thread, post, search). Members are added in steps;
/// each step is measured for a while once its members are in, until the p99 of action → render passes
/// the target or an action fails. The members one node holds is the largest step that passed.</summary>
public static class ActiveMembersRun
{
    private sealed record Step(int Members, double OpenSeconds, double Seconds, List<ActionSample> Samples, double ServerCpu, double BenchCpu,
        long Transactions, long Commands)
    {
        /// <summary>Actions that showed their result: the costs per action divide by these, since a
        /// starved node that lets most actions time out would otherwise look cheap (or dear) for it.</summary>
        public int Completed => Samples.Count(s => s.Error is null);

        /// <summary>Database transactions (each query outside one counts one) per completed action.</summary>
        public double TransactionsPerAction => Completed == 0 ? double.NaN : (double)Transactions / Completed;

        /// <summary>Database commands (round trips) the node sent per completed action: a count that
        /// neither warm-up nor the machine's load changes much.</summary>
        public double CommandsPerAction => Completed == 0 ? double.NaN : (double)Commands / Completed;

        public List<string> Errors { get; } = [.. Samples.Where(s => s.Error is not null).Select(s => s.Error!)];

        public double Percentile(double p, string? kind = null) =>
            ActiveMembersRun.Percentile(Samples.Where(s => kind is null || s.Kind == kind).Select(s => s.Milliseconds).Order().ToList(), p);

        /// <summary>The node's CPU time per action: what decides how many members a core can serve.</summary>
        public double ServerCpuMillisecondsPerAction => Completed == 0 ? double.NaN : ServerCpu * Seconds * 1000 / Completed;

        /// <summary>Members one core could serve at 70 % busy at this cost per action, one action per interval each.</summary>
        public double MembersPerCore => 0.7 * ActiveMember.Interval.TotalMilliseconds / ServerCpuMillisecondsPerAction;

        public bool Passed(double targetP99) => Errors.Count == 0 && Samples.Count > 0 && Percentile(99) <= targetP99;
    }

    /// <summary>The unmeasured first step: how many members, for how long, and what it cost.</summary>
    private sealed record WarmUp(int Members, int Seconds, int Actions, int Errors, double CpuMillisecondsPerAction = double.NaN)
    {
        /// <summary>The warm-up's errors, for telling a product failure (it happens at a handful of
        /// members too) from a starved node.</summary>
        public List<string> ErrorTexts { get; init; } = [];
    }

    private static readonly string[] Kinds = ["workspace", "thread", "post", "search"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        string Get(string name, string fallback) => BenchOptions.Find(args, name) ?? fallback;
        var scale = double.Parse(Get("scale", "0.1"), CultureInfo.InvariantCulture);
        var step = int.Parse(Get("step", "100"), CultureInfo.InvariantCulture);
        var max = int.Parse(Get("max", "500"), CultureInfo.InvariantCulture);
        var stepSeconds = int.Parse(Get("step-seconds", "20"), CultureInfo.InvariantCulture);
        var targetP99 = double.Parse(Get("target-p99", "500"), CultureInfo.InvariantCulture);
        var targetMembers = int.Parse(Get("target-members", "1000"), CultureInfo.InvariantCulture);
        var warmUpSeconds = int.Parse(Get("warmup-seconds", "90"), CultureInfo.InvariantCulture);
        var warmUpMembers = int.Parse(Get("warmup-members", Math.Min(step, 20).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        Console.WriteLine($"Active members: +{step} every step up to {max}, {stepSeconds} s measured per step, one action per {ActiveMember.Interval.TotalSeconds} s each; generated data at scale {scale.ToString(CultureInfo.InvariantCulture)}");

        var manifest = await GenerateAsync(options, scale, BenchOptions.Find(args, "manifest"));
        await using var nodes = await PortalNodes.StartAsync(options with { Bus = "inprocess" });
        var node = nodes.Urls[0];

        var threadsByWorkspace = manifest.Threads.SelectMany(t => t.WorkspaceIds.Select(w => (w, t))).ToLookup(p => p.w, p => p.t);
        // Members in a seeded order; past their number, a member opens a second tab (another circuit).
        var order = manifest.Members.Select(m => m.Id).ToArray();
        new Random(manifest.Seed).Shuffle(order);
        using var signIn = await MemberSignIn.StartAsync(node);
        var cookies = new Dictionary<Guid, string?>();

        var samples = new ConcurrentQueue<ActionSample>();
        using var stop = new CancellationTokenSource();
        var members = new List<ActiveMember>();
        var loops = new List<Task>();
        var steps = new List<Step>();

        using var http = new HttpClient { BaseAddress = node };

        // Warm-up outside the measurement: JIT and pools on the node's first circuits and pages.
        await WarmUpAsync(node, manifest, order[0], signIn);

        var openFailures = new List<ActionSample>();
        async Task<double> AddMembersAsync(int count)
        {
            var opening = Stopwatch.GetTimestamp();
            openFailures.Clear();
            var opened = await OpenAsync(node, count, members.Count, order, cookies, signIn,
                memberId => MemberWorld.Of(manifest, memberId, threadsByWorkspace), samples.Enqueue, manifest.Seed, openFailures);
            foreach (var member in opened)
            {
                members.Add(member);
                loops.Add(Task.Run(() => member.RunAsync(stop.Token)));
            }
            return Stopwatch.GetElapsedTime(opening).TotalSeconds;
        }

        // A first, unmeasured step: a few members act for a while, so that the node has compiled its
        // hot paths (tiered JIT takes minutes on one core) before any step is measured. A cold node
        // costs about three times the CPU per action of a warm one and would fail the first step for it.
        var warmUp = new WarmUp(0, 0, 0, 0);
        if (warmUpSeconds > 0 && warmUpMembers > 0)
        {
            await AddMembersAsync(Math.Min(warmUpMembers, step));
            var cpuBefore = nodes.CpuTime(0);
            await Task.Delay(TimeSpan.FromSeconds(warmUpSeconds));
            var done = samples.ToList();
            warmUp = new WarmUp(members.Count, warmUpSeconds, done.Count, done.Count(s => s.Error is not null),
                (nodes.CpuTime(0) - cpuBefore).TotalMilliseconds / Math.Max(1, done.Count(s => s.Error is null)))
            {
                ErrorTexts = [.. done.Where(s => s.Error is not null).Select(s => s.Error!), .. openFailures.Select(s => s.Error!)],
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warm-up: {warmUp.Members} members for {warmUpSeconds} s, {warmUp.Actions} actions ({warmUp.Errors} errors), {warmUp.CpuMillisecondsPerAction:0.0} ms server CPU per action (not measured)"));
            foreach (var error in warmUp.ErrorTexts.Take(3))
                Console.WriteLine("  " + error);
        }

        for (var count = step; count <= max; count += step)
        {
            var openSeconds = await AddMembersAsync(count - members.Count);

            // Measure the step: only actions that ended within its window, once everyone is in.
            samples.Clear();
            var cpuBefore = (Server: nodes.CpuTime(0), Bench: Process.GetCurrentProcess().TotalProcessorTime);
            var transactionsBefore = await TransactionsAsync(options.Postgres);
            var commandsBefore = await DatabaseCommandsAsync(http);
            var window = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(stepSeconds));
            var seconds = Stopwatch.GetElapsedTime(window).TotalSeconds;
            var measured = samples.ToList();
            var lostCircuits = members.Where(m => m.Circuit.Error is not null)
                .Select(m => new ActionSample("circuit", 0, Stopwatch.GetTimestamp(), "circuit: " + m.Circuit.Error)).ToList();
            var row = new Step(members.Count, openSeconds, seconds, [.. measured, .. lostCircuits, .. openFailures],
                (nodes.CpuTime(0) - cpuBefore.Server).TotalSeconds / seconds,
                (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore.Bench).TotalSeconds / seconds,
                await TransactionsAsync(options.Postgres) - transactionsBefore,
                await DatabaseCommandsAsync(http) - commandsBefore);
            steps.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Members} members: {row.Samples.Count} actions, p50 {row.Percentile(50):0} ms, p95 {row.Percentile(95):0} ms, p99 {row.Percentile(99):0} ms, errors {row.Errors.Count}; server CPU {row.ServerCpu:P0} ({row.ServerCpuMillisecondsPerAction:0.0} ms per action), {row.TransactionsPerAction:0.0} database transactions and {row.CommandsPerAction:0.0} commands per action, bench CPU {row.BenchCpu:P0} (opened in {openSeconds:0.0} s)"));
            Console.WriteLine("  p50 / p99 by kind: " + string.Join(", ", Kinds.Select(k =>
                string.Create(CultureInfo.InvariantCulture, $"{k} {row.Percentile(50, k):0} / {row.Percentile(99, k):0}"))));
            foreach (var error in row.Errors.Take(3))
                Console.WriteLine("  " + error);
            if (!row.Passed(targetP99))
                break;
        }

        await stop.CancelAsync();
        await Task.WhenAll(loops);
        foreach (var chunk in members.Chunk(32))
            await Task.WhenAll(chunk.Select(m => m.Circuit.DisposeAsync().AsTask()));

        var held = steps.TakeWhile(s => s.Passed(targetP99)).LastOrDefault()?.Members ?? 0;
        var reachedMax = steps.Count > 0 && steps[^1].Passed(targetP99);
        var report = ToMarkdown(steps, held, reachedMax, targetP99, targetMembers, manifest, options, stepSeconds, warmUp);
        Console.WriteLine(report);
        Directory.CreateDirectory(options.ResultsFolder);
        var file = Path.Combine(options.ResultsFolder, $"active-members-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        // The figures of the last step that passed, or of the first step when none did.
        var shown = steps.TakeWhile(s => s.Passed(targetP99)).LastOrDefault() ?? steps.FirstOrDefault();
        var details = new Dictionary<string, double>
        {
            ["steps"] = steps.Count, ["max"] = max, ["reachedMax"] = reachedMax ? 1 : 0, ["scale"] = scale,
            ["errors"] = steps.Sum(s => s.Errors.Count),
        };
        if (shown is { Samples.Count: > 0 })
        {
            details["atMembers"] = shown.Members;
            details["p50"] = shown.Percentile(50);
            details["p95"] = shown.Percentile(95);
            details["p99"] = shown.Percentile(99);
            details["serverCpuMsPerAction"] = shown.ServerCpuMillisecondsPerAction;
            details["membersPerCore"] = shown.MembersPerCore;
            details["transactionsPerAction"] = shown.TransactionsPerAction;
            details["commandsPerAction"] = shown.CommandsPerAction;
        }
        await new ScenarioSummary("active-members", $"members held at p99 ≤ {targetP99} ms{(reachedMax ? $" (the run's maximum {max})" : "")}",
            held, "members", targetMembers, LowerIsBetter: false, details).WriteAsync(options.ResultsFolder);
        return 0;
    }

    /// <summary>Generates the data into the (empty) database unless a manifest of data already there
    /// is given.</summary>
    private static async Task<BenchManifest> GenerateAsync(BenchOptions options, double scale, string? manifestPath)
    {
        if (manifestPath is not null && File.Exists(manifestPath))
            return await BenchManifest.ReadAsync(manifestPath);
        var started = Stopwatch.GetTimestamp();
        var report = await BenchDataGenerator.GenerateAsync(new BenchDataOptions(DatabaseProvider.Postgres, options.Postgres, Scale: scale));
        var manifest = BenchManifest.Of(report.World);
        Console.WriteLine($"Generated {manifest.Members.Count} members, {manifest.Workspaces.Count} workspaces, {manifest.Threads.Count} threads, {manifest.Threads.Sum(t => t.Posts)} posts in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
        if (manifestPath is not null)
            await manifest.WriteAsync(manifestPath);
        return manifest;
    }

    private static async Task WarmUpAsync(Uri node, BenchManifest manifest, Guid memberId, MemberSignIn signIn)
    {
        var cookie = await signIn.SignInAsync(memberId) ?? throw new InvalidOperationException("The first member could not sign in.");
        var thread = manifest.Threads.First(t => t.WorkspaceIds.Contains(manifest.OpenNetworkId));
        await using var circuit = await CircuitClient.OpenAsync(node, $"threads/{thread.Id}", cookie, new CircuitClientOptions { Timeout = TimeSpan.FromMinutes(1) });
        await circuit.NavigateAsync($"workspaces/{manifest.OpenNetworkId}/discussions");
        await circuit.WaitForElementAsync("[data-testid=thread-list]");
        await circuit.NavigateAsync("search?q=barnen");
        await circuit.WaitForElementAsync("[data-testid=search-count]");
    }

    /// <summary>Opens <paramref name="count"/> more members' circuits on the home page, 16 at a time,
    /// signing each member in once (a member's later tabs reuse their cookie).</summary>
    private static async Task<List<ActiveMember>> OpenAsync(Uri node, int count, int first, Guid[] order, Dictionary<Guid, string?> cookies,
        MemberSignIn signIn, Func<Guid, MemberWorld> worldOf, Action<ActionSample> record, int seed, List<ActionSample> failures)
    {
        var opened = new ActiveMember?[count];
        using var gate = new SemaphoreSlim(16);
        var index = first;
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                // Members the portal refuses (a disabled organisation) are passed over.
                for (var attempt = 0; ; attempt++)
                {
                    if (attempt == order.Length)
                        throw new InvalidOperationException("The portal refused every generated member's sign-in.");
                    int number;
                    lock (cookies)
                        number = index++;
                    var memberId = order[number % order.Length];
                    string? cookie;
                    lock (cookies)
                        cookies.TryGetValue(memberId, out cookie);
                    if (cookie is null)
                    {
                        cookie = await signIn.SignInAsync(memberId);
                        lock (cookies)
                            cookies[memberId] = cookie;
                    }
                    if (cookie is null)
                        continue;
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var circuit = await CircuitClient.OpenAsync(node, "", cookie, new CircuitClientOptions { Timeout = TimeSpan.FromMinutes(1) });
                        opened[i] = new ActiveMember(number, worldOf(memberId), circuit, record, seed + number);
                    }
                    catch (Exception exception) when (exception is OperationCanceledException or TimeoutException or HttpRequestException
                        or InvalidOperationException)
                    {
                        // A node too busy to start a circuit within a minute: an error of the step, not the end of the run.
                        var ended = Stopwatch.GetTimestamp();
                        lock (failures)
                            failures.Add(new ActionSample("open", Clock.Milliseconds(started, ended), ended, $"open: {exception.Message.Split('\n')[0]}"));
                    }
                    return;
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. opened.OfType<ActiveMember>()];
    }

    private static async Task<long> DatabaseCommandsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<DatabaseCommandsReport>(BenchDiagnostics.DatabaseCommandsPath.TrimStart('/'))
            ?? throw new InvalidOperationException("The node sent no database command count.")).Commands;

    /// <summary>Transactions committed in the bench's database so far (PostgreSQL's statistics; a
    /// query outside an explicit transaction counts as one).</summary>
    private static async Task<long> TransactionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An error's kind for grouping: the action ("thread", "search"…) and the start of what went
    /// wrong, without the page it happened on.</summary>
    private static string ErrorKind(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var message = colon < 0 ? error : error[(colon + 2)..];
        return error.Split(' ')[0] + ": " + (message.Length > 40 ? message[..40] : message);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string ToMarkdown(List<Step> steps, int held, bool reachedMax, double targetP99, int targetMembers,
        BenchManifest manifest, BenchOptions options, int stepSeconds, WarmUp warmUp)
    {
        static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0", CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        report.AppendLine("# Active members: how many one node holds at p99 action → render ≤ " + targetP99 + " ms");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}; one Release node on PostgreSQL{(options.ServerCpus is { } cpus ? $", pinned to CPU {cpus}" : "")}; the load client in the same machine.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Generated data at scale {manifest.Scale}: {manifest.Members.Count} members, {manifest.Workspaces.Count} workspaces, {manifest.Threads.Count} threads, {manifest.Threads.Sum(t => t.Posts)} posts (seed {manifest.Seed}).");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Each member is a real circuit (the bench's circuit load client), signed in as a generated member (past {manifest.Members.Count} members, members open a second tab), acting once every {ActiveMember.Interval.TotalSeconds:0} s from a random start: open one of their workspaces' discussions (25 %), open a thread they may read (≈ 35 %), post in the thread on screen where they may (30 % when there), search (25 %). An action is timed from sending it (navigation, or the click on Skicka after typing) to the render batch that shows its result (the thread's posts, the workspace's thread list, the new post, the search count); over {ActiveMember.ActionTimeout.TotalSeconds:0} s, a page error or a lost circuit is an error. Each step adds members, then measures for {stepSeconds} s; the ramp stops at the first step over the target or with errors. CPU is the share of one core over the step's window; CPU per action is the node's CPU time over the window divided by the actions completed in it (everything the node did, live updates to the other circuits included), and \"members per core\" what one core at 70 % would serve at that cost. On a shared machine latency follows the machine's load; CPU per action much less so.");
        report.AppendLine();
        if (warmUp.Members > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Before the first step, {warmUp.Members} members acted for {warmUp.Seconds} s unmeasured (warm-up: {warmUp.Actions} actions, {warmUp.Errors} errors, {warmUp.CpuMillisecondsPerAction:0.0} ms server CPU per action while the node compiled its hot paths); they stay as the first of the first step's members.");
            report.AppendLine();
        }
        report.AppendLine("| members | actions | p50 (ms) | p95 (ms) | p99 (ms) | p99 workspace / thread / post / search (ms) | errors | server CPU | server CPU per action (ms) | members per core at 70 % | database transactions per action | database commands per action | bench CPU | opened in (s) | result |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var step in steps)
        {
            var kinds = string.Join(" / ", Kinds.Select(k => Ms(step.Percentile(99, k))));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {step.Members} | {step.Samples.Count} | {Ms(step.Percentile(50))} | {Ms(step.Percentile(95))} | {Ms(step.Percentile(99))} | {kinds} | {step.Errors.Count} | {step.ServerCpu:P0} | {step.ServerCpuMillisecondsPerAction:0.0} | {step.MembersPerCore:0} | {step.TransactionsPerAction:0.0} | {step.CommandsPerAction:0.0} | {step.BenchCpu:P0} | {step.OpenSeconds:0.0} | {(step.Passed(targetP99) ? "passed" : "over")} |");
        }
        report.AppendLine();
        var met = held >= targetMembers ? "met" : "NOT met";
        report.AppendLine(CultureInfo.InvariantCulture, $"**Held: {held} members** at p99 ≤ {targetP99} ms{(reachedMax ? " (the run's maximum: the node may hold more)" : "")}; target ≥ {targetMembers}: {met}.");
        if (warmUp.ErrorTexts.Count > 0)
        {
            report.AppendLine();
            report.AppendLine("Errors in the warm-up (first of each kind):");
            foreach (var group in warmUp.ErrorTexts.GroupBy(ErrorKind))
                report.AppendLine(CultureInfo.InvariantCulture, $"- {group.Count()} × {group.First()}");
        }
        var errors = steps.SelectMany(s => s.Errors).GroupBy(ErrorKind).ToList();
        if (errors.Count > 0)
        {
            report.AppendLine();
            report.AppendLine("Errors (first of each kind):");
            foreach (var group in errors)
                report.AppendLine(CultureInfo.InvariantCulture, $"- {group.Count()} × {group.First()}");
        }
        return report.ToString();
    }
}
