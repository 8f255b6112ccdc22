using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Catalog;

namespace Partnership.Infrastructure.Data.Config.Catalog;

public class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(32);
        builder.HasIndex(m => new { m.PlanId, m.Key }).IsUnique();
        builder.HasIndex(m => new { m.PlanId, m.AreaId, m.Side, m.Order });
        builder.Property(m => m.TitleJa).HasMaxLength(Measure.TitleMaxLength);
        builder.Property(m => m.TitleEn).HasMaxLength(Measure.TitleMaxLength);
        builder.Property(m => m.Side).HasConversion<int>();
        builder.Property(m => m.Kind).HasConversion<int>();
        builder.Property(m => m.CreatedBy).HasMaxLength(64);
        builder.Property(m => m.UpdatedBy).HasMaxLength(64);
        // Application-managed token: portable across SQLite, SQL Server and PostgreSQL (no rowversion).
        builder.Property(m => m.Version).IsConcurrencyToken();

        builder.HasOne(m => m.Plan).WithMany(p => p.Measures).HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Area).WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Parent).WithMany(m => m.Children).HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
