using Portal.Bench.Data.Text;
using Portal.Domain.Directory;
using Portal.Domain.Discussions;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Subjects;

namespace Portal.Bench.Data.Parts;

/// <summary>Threads in the workspaces (busier workspaces have more; some threads are shared with a second
/// or third workspace), posts of skewed counts per thread written by the workspaces' contributors, with
/// replies, mentions, reactions, a few edits, deletions and removals — all through the thread's own
/// methods, so sequences and change sequences are what the product would have made. Then what reading
/// and posting leave behind: follows, read states, sparse mention and reply notifications, and the
/// search index's entries (what the product's indexer writes for a thread and each post).</summary>
public sealed class DiscussionsPart : IBenchDataPart
{
    public string Name => "discussions";

    private const int ThreadsPerBatch = 200;
    private static readonly ExploitationForm[] Forms = Enum.GetValues<ExploitationForm>();

    private enum Fate { Kept, Edited, Deleted, Removed }

    private sealed class PostPlan
    {
        public Guid Id;
        public Guid Author;
        public int? Parent;
        public DateTimeOffset At;
        public DateTimeOffset ChangedAt;
        public string Markdown = "";
        public RenderedPost? Rendered;
        public string? EditMarkdown;
        public RenderedPost? EditRendered;
        public string Stems = "";
        public Fate Fate;
        public Guid? Mentioned;
        public bool NotifyParentAuthor;
        public List<(Guid Member, string Reaction, DateTimeOffset At)> Reactions = [];
    }

    private sealed class ThreadPlan
    {
        public Guid Id;
        public List<GeneratedWorkspace> Workspaces = [];
        public string Title = "";
        public List<ExploitationForm> Forms = [];
        public bool Child;
        public List<PostPlan> Posts = [];
        public List<Guid> Readers = [];
        public Guid Lead;
        public bool Pin;
        public bool Lock;
        public string Stems = "";
    }

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var text = new SwedishText(random);
        var workspaces = world.Workspaces;
        var names = world.Members.ToDictionary(m => m.Id, m => m.DisplayName);
        var contributing = new Dictionary<Guid, List<GeneratedWorkspace>>();
        foreach (var workspace in workspaces)
            foreach (var id in workspace.Contributors)
                (contributing.TryGetValue(id, out var list) ? list : contributing[id] = []).Add(workspace);

        // Busier workspaces have more threads; every workspace has at least one when there are enough.
        var threadWeights = workspaces.Select((w, i) => Math.Sqrt(w.Readers.Count) * (i == 0 ? 3 : 1) * random.Skewed(0.5)).ToList();
        var threadsPer = random.Distribute(world.Volume.Threads, threadWeights, world.Volume.Threads >= workspaces.Count ? 1 : 0);
        var homes = threadsPer.SelectMany((count, i) => Enumerable.Repeat(workspaces[i], count)).ToList();
        // Posts per thread: most threads a handful, a few long-running ones with hundreds.
        var postsPer = random.Distribute(world.Volume.Posts, homes.Select(_ => random.Skewed(1.1)).ToList(), 1);

        for (var from = 0; from < homes.Count; from += ThreadsPerBatch)
        {
            var plans = new List<ThreadPlan>();
            for (var t = from; t < Math.Min(homes.Count, from + ThreadsPerBatch); t++)
                plans.Add(Plan(world, random, text, names, contributing, homes[t], postsPer[t]));
            Render(plans);
            foreach (var plan in plans)
                await WriteThreadAsync(world, writer, plan, cancellationToken);
        }
    }

    private static ThreadPlan Plan(GeneratedWorld world, BenchRandom random, SwedishText text, Dictionary<Guid, string> names,
        Dictionary<Guid, List<GeneratedWorkspace>> contributing, GeneratedWorkspace home, int postCount)
    {
        var plan = new ThreadPlan { Id = random.NextId(), Title = text.Title(), Child = random.Chance(0.15), Lead = home.Leads[0] };
        plan.Forms = random.Sample(Forms, random.Chance(0.7) ? 1 : 2);
        var starter = random.Pick(home.Contributors);
        plan.Workspaces.Add(home);
        // Cross-authority threads: shared with other workspaces the starter contributes to.
        if (random.Chance(0.08) && contributing[starter].Where(w => w != home).ToList() is { Count: > 0 } others)
            plan.Workspaces.AddRange(random.Sample(others, random.Next(1, 3)));
        var pool = plan.Workspaces.SelectMany(w => w.Contributors).Distinct().ToList();
        // A thread's conversation is among a few of the workspace's people, some far more talkative.
        var participants = random.Sample(pool, Math.Min(pool.Count, 2 + random.Poisson(Math.Min(12, 2 + postCount / 8.0))));
        if (!participants.Contains(starter))
            participants.Insert(0, starter);
        var talk = participants.Select(_ => random.Skewed(0.8)).ToList();
        var readersPool = plan.Workspaces.SelectMany(w => w.Readers).Distinct().ToList();
        plan.Readers = [.. participants, .. random.Sample(readersPool, random.Poisson(3)).Except(participants)];

        var start = world.InYear(0.05 + random.NextDouble() * 0.93);
        var span = TimeSpan.FromHours(Math.Min((world.Now - start).TotalHours, postCount * 4 * random.Skewed(1.0)));
        var times = Enumerable.Range(0, postCount).Select(k => k == 0 ? start : start + span * random.NextDouble()).Order().ToList();
        var topLevel = new List<int>();
        for (var k = 0; k < postCount; k++)
        {
            var post = new PostPlan
            {
                Id = random.NextId(),
                Author = k == 0 ? starter : participants[random.PickIndex(talk)],
                At = times[k],
                Markdown = k == 0 ? text.Post() + "\n\n" + text.Sentence() : text.Post(),
            };
            var next = k + 1 < postCount ? times[k + 1] : world.Now;
            post.ChangedAt = post.At + (next - post.At) / 2;
            if (k > 0 && topLevel.Count > 0 && random.Chance(0.25))
            {
                post.Parent = random.Pick(topLevel);
                post.NotifyParentAuthor = random.Chance(0.15);
            }
            else
                topLevel.Add(k);
            if (random.Chance(0.03) && pool.Where(id => id != post.Author).ToList() is { Count: > 0 } mentionable)
            {
                var mentioned = random.Pick(mentionable);
                post.Mentioned = mentioned;
                post.Markdown = $"@[{names[mentioned]}](member:{mentioned:D}) {post.Markdown}";
            }
            foreach (var reactor in random.Sample(pool, random.Poisson(0.35)).Where(id => id != post.Author))
                post.Reactions.Add((reactor, random.Pick(PostReaction.Offered), post.At + (post.ChangedAt - post.At) * random.NextDouble()));
            var fate = random.NextDouble();
            post.Fate = fate < 0.02 ? Fate.Edited : fate < 0.023 ? Fate.Deleted : fate < 0.024 && k > 0 ? Fate.Removed : Fate.Kept;
            if (post.Fate == Fate.Edited)
                post.EditMarkdown = post.Markdown + "\n\nTillägg: " + text.Sentence();
            // A gone post is not replied to.
            if (post.Fate is Fate.Deleted or Fate.Removed)
                topLevel.Remove(k);
            plan.Posts.Add(post);
        }
        plan.Pin = random.Chance(0.02);
        plan.Lock = random.Chance(0.01);
        return plan;
    }

    /// <summary>Markdown to HTML, plain text and index terms: the costly step, so on every core. Every
    /// 500th post is checked against the product's own renderer and stemmer.</summary>
    private static void Render(List<ThreadPlan> plans)
    {
        var posts = plans.SelectMany(p => p.Posts).ToArray();
        Parallel.For(0, posts.Length, i =>
        {
            var post = posts[i];
            post.Rendered = FastPostRendering.Render(PostBody.Parse(post.Markdown));
            if (post.EditMarkdown is not null)
                post.EditRendered = FastPostRendering.Render(PostBody.Parse(post.EditMarkdown));
            post.Stems = FastPostRendering.IndexTerms((post.EditRendered ?? post.Rendered).PlainText);
            if (i % 500 == 0)
                FastPostRendering.Check(post.Markdown);
        });
        foreach (var plan in plans)
            plan.Stems = FastPostRendering.IndexTerms(plan.Title);
    }

    private static async Task WriteThreadAsync(GeneratedWorld world, BenchWriter writer, ThreadPlan plan, CancellationToken cancellationToken)
    {
        var first = plan.Posts[0];
        var (thread, firstPost) = DiscussionThread.Start(plan.Workspaces.Select(w => w.Id), plan.Title, plan.Forms, plan.Child,
            first.Author, PostBody.Parse(first.Markdown), first.Rendered!, first.At);
        thread.WithId(plan.Id);
        foreach (var link in thread.Workspaces)
            Seeded.Set(link, nameof(ThreadWorkspace.ThreadId), plan.Id);
        Seeded.Created(thread, first.At, first.Author);

        var posts = new List<Post>(plan.Posts.Count);
        var follows = new Dictionary<Guid, DateTimeOffset>();
        var notifications = new List<Notification>();
        for (var k = 0; k < plan.Posts.Count; k++)
        {
            var p = plan.Posts[k];
            Post post;
            if (k == 0)
            {
                post = firstPost;
                Seeded.Set(post, nameof(Post.ThreadId), plan.Id);
            }
            else
                post = thread.AddPost(p.Author, PostBody.Parse(p.Markdown), p.Rendered!, p.Parent is { } parent ? posts[parent] : null, p.At);
            post.WithId(p.Id);
            posts.Add(post);
            follows.TryAdd(p.Author, p.At);
            foreach (var (member, reaction, at) in p.Reactions)
                if (!post.Reactions.Any(r => r.MemberId == member && r.Reaction == reaction))
                    thread.ToggleReaction(post, member, reaction, at);
            if (p.Mentioned is { } mentioned)
            {
                follows.TryAdd(mentioned, p.At);
                notifications.Add(Notify(world, mentioned, DiscussionNotificationKinds.Mention, plan.Id, post.Id, p.Author, p.At));
            }
            // As the product does: a replied-to author who is also mentioned gets the mention only.
            if (p.NotifyParentAuthor && posts[p.Parent!.Value].AuthorId is var parentAuthor && parentAuthor != p.Author
                && parentAuthor != p.Mentioned)
                notifications.Add(Notify(world, parentAuthor, DiscussionNotificationKinds.Reply, plan.Id, post.Id, p.Author, p.At));
            switch (p.Fate)
            {
                case Fate.Edited:
                    thread.EditPost(post, p.Author, PostBody.Parse(p.EditMarkdown!), p.EditRendered!, p.ChangedAt);
                    post.Revisions.Single().WithId(DeterministicId(world, "revision", post.Id, p.Author));
                    break;
                case Fate.Deleted:
                    thread.DeletePost(post, p.Author, p.ChangedAt);
                    break;
                case Fate.Removed:
                    thread.RemovePost(post, plan.Lead, "Innehöll uppgifter som kan identifiera en enskild person.", p.ChangedAt);
                    break;
            }
        }
        thread.Pin(plan.Pin, plan.Lead);
        thread.Lock(plan.Lock, plan.Lead);

        await writer.AddAsync(thread, cancellationToken);
        foreach (var post in posts)
            await writer.AddAsync(post, cancellationToken);

        // The search index, as the product's indexer writes it: the thread's own entry and one per post still shown.
        var workspaceIds = plan.Workspaces.Select(w => w.Id).ToList();
        SearchEntry Entry(Guid? partId, string plainText, string stems, string link, Guid author, DateTimeOffset at) => new()
        {
            SubjectKind = ThreadSubjectKind.Name,
            SubjectId = plan.Id,
            PartId = partId,
            Title = plan.Title,
            PlainText = plainText,
            Stems = stems,
            Link = link,
            AuthorId = author,
            OccurredAt = at,
            WorkspaceIds = workspaceIds,
            ExploitationForms = [.. plan.Forms],
            ChildConcerned = plan.Child,
        };
        await writer.AddAsync(Entry(null, plan.Title, plan.Stems, $"/threads/{plan.Id}", first.Author, first.At), cancellationToken);
        for (var k = 0; k < posts.Count; k++)
            if (posts[k] is { IsGone: false } post)
                await writer.AddAsync(Entry(post.Id, post.PlainText, plan.Posts[k].Stems, $"/threads/{plan.Id}#post-{post.Id}", post.AuthorId,
                    post.PostedAt), cancellationToken);

        foreach (var (member, at) in follows)
            await writer.AddAsync(new ThreadFollow(member, plan.Id, at), cancellationToken);
        // Read states: most readers are up to date, some stopped part-way.
        var random = new BenchRandom(world.Options.Seed, "discussions/read:" + plan.Id);
        foreach (var reader in plan.Readers)
        {
            var state = new ThreadReadState(reader, plan.Id);
            var upTo = random.Chance(0.75) ? thread.LastSequence : random.Next(1, (int)thread.LastSequence + 1);
            state.MarkRead(upTo, thread.LastActivityAt);
            await writer.AddAsync(state, cancellationToken);
        }
        foreach (var notification in notifications)
            await writer.AddAsync(notification, cancellationToken);

        world.Threads.Add(new GeneratedThread(plan.Id, plan.Title, workspaceIds, first.Author, posts.Count, thread.LastSequence));
    }

    private static Notification Notify(GeneratedWorld world, Guid member, string kind, Guid threadId, Guid postId, Guid actor,
        DateTimeOffset at)
    {
        var notification = Notification.Create(member, kind, ThreadSubjectKind.Name, threadId, postId, actor, null, at)
            .WithId(DeterministicId(world, "notification", postId, member));
        // Older ones have mostly been read.
        var random = new BenchRandom(world.Options.Seed, $"discussions/notification:{notification.Id}");
        if (random.Chance((world.Now - at).TotalDays > 7 ? 0.85 : 0.3))
            notification.MarkRead(at.AddHours(random.Next(1, 72)));
        return notification;
    }

    private static Guid DeterministicId(GeneratedWorld world, string kind, Guid a, Guid b) =>
        new BenchRandom(world.Options.Seed, $"{kind}:{a}:{b}").NextId();
}

