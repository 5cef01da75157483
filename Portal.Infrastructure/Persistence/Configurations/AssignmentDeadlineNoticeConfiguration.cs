using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Assignments;

namespace Portal.Infrastructure.Persistence.Configurations;

/// <summary>The deadline job's marks. No foreign key: the subject is an assignment or an activity; a mark of a
/// removed one is harmless and is never met again.</summary>
internal sealed class AssignmentDeadlineNoticeConfiguration : IEntityTypeConfiguration<AssignmentDeadlineNotice>
{
    public void Configure(EntityTypeBuilder<AssignmentDeadlineNotice> builder)
    {
        builder.ToTable("assignment_deadline_notices");
        builder.HasKey(n => new { n.SubjectId, n.ItemId, n.Deadline, n.Due, n.Overdue });
        builder.Property(n => n.Deadline).HasMaxLength(AssignmentDeadlineNotice.DeadlineMaxLength).IsRequired();
    }
}
