using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Consultations;

namespace Partnership.Infrastructure.Data.Config.Consultations;

public class ConsultationDeskConfiguration : IEntityTypeConfiguration<ConsultationDesk>
{
    public void Configure(EntityTypeBuilder<ConsultationDesk> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.NameJa).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(100);
        builder.HasOne(d => d.Measure).WithMany().HasForeignKey(d => d.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ConsultationTopicConfiguration : IEntityTypeConfiguration<ConsultationTopic>
{
    public void Configure(EntityTypeBuilder<ConsultationTopic> builder)
    {
        builder.Property(t => t.NameJa).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.HasOne(t => t.Desk).WithMany(d => d.Topics).HasForeignKey(t => t.DeskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> builder)
    {
        builder.Property(r => r.RequestedByUserId).HasMaxLength(64);
        builder.Property(r => r.Description).HasMaxLength(ConsultationRequest.DescriptionMaxLength);
        builder.Property(r => r.PreferredMode).HasConversion<int?>();
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.Outcome).HasConversion<int?>();
        builder.Property(r => r.ReceiptNumber).HasMaxLength(20);
        builder.HasIndex(r => r.ReceiptNumber).IsUnique();
        builder.Property(r => r.DeclineReason).HasMaxLength(ConsultationRequest.ReasonMaxLength);
        builder.Property(r => r.OutcomeNote).HasMaxLength(ConsultationRequest.ReasonMaxLength);
        builder.Property(r => r.RatingComment).HasMaxLength(ConsultationRequest.ReasonMaxLength);
        builder.Property(r => r.AssignedExpertUserId).HasMaxLength(64);
        builder.Property(r => r.AssignedOfficerUserId).HasMaxLength(64);
        builder.Property(r => r.ContactEmail).HasMaxLength(256);
        builder.Property(r => r.ContactCulture).HasMaxLength(8);
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.UpdatedBy).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CompanyId, r.Status });
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        builder.HasIndex(r => r.AssignedExpertUserId);
        builder.HasOne(r => r.Company).WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Desk).WithMany().HasForeignKey(r => r.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Topic).WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership.Infrastructure.Identity.AppUser>().WithMany().HasForeignKey(r => r.AssignedExpertUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ConsultationSessionConfiguration : IEntityTypeConfiguration<ConsultationSession>
{
    public void Configure(EntityTypeBuilder<ConsultationSession> builder)
    {
        builder.Property(s => s.Mode).HasConversion<int>();
        builder.Property(s => s.AdviserUserId).HasMaxLength(64);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(64);
        builder.Property(s => s.Advice).HasMaxLength(ConsultationSession.TextMaxLength);
        builder.Property(s => s.NextStep).HasMaxLength(ConsultationSession.TextMaxLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(64);
        builder.Property(s => s.UpdatedBy).HasMaxLength(64);
        builder.HasOne(s => s.Request).WithMany(r => r.Sessions).HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
