using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Audit;

namespace Partnership.Infrastructure.Data.Config.Audit;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        builder.Property(a => a.Action).HasMaxLength(10);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        // The searches: by period, by person, by entity.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
