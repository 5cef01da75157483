using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Members;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.TenantId).HasMaxLength(TenantId.MaxLength).IsRequired();
        builder.Property(m => m.ObjectId).HasMaxLength(Member.IdentityPartMaxLength).IsRequired();
        builder.HasIndex(m => new { m.TenantId, m.ObjectId }).IsUnique();
        builder.Property(m => m.DisplayName).HasMaxLength(Member.NameMaxLength).IsRequired();
        builder.Property(m => m.Email).HasMaxLength(Member.EmailMaxLength);
        builder.Property(m => m.Title).HasMaxLength(Member.TitleMaxLength);
        builder.Property(m => m.Phone).HasMaxLength(Member.PhoneMaxLength);
        builder.Property(m => m.County).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.PreferredCulture).HasMaxLength(8);
        builder.Property(m => m.SecurityStamp).HasMaxLength(32).IsRequired();
        builder.PrimitiveCollection(m => m.ExploitationForms)
            .HasField("_exploitationForms")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(m => m.Languages)
            .HasField("_languages")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.DisplayName);
        builder.Property(m => m.SearchText).HasMaxLength(Member.SearchTextMaxLength).IsRequired();
        builder.Ignore(m => m.DomainEvents);
    }
}
