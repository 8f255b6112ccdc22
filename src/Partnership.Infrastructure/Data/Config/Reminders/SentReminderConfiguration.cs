using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Reminders;

namespace Partnership.Infrastructure.Data.Config.Reminders;

public class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(s => s.Kind).HasMaxLength(SentReminder.KindLength);
        // Each reminder once: a second node (or run) composing the same one is refused here (docs/adr/0082).
        builder.HasIndex(s => new { s.Kind, s.RecordId, s.DueOn }).IsUnique();
    }
}
