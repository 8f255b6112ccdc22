using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Infrastructure.Identity;

namespace Partnership.Infrastructure.Data.Config;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredCulture).HasMaxLength(8);
        builder.Property(u => u.Bureau).HasMaxLength(50);
        builder.Property(u => u.Division).HasMaxLength(50);
        builder.Property(u => u.ChamberBranchCode).HasMaxLength(8);
    }
}
