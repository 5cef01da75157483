using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Assignments;
using Portal.Domain.Documents;
using Portal.Domain.Members;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class GovernmentAssignmentConfiguration : IEntityTypeConfiguration<GovernmentAssignment>
{
    public void Configure(EntityTypeBuilder<GovernmentAssignment> builder)
    {
        builder.ToTable("government_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.RegistrationNumber).HasMaxLength(RegistrationNumber.MaxLength).IsRequired();
        // Normalised before it is stored, so the unique index refuses two spellings of one number.
        builder.HasIndex(a => a.RegistrationNumber).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(GovernmentAssignment.TitleMaxLength).IsRequired();
        builder.Property(a => a.Ministry).HasMaxLength(GovernmentAssignment.MinistryMaxLength).IsRequired();
        builder.Property(a => a.TotalBudget).HasPrecision(18, 2);
        builder.PrimitiveCollection(a => a.PartnerOrganisationIds)
            .HasField("_partnerOrganisationIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<GuidanceDocument>().WithMany().HasForeignKey(a => a.DecisionDocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Parts).WithOne().HasForeignKey(p => p.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Parts).HasField("_parts").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(l => l.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.BudgetLines).HasField("_budgetLines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => a.PeriodEnd);
        builder.Ignore(a => a.DomainEvents);
    }
}

internal sealed class AssignmentPartConfiguration : IEntityTypeConfiguration<AssignmentPart>
{
    public void Configure(EntityTypeBuilder<AssignmentPart> builder)
    {
        builder.ToTable("assignment_parts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Text).HasMaxLength(AssignmentPart.TextMaxLength).IsRequired();
        builder.HasIndex(p => new { p.AssignmentId, p.Number }).IsUnique();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("assignment_budget_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.AmountReceived).HasPrecision(18, 2);
        builder.Property(l => l.ExpenditureArea).HasMaxLength(BudgetLine.CodeMaxLength).IsRequired();
        builder.Property(l => l.Appropriation).HasMaxLength(BudgetLine.CodeMaxLength).IsRequired();
        builder.Property(l => l.AppropriationItem).HasMaxLength(BudgetLine.CodeMaxLength);
        builder.Property(l => l.RequisitionFrom).HasMaxLength(BudgetLine.AuthorityMaxLength).IsRequired();
        builder.HasIndex(l => new { l.AssignmentId, l.Position }).IsUnique();
        builder.HasIndex(l => l.RequisitionBy);
    }
}

internal sealed class PlannedActivityConfiguration : IEntityTypeConfiguration<PlannedActivity>
{
    public void Configure(EntityTypeBuilder<PlannedActivity> builder)
    {
        builder.ToTable("planned_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(PlannedActivity.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(PlannedActivity.DescriptionMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PlannedCost).HasPrecision(18, 2);
        builder.Property(a => a.SpentCost).HasPrecision(18, 2);
        builder.PrimitiveCollection(a => a.PartIds)
            .HasField("_partIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(a => a.ExploitationForms)
            .HasField("_exploitationForms")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovernmentAssignment>().WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.Year, a.PlannedStart });
        builder.HasIndex(a => a.OwnerId);
        builder.HasIndex(a => a.AssignmentId);
        builder.HasIndex(a => a.PlannedEnd);
        builder.Ignore(a => a.DomainEvents);
    }
}

internal sealed class ActivityLinkConfiguration : IEntityTypeConfiguration<ActivityLink>
{
    public void Configure(EntityTypeBuilder<ActivityLink> builder)
    {
        builder.ToTable("activity_links");
        builder.HasKey(l => new { l.ActivityId, l.Kind, l.TargetId });
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.LinkedBy).OnDelete(DeleteBehavior.Restrict);
        // "Which activities produced this meeting/request?": the report and the pages ask from the target's side.
        builder.HasIndex(l => new { l.Kind, l.TargetId });
    }
}
