using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Infrastructure.Identity;

namespace Partnership.Infrastructure.Data.Config;

public class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.DisplayName).HasMaxLength(100);
        builder.Property(i => i.Role).HasMaxLength(30);
        builder.Property(i => i.Bureau).HasMaxLength(50);
        builder.Property(i => i.Division).HasMaxLength(50);
        builder.Property(i => i.ChamberBranchCode).HasMaxLength(8);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(64);
        builder.Property(i => i.AcceptedUserId).HasMaxLength(64);
    }
}
