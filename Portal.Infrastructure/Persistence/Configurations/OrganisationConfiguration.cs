using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
        builder.Property(o => o.ContactEmail).HasMaxLength(Organisation.ContactMaxLength);
        builder.Property(o => o.ContactPhone).HasMaxLength(Organisation.ContactMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.PrimitiveCollection(o => o.CountiesServed)
            .HasField("_countiesServed")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Tenants).WithOne().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Tenants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Name);
        builder.Property(o => o.SearchText).HasMaxLength(Organisation.NameMaxLength + Organisation.ShortNameMaxLength + 1).IsRequired();
        builder.Ignore(o => o.DomainEvents);
    }
}

internal sealed class OrganisationTenantConfiguration : IEntityTypeConfiguration<OrganisationTenant>
{
    public void Configure(EntityTypeBuilder<OrganisationTenant> builder)
    {
        builder.ToTable("organisation_tenants");
        // A tenant belongs to one organisation only: the key itself enforces it.
        builder.HasKey(t => t.TenantId);
        builder.Property(t => t.TenantId).HasMaxLength(TenantId.MaxLength);
    }
}
