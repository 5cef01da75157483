using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Features.Search;

/// <summary>SQLite only: one searchable text (a post or a thread title) in Swedish-stemmed form.
/// Triggers created in the SQLite migration copy it into the FTS5 table <c>search_fts</c>, whose
/// rowid is this row's integer key (stable, unlike an implicit rowid across VACUUM).</summary>
public sealed class SearchDocument
{
    public long Id { get; set; }
    /// <summary>The post's id, or the thread's id for its title.</summary>
    public Guid DocumentKey { get; set; }
    public Guid ThreadId { get; set; }
    public Guid? PostId { get; set; }
    public string StemmedText { get; set; } = "";
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.ToTable("search_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.HasIndex(d => d.DocumentKey).IsUnique();
        builder.HasIndex(d => d.ThreadId);
        builder.Property(d => d.StemmedText).IsRequired();
    }
}
