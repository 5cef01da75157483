using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Assignments;
using Portal.Domain.Members;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class AssignmentReportConfiguration : IEntityTypeConfiguration<AssignmentReport>
{
    public void Configure(EntityTypeBuilder<AssignmentReport> builder)
    {
        builder.ToTable("assignment_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(AssignmentReport.TitleMaxLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // The frozen content: unbounded text on both providers.
        builder.Property(r => r.Snapshot);
        builder.HasOne<GovernmentAssignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.SubmittedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Texts).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Texts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.AssignmentId, r.PeriodStart });
        builder.Ignore(r => r.IsSubmitted);
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class AssignmentReportTextConfiguration : IEntityTypeConfiguration<AssignmentReportText>
{
    public void Configure(EntityTypeBuilder<AssignmentReportText> builder)
    {
        builder.ToTable("assignment_report_texts");
        builder.HasKey(t => new { t.ReportId, t.Key });
        builder.Property(t => t.Key).HasMaxLength(AssignmentReport.KeyMaxLength);
        builder.Property(t => t.Text).HasMaxLength(AssignmentReport.TextMaxLength).IsRequired();
    }
}
