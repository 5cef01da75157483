using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Search;

/// <summary>What a feature hands to the search index: one text of a subject (its own entry when
/// <see cref="PartId"/> is null, else a part such as a post) with the subject's facets.</summary>
public sealed record IndexedText(
    SubjectRef Subject,
    Guid? PartId,
    string Title,
    string Text,
    string Link,
    DateTimeOffset OccurredAt,
    IReadOnlyCollection<Guid> WorkspaceIds,
    IReadOnlyCollection<ExploitationForm>? ExploitationForms = null,
    bool ChildConcerned = false,
    Guid? AuthorId = null);

/// <summary>The search index for subjects of any kind. Use cases call it before they save, so the
/// index changes in the same transaction as the text. A kind's entries are found only once the kind
/// is registered as a subject kind (<c>services.AddSubjectKind&lt;T&gt;()</c>), which says who may see them.</summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces the entry for the text's subject and part. Indexing a subject's own
    /// entry (no part) also brings the title and facets of its parts' entries up to date.</summary>
    Task IndexAsync(PortalDbContext db, IndexedText text, CancellationToken cancellationToken);

    /// <summary>Removes a part's entry, or with no part every entry of the subject.</summary>
    Task RemoveAsync(PortalDbContext db, SubjectRef subject, Guid? partId, CancellationToken cancellationToken);
}

/// <summary>One implementation for both databases: the provider-specific part (a generated tsvector
/// on PostgreSQL, an FTS5 table kept by triggers on SQLite) lives in the schema.</summary>
internal sealed class SearchIndex : ISearchIndex
{
    public async Task IndexAsync(PortalDbContext db, IndexedText text, CancellationToken cancellationToken)
    {
        var entries = db.Set<SearchEntry>();
        var entry = await FindAsync(db, text.Subject, text.PartId, cancellationToken);
        if (entry is null)
        {
            entry = new SearchEntry { SubjectKind = text.Subject.Kind, SubjectId = text.Subject.Id, PartId = text.PartId };
            entries.Add(entry);
        }
        entry.PlainText = text.Text;
        entry.Stems = string.Join(' ', SwedishStems.IndexTerms(text.Text));
        entry.Link = Truncate(text.Link, SearchEntry.LinkMaxLength);
        entry.AuthorId = text.AuthorId;
        entry.OccurredAt = text.OccurredAt;
        ApplySubjectFacets(entry, text);

        if (text.PartId is null)
        {
            var parts = await entries.Where(e => e.SubjectKind == text.Subject.Kind && e.SubjectId == text.Subject.Id && e.PartId != null)
                .ToListAsync(cancellationToken);
            foreach (var part in parts)
                ApplySubjectFacets(part, text);
        }
    }

    public async Task RemoveAsync(PortalDbContext db, SubjectRef subject, Guid? partId, CancellationToken cancellationToken)
    {
        var entries = db.Set<SearchEntry>();
        if (partId is not null)
        {
            if (await FindAsync(db, subject, partId, cancellationToken) is { } entry)
                entries.Remove(entry);
            return;
        }
        var all = await entries.Where(e => e.SubjectKind == subject.Kind && e.SubjectId == subject.Id).ToListAsync(cancellationToken);
        entries.RemoveRange(all.Concat(entries.Local.Where(e => e.SubjectKind == subject.Kind && e.SubjectId == subject.Id)).Distinct());
    }

    private static async Task<SearchEntry?> FindAsync(PortalDbContext db, SubjectRef subject, Guid? partId, CancellationToken cancellationToken)
    {
        var entries = db.Set<SearchEntry>();
        return entries.Local.FirstOrDefault(e => e.SubjectKind == subject.Kind && e.SubjectId == subject.Id && e.PartId == partId)
            ?? await entries.FirstOrDefaultAsync(e => e.SubjectKind == subject.Kind && e.SubjectId == subject.Id && e.PartId == partId,
                cancellationToken);
    }

    private static void ApplySubjectFacets(SearchEntry entry, IndexedText text)
    {
        entry.Title = Truncate(text.Title, SearchEntry.TitleMaxLength);
        if (!entry.WorkspaceIds.Order().SequenceEqual(text.WorkspaceIds.Order()))
            entry.WorkspaceIds = text.WorkspaceIds.Distinct().ToList();
        var forms = text.ExploitationForms ?? [];
        if (!entry.ExploitationForms.Order().SequenceEqual(forms.Order()))
            entry.ExploitationForms = forms.Distinct().ToList();
        entry.ChildConcerned = text.ChildConcerned;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
