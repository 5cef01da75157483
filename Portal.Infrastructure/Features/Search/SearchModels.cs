using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Search;

/// <summary>Narrows a search. Dates are calendar days in Swedish time, both ends included.</summary>
public sealed record SearchFilters(
    Guid? WorkspaceId = null,
    string? Kind = null,
    ExploitationForm? Form = null,
    bool ChildConcernedOnly = false,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public static SearchFilters None { get; } = new();
}

/// <summary>A matching part of a subject (a post of a thread), its snippet marked.</summary>
public sealed record SearchPartHit(Guid PartId, string Link, PersonRef? Author, DateTimeOffset OccurredAt,
    IReadOnlyList<TextSegment> Snippet, double Rank);

/// <summary>One subject in the results, once, with its best-matching parts (at most
/// <see cref="SearchService.PartsPerHit"/>) and how many of its entries matched.</summary>
public sealed record SearchHit(
    SubjectRef Subject,
    string Title,
    string Link,
    IReadOnlyList<TextSegment> TitleSegments,
    bool TitleMatched,
    IReadOnlyList<WorkspaceRef> Workspaces,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    bool ChildConcerned,
    int MatchCount,
    IReadOnlyList<SearchPartHit> Parts,
    double Rank);

/// <summary>A page of hits. <see cref="TotalCount"/> is exact unless <see cref="CandidateLimit"/> is
/// set: then more entries matched than were ranked, and it counts the subjects among the newest
/// that many (a lower bound; ADR 0034).</summary>
public sealed record SearchResults(string Query, SearchFilters Filters, int Page, int PageSize, int TotalCount,
    IReadOnlyList<SearchHit> Hits, int? CandidateLimit = null)
{
    public bool IsCountBounded => CandidateLimit is not null;
}
