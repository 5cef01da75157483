using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Directory;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.Search;

/// <summary>One searchable text of a subject of any kind: the subject itself (its title, no part) or a
/// part of it (a post in a thread; later a document version, an attachment's text, minutes). The
/// facets (workspaces, exploitation forms, child flag) are the subject's, copied to each of its
/// entries so that filters need no join into the feature's tables. Access is not stored here: it is
/// asked of the subject's kind at query time. See ADR 0009.</summary>
public sealed class SearchEntry
{
    public const int KindMaxLength = 40;
    public const int TitleMaxLength = 300;
    public const int LinkMaxLength = 500;

    public long Id { get; set; }
    public string SubjectKind { get; set; } = "";
    public Guid SubjectId { get; set; }
    /// <summary>The part's id (e.g. a post's), or null for the subject's own entry.</summary>
    public Guid? PartId { get; set; }
    /// <summary>The subject's title, shown for every hit of it.</summary>
    public string Title { get; set; } = "";
    /// <summary>The text that was indexed, for snippets.</summary>
    public string PlainText { get; set; } = "";
    /// <summary>Our Swedish index terms of <see cref="PlainText"/> (see <see cref="SwedishStems.IndexTerms"/>).</summary>
    public string Stems { get; set; } = "";
    /// <summary>The portal-relative link that opens this entry (a post's anchor in its thread).</summary>
    public string Link { get; set; } = "";
    public Guid? AuthorId { get; set; }
    /// <summary>When the text was written (a post) or the subject began (its own entry).</summary>
    public DateTimeOffset OccurredAt { get; set; }
    public List<Guid> WorkspaceIds { get; set; } = [];
    public List<ExploitationForm> ExploitationForms { get; set; } = [];
    public bool ChildConcerned { get; set; }

    public SubjectRef Subject => new(SubjectKind, SubjectId);
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable("search_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Ignore(e => e.Subject);
        builder.Property(e => e.SubjectKind).HasMaxLength(SearchEntry.KindMaxLength).IsRequired();
        builder.Property(e => e.Title).HasMaxLength(SearchEntry.TitleMaxLength).IsRequired();
        builder.Property(e => e.PlainText).IsRequired();
        builder.Property(e => e.Stems).IsRequired();
        builder.Property(e => e.Link).HasMaxLength(SearchEntry.LinkMaxLength).IsRequired();
        builder.PrimitiveCollection(e => e.WorkspaceIds).IsRequired();
        builder.PrimitiveCollection(e => e.ExploitationForms).IsRequired();
        builder.HasIndex(e => new { e.SubjectKind, e.SubjectId, e.PartId });
        builder.HasIndex(e => e.OccurredAt);
    }
}
