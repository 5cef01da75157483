using Microsoft.EntityFrameworkCore;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>How requests register with the search index (ADR 0009): by their reference, with their forms and
/// child flag as facets — never their text. A hit shows a snippet without anyone opening the request, and
/// every read of a request's text must be audited; so search finds a request by its reference (and the kind
/// filter lists "my" requests), and opening it is the audited read. Found only by those the subject kind's
/// query face lets see it.</summary>
public sealed class SupportSearchIndexer(ISearchIndex index)
{
    public Task IndexAsync(PortalDbContext db, SupportRequest request, CancellationToken cancellationToken) =>
        index.IndexAsync(db, new IndexedText(SupportSubjectKind.Of(request.Id), null, request.Reference, request.Reference,
            SupportSubjectKind.LinkTo(request.Id), request.SubmittedAt, [], request.Forms, request.ChildConcerned), cancellationToken);
}

internal sealed class SupportSearchSource(SupportSearchIndexer indexer) : ISearchSource
{
    public IReadOnlyCollection<string> Kinds { get; } = [SupportSubjectKind.Name];

    public async Task IndexAllAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        foreach (var request in await db.SupportRequests.ToListAsync(cancellationToken))
            await indexer.IndexAsync(db, request, cancellationToken);
    }
}
