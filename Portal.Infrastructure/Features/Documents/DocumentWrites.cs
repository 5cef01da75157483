using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>The kinds of write that writing documents counts against a member's write limits (ADR 0019).
/// Review requests, decisions and publications notify people, so they have a tighter limit of their own.</summary>
public static class DocumentWrites
{
    /// <summary>Creating and describing documents, starting, saving and discarding drafts.</summary>
    public const string Edit = "document-edit";

    /// <summary>Naming reviewers, deciding as a reviewer, publishing (each notifies others).</summary>
    public const string Review = "document-review";

    /// <summary>Comments on a draft's sections.</summary>
    public const string Comment = "document-comment";

    public static IServiceCollection AddDocumentWriteLimits(this IServiceCollection services) => services
        .AddWriteLimit(Edit, 120, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Review, 40, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Comment, 60, TimeSpan.FromMinutes(10));
}
