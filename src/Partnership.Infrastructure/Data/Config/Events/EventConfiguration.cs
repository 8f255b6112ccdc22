using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Catalog;
using Partnership.Core.Events;

namespace Partnership.Infrastructure.Data.Config.Events;

public class PartnershipEventConfiguration : IEntityTypeConfiguration<PartnershipEvent>
{
    public void Configure(EntityTypeBuilder<PartnershipEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.TitleJa).HasMaxLength(PartnershipEvent.TitleMaxLength);
        builder.Property(e => e.TitleEn).HasMaxLength(PartnershipEvent.TitleMaxLength);
        builder.Property(e => e.DescriptionJa).HasMaxLength(PartnershipEvent.DescriptionMaxLength);
        builder.Property(e => e.DescriptionEn).HasMaxLength(PartnershipEvent.DescriptionMaxLength);
        builder.Property(e => e.Venue).HasMaxLength(PartnershipEvent.VenueMaxLength);
        builder.Property(e => e.OnlineUrl).HasMaxLength(PartnershipEvent.UrlMaxLength);
        builder.Property(e => e.Organiser).HasConversion<int>();
        builder.Property(e => e.CreatedBy).HasMaxLength(64);
        builder.Property(e => e.UpdatedBy).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        // Capacity is checked in the service and, for places taken, by the conditional update; the database keeps the last word.
        builder.ToTable(t => t.HasCheckConstraint("CK_Events_Registered", "\"Registered\" >= 0 AND \"Registered\" <= \"Capacity\""));
        builder.HasIndex(e => e.StartsAt);
        builder.HasOne(e => e.Measure).WithMany().HasForeignKey(e => e.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.Property(r => r.RegisteredByUserId).HasMaxLength(64);
        builder.Property(r => r.ParticipantName).HasMaxLength(EventRegistration.NameMaxLength);
        builder.Property(r => r.ParticipantEmail).HasMaxLength(EventRegistration.EmailMaxLength);
        builder.Property(r => r.ActiveEmail).HasMaxLength(EventRegistration.EmailMaxLength);
        builder.Property(r => r.ContactEmail).HasMaxLength(EventRegistration.EmailMaxLength);
        builder.Property(r => r.ContactCulture).HasMaxLength(8);
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.UpdatedBy).HasMaxLength(64);
        // One active registration per person and event; cancelled ones have no ActiveEmail (NULLs are not compared).
        builder.HasIndex(r => new { r.EventId, r.ActiveEmail }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.Id });
        builder.HasIndex(r => r.CompanyId);
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Company).WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
