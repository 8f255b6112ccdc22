using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Reference;

namespace Partnership.Infrastructure.Data.Config.Reference;

public class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(6);
        builder.Property(m => m.Code5).HasMaxLength(5);
        builder.Property(m => m.NameJa).HasMaxLength(20);
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.Property(m => m.District).HasMaxLength(20);
    }
}

public class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> builder)
    {
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(1);
        builder.Property(i => i.NameJa).HasMaxLength(60);
        builder.Property(i => i.NameEn).HasMaxLength(100);
    }
}

public class ChamberBranchConfiguration : IEntityTypeConfiguration<ChamberBranch>
{
    public void Configure(EntityTypeBuilder<ChamberBranch> builder)
    {
        builder.HasKey(b => b.Code);
        builder.Property(b => b.Code).HasMaxLength(8);
        builder.Property(b => b.NameJa).HasMaxLength(20);
        builder.Property(b => b.NameEn).HasMaxLength(40);
    }
}

public class MetroBureauConfiguration : IEntityTypeConfiguration<MetroBureau>
{
    public void Configure(EntityTypeBuilder<MetroBureau> builder)
    {
        builder.HasKey(b => b.Code);
        builder.Property(b => b.Code).HasMaxLength(20);
        builder.Property(b => b.NameJa).HasMaxLength(50);
        builder.Property(b => b.NameEn).HasMaxLength(100);
    }
}
