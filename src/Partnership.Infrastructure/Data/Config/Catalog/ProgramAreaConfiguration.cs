using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Catalog;

namespace Partnership.Infrastructure.Data.Config.Catalog;

public class ProgramAreaConfiguration : IEntityTypeConfiguration<ProgramArea>
{
    public void Configure(EntityTypeBuilder<ProgramArea> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.NameJa).HasMaxLength(200);
        builder.Property(a => a.NameEn).HasMaxLength(200);
        builder.Property(a => a.DescriptionJa).HasMaxLength(1000);
        builder.Property(a => a.DescriptionEn).HasMaxLength(1000);
    }
}
