using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Outreach;
using Partnership.Core.Reference;

namespace Partnership.Infrastructure.Data.Config.Outreach;

public class OutreachActivityConfiguration : IEntityTypeConfiguration<OutreachActivity>
{
    public void Configure(EntityTypeBuilder<OutreachActivity> builder)
    {
        builder.Property(a => a.Channel).HasConversion<int>();
        builder.Property(a => a.BranchCode).HasMaxLength(8);
        builder.Property(a => a.Note).HasMaxLength(OutreachActivity.NoteMaxLength);
        builder.Property(a => a.LoggedByUserId).HasMaxLength(64);
        builder.Property(a => a.ImportKey).HasMaxLength(OutreachActivity.ImportKeyLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(64);
        builder.Property(a => a.UpdatedBy).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("CK_OutreachActivities_Reach", "\"Reach\" >= 0"));
        // Idempotent import: a row imported again finds its key taken (NULL for activities logged by hand).
        builder.HasIndex(a => a.ImportKey).IsUnique();
        builder.HasIndex(a => new { a.BranchCode, a.Date });
        builder.HasIndex(a => a.Date);
        builder.HasOne<ChamberBranch>().WithMany().HasForeignKey(a => a.BranchCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Measures).WithOne().HasForeignKey(m => m.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Companies).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Issue).HasMaxLength(100);
        builder.Property(a => a.Title).HasMaxLength(PublicityRequest.TitleMaxLength);
        builder.HasOne(a => a.PublicityRequest).WithMany(r => r.Publications).HasForeignKey(a => a.PublicityRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PublicityRequestConfiguration : IEntityTypeConfiguration<PublicityRequest>
{
    public void Configure(EntityTypeBuilder<PublicityRequest> builder)
    {
        builder.Property(r => r.RequestedByUserId).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(PublicityRequest.TitleMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(PublicityRequest.TextMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(PublicityRequest.TextMaxLength);
        builder.Property(r => r.WishedChannels).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.UpdatedBy).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.RequestedByUserId, r.Status });
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.HasOne(r => r.Measure).WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class OutreachActivityMeasureConfiguration : IEntityTypeConfiguration<OutreachActivityMeasure>
{
    public void Configure(EntityTypeBuilder<OutreachActivityMeasure> builder)
    {
        builder.HasKey(m => new { m.ActivityId, m.MeasureId });
        builder.HasIndex(m => m.MeasureId);
        builder.HasOne(m => m.Measure).WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class OutreachActivityCompanyConfiguration : IEntityTypeConfiguration<OutreachActivityCompany>
{
    public void Configure(EntityTypeBuilder<OutreachActivityCompany> builder)
    {
        builder.HasKey(c => new { c.ActivityId, c.CompanyId });
        builder.HasIndex(c => c.CompanyId);
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.BranchCode).HasMaxLength(8);
        builder.Property(r => r.Note).HasMaxLength(Referral.NoteMaxLength);
        builder.Property(r => r.ReferredByUserId).HasMaxLength(64);
        builder.Property(r => r.ConvertedBy).HasConversion<int>();
        builder.Property(r => r.Channel).HasConversion<int>();
        builder.Property(r => r.ConvertedService).HasMaxLength(Referral.ServiceMaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.UpdatedBy).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.BranchCode, r.MeasureId });
        builder.HasIndex(r => new { r.CompanyId, r.ConvertedAt });
        builder.HasIndex(r => r.ReferredAt);
        builder.HasIndex(r => new { r.RosterMemberId, r.CompanyId });
        builder.HasOne<ChamberBranch>().WithMany().HasForeignKey(r => r.BranchCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Company).WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RosterMember).WithMany().HasForeignKey(r => r.RosterMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Measure).WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CoSponsorshipRequestConfiguration : IEntityTypeConfiguration<CoSponsorshipRequest>
{
    public void Configure(EntityTypeBuilder<CoSponsorshipRequest> builder)
    {
        builder.Property(r => r.RequestedByUserId).HasMaxLength(64);
        builder.Property(r => r.EventTitle).HasMaxLength(CoSponsorshipRequest.TitleMaxLength);
        builder.Property(r => r.Venue).HasMaxLength(CoSponsorshipRequest.TitleMaxLength);
        builder.Property(r => r.Description).HasMaxLength(CoSponsorshipRequest.TextMaxLength);
        builder.Property(r => r.Answer).HasMaxLength(CoSponsorshipRequest.TextMaxLength);
        builder.Property(r => r.Kind).HasConversion<int>();
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.UpdatedBy).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.RequestedByUserId, r.Status });
        builder.HasIndex(r => r.EventDate);
        builder.HasOne(r => r.Measure).WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PublicityAttachmentConfiguration : IEntityTypeConfiguration<PublicityAttachment>
{
    public void Configure(EntityTypeBuilder<PublicityAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(PublicityAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StorageKey).HasMaxLength(32);
        builder.Property(a => a.UploadedByUserId).HasMaxLength(64);
        builder.HasIndex(a => a.PublicityRequestId);
        builder.HasOne(a => a.Request).WithMany(r => r.Attachments).HasForeignKey(a => a.PublicityRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class MemberSupportCaseConfiguration : IEntityTypeConfiguration<MemberSupportCase>
{
    public void Configure(EntityTypeBuilder<MemberSupportCase> builder)
    {
        builder.Property(c => c.AreaCode).HasMaxLength(32);
        builder.Property(c => c.BranchCode).HasMaxLength(8);
        builder.Property(c => c.Advice).HasMaxLength(MemberSupportCase.AdviceMaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(64);
        builder.Property(c => c.CreatedBy).HasMaxLength(64);
        builder.Property(c => c.UpdatedBy).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CompanyId, c.Date });
        builder.HasIndex(c => new { c.FollowedUpOn, c.FollowUpOn });
        builder.HasIndex(c => c.SubmissionKey).IsUnique();
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChamberBranch>().WithMany().HasForeignKey(c => c.BranchCode).OnDelete(DeleteBehavior.Restrict);
    }
}
