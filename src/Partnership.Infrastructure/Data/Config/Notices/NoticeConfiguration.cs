using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Notices;
using Partnership.Infrastructure.Identity;

namespace Partnership.Infrastructure.Data.Config.Notices;

public class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Title).HasMaxLength(400);
        builder.Property(n => n.Text).HasMaxLength(Notice.TextLength);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The list and the unread count: one user's notices, newest first.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
