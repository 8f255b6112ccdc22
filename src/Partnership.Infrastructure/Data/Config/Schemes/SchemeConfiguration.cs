using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Companies;
using Partnership.Core.Schemes;

namespace Partnership.Infrastructure.Data.Config.Schemes;

public class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.NameJa).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<int>();
        builder.Property(s => s.AreaCode).HasMaxLength(32);
        builder.Property(s => s.MeasureKey).HasMaxLength(32);
        builder.Property(s => s.NumberPrefix).HasMaxLength(8);
        builder.Property(s => s.ValidUntilField).HasMaxLength(40);
        builder.Property(s => s.CreatedBy).HasMaxLength(64);
        builder.Property(s => s.UpdatedBy).HasMaxLength(64);
    }
}

public class SchemeFormVersionConfiguration : IEntityTypeConfiguration<SchemeFormVersion>
{
    public void Configure(EntityTypeBuilder<SchemeFormVersion> builder)
    {
        builder.Ignore(v => v.Definition);
        builder.HasIndex(v => new { v.SchemeId, v.Number }).IsUnique();
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.CreatedBy).HasMaxLength(64);
        builder.Property(v => v.UpdatedBy).HasMaxLength(64);
        builder.HasOne(v => v.Scheme).WithMany(s => s.FormVersions).HasForeignKey(v => v.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SchemeEntryConfiguration : IEntityTypeConfiguration<SchemeEntry>
{
    public void Configure(EntityTypeBuilder<SchemeEntry> builder)
    {
        builder.Ignore(e => e.Answers);
        builder.Property(e => e.Status).HasConversion<int>();
        builder.Property(e => e.LiveKey).HasMaxLength(40);
        // One live entry per company and scheme (and one renewal beside it), decided by the database.
        builder.HasIndex(e => e.LiveKey).IsUnique();
        builder.Property(e => e.Number).HasMaxLength(24);
        builder.Property(e => e.IssuedNumber).HasMaxLength(24);
        builder.HasIndex(e => e.IssuedNumber).IsUnique();
        builder.HasIndex(e => e.Number);
        builder.Property(e => e.Reason).HasMaxLength(SchemeReviewService.ReasonMaxLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(64);
        builder.Property(e => e.UpdatedBy).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        // The review queue filters by scheme and status, then orders by submission; the directory by validity.
        builder.HasIndex(e => new { e.SchemeId, e.Status, e.SubmittedAt });
        builder.HasIndex(e => new { e.Status, e.SubmittedAt });
        builder.HasIndex(e => new { e.Status, e.ValidUntil });
        builder.HasIndex(e => e.CompanyId);
        // The dashboards recompute a month's cohort and the days of validity (docs/adr/0050-dashboard-facts.md).
        builder.HasIndex(e => e.FirstSubmittedAt);
        builder.HasIndex(e => e.ValidFrom);
        builder.HasIndex(e => e.ValidUntil);
        builder.HasOne(e => e.Scheme).WithMany().HasForeignKey(e => e.SchemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.FormVersion).WithMany().HasForeignKey(e => e.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.RenewalOf).WithMany().HasForeignKey(e => e.RenewalOfId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SchemeSubmissionConfiguration : IEntityTypeConfiguration<SchemeSubmission>
{
    public void Configure(EntityTypeBuilder<SchemeSubmission> builder)
    {
        builder.HasIndex(s => new { s.EntryId, s.Sequence }).IsUnique();
        builder.Property(s => s.SubmittedBy).HasMaxLength(64);
        builder.HasOne(s => s.Entry).WithMany(e => e.Submissions).HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.FormVersion).WithMany().HasForeignKey(s => s.FormVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SchemeEntryEventConfiguration : IEntityTypeConfiguration<SchemeEntryEvent>
{
    public void Configure(EntityTypeBuilder<SchemeEntryEvent> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.Side).HasMaxLength(16);
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(SchemeReviewService.ReasonMaxLength);
        builder.HasIndex(e => e.EntryId);
        builder.HasOne(e => e.Entry).WithMany(x => x.Events).HasForeignKey(e => e.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SchemeProgressReportConfiguration : IEntityTypeConfiguration<SchemeProgressReport>
{
    public void Configure(EntityTypeBuilder<SchemeProgressReport> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(SchemeService.NoteMaxLength);
        builder.Property(p => p.ReportedBy).HasMaxLength(64);
        builder.HasIndex(p => p.EntryId);
        builder.HasOne(p => p.Entry).WithMany(e => e.ProgressReports).HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
