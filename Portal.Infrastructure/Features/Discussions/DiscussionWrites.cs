using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>The kinds of write that discussions count against a member's write limits, with their
/// defaults (ADR 0019). A new thread counts as a thread and as a post; mentions count one per member or
/// workspace named (an edit counts only those it adds), since each one notifies people.</summary>
public static class DiscussionWrites
{
    public const string Post = "post";
    public const string Thread = "thread";
    public const string Edit = "edit";
    public const string Reaction = "reaction";
    public const string Mention = "mention";
    public const string Moderation = "moderation";
    public const string Follow = "follow";

    public static IServiceCollection AddDiscussionWriteLimits(this IServiceCollection services) => services
        .AddWriteLimit(Post, 10, TimeSpan.FromMinutes(1))
        .AddWriteLimit(Thread, 5, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Edit, 20, TimeSpan.FromMinutes(1))
        .AddWriteLimit(Reaction, 60, TimeSpan.FromMinutes(1))
        .AddWriteLimit(Mention, 30, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Moderation, 60, TimeSpan.FromMinutes(1))
        .AddWriteLimit(Follow, 60, TimeSpan.FromMinutes(1));
}
