using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Catalog;

namespace Partnership.Infrastructure.Data.Config.Catalog;

public class PartnershipPlanConfiguration : IEntityTypeConfiguration<PartnershipPlan>
{
    public void Configure(EntityTypeBuilder<PartnershipPlan> builder)
    {
        // One plan per fiscal year: the unique index is what stops two officials starting the same year twice.
        builder.HasIndex(p => p.FiscalYear).IsUnique();
        builder.Property(p => p.TitleJa).HasMaxLength(200);
        builder.Property(p => p.TitleEn).HasMaxLength(200);
        builder.Property(p => p.CreatedBy).HasMaxLength(64);
        builder.Property(p => p.UpdatedBy).HasMaxLength(64);
        builder.HasOne<PartnershipPlan>().WithMany().HasForeignKey(p => p.CopiedFromPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
