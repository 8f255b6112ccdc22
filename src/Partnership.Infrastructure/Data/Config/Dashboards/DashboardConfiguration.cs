using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Dashboards;
using Partnership.Core.Facts;

namespace Partnership.Infrastructure.Data.Config.Dashboards;

public class DashboardFactConfiguration : IEntityTypeConfiguration<DashboardFact>
{
    public void Configure(EntityTypeBuilder<DashboardFact> builder)
    {
        builder.Property(f => f.Family).HasMaxLength(8);
        builder.Property(f => f.AreaCode).HasMaxLength(32);
        builder.Property(f => f.MeasureKey).HasMaxLength(64);
        builder.Property(f => f.Metric).HasMaxLength(8);
        builder.Property(f => f.DimKind).HasMaxLength(8);
        builder.Property(f => f.DimValue).HasMaxLength(16);
        // One row per figure of a bucket: a second refresh writing the same bucket at once is refused here.
        builder.HasIndex(f => new { f.Family, f.Bucket, f.Month, f.AreaCode, f.MeasureKey, f.Metric, f.DimKind, f.DimValue }).IsUnique();
        // The dashboards read a fiscal year's facts, a family at a time.
        builder.HasIndex(f => new { f.FiscalYear, f.Family });
        // The stock figures (entries in force) sum the per-day facts up to a day.
        builder.HasIndex(f => new { f.Family, f.DimValue });
    }
}

public class DashboardDirtyMarkConfiguration : IEntityTypeConfiguration<DashboardDirtyMark>
{
    public void Configure(EntityTypeBuilder<DashboardDirtyMark> builder)
    {
        builder.Property(m => m.Family).HasMaxLength(8);
    }
}

public class DashboardStampConfiguration : IEntityTypeConfiguration<DashboardStamp>
{
    public void Configure(EntityTypeBuilder<DashboardStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new DashboardStamp { Id = DashboardStamp.SingleId, Version = Guid.Empty });
    }
}
