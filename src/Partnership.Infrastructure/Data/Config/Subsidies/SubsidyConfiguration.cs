using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Subsidies;

namespace Partnership.Infrastructure.Data.Config.Subsidies;

public class SubsidyProgramConfiguration : IEntityTypeConfiguration<SubsidyProgram>
{
    public void Configure(EntityTypeBuilder<SubsidyProgram> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameJa).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.AreaCode).HasMaxLength(32);
        builder.Property(p => p.MeasureKey).HasMaxLength(32);
        builder.Property(p => p.ReceiptCode).HasMaxLength(8);
    }
}

public class SubsidyWindowConfiguration : IEntityTypeConfiguration<SubsidyWindow>
{
    public void Configure(EntityTypeBuilder<SubsidyWindow> builder)
    {
        builder.Ignore(w => w.RequiredDocuments);
        builder.Ignore(w => w.RemainingYen);
        builder.Ignore(w => w.ReceiptPrefix);
        builder.Ignore(w => w.Rate);
        builder.Property(w => w.Allotment).HasConversion<int>();
        builder.Property(w => w.PrerequisiteSchemeCode).HasMaxLength(32);
        builder.Property(w => w.ReceiptCode).HasMaxLength(16);
        builder.HasIndex(w => w.ReceiptCode).IsUnique();
        builder.Property(w => w.CreatedBy).HasMaxLength(64);
        builder.Property(w => w.UpdatedBy).HasMaxLength(64);
        builder.Property(w => w.Version).IsConcurrencyToken();
        // Never more held than the budget, whatever writes it: the database refuses it too.
        builder.ToTable(t => t.HasCheckConstraint("CK_SubsidyWindows_Reserved", "\"ReservedYen\" >= 0 AND \"ReservedYen\" <= \"BudgetYen\""));
        builder.HasIndex(w => new { w.FiscalYear, w.OpensAt });
        builder.HasOne(w => w.Program).WithMany().HasForeignKey(w => w.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SubsidyApplicationConfiguration : IEntityTypeConfiguration<SubsidyApplication>
{
    public void Configure(EntityTypeBuilder<SubsidyApplication> builder)
    {
        builder.Ignore(a => a.Expenses);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.ReceiptNumber).HasMaxLength(24);
        builder.HasIndex(a => a.ReceiptNumber).IsUnique();
        // One receipt number per place in a window's sequence.
        builder.HasIndex(a => new { a.WindowId, a.ReceiptSeq }).IsUnique();
        builder.Property(a => a.LiveKey).HasMaxLength(40);
        builder.HasIndex(a => a.LiveKey).IsUnique();
        builder.Property(a => a.Reason).HasMaxLength(SubsidyReviewService.ReasonMaxLength);
        builder.Property(a => a.ReportText).HasMaxLength(SubsidyService.ReportMaxLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(64);
        builder.Property(a => a.UpdatedBy).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.WindowId, a.Status });
        builder.HasIndex(a => a.CompanyId);
        // The sweep's query: receipts whose follow-up is still to be saved (a handful at most, usually none).
        builder.HasIndex(a => a.FollowUpPending);
        builder.HasOne(a => a.Window).WithMany().HasForeignKey(a => a.WindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Company).WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SubsidyDocumentConfiguration : IEntityTypeConfiguration<SubsidyDocument>
{
    public void Configure(EntityTypeBuilder<SubsidyDocument> builder)
    {
        builder.Property(d => d.Stage).HasConversion<int>();
        builder.Property(d => d.RequirementCode).HasMaxLength(16);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(40);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StorageKey).HasMaxLength(80);
        builder.Property(d => d.UploadedBy).HasMaxLength(64);
        builder.HasIndex(d => d.ApplicationId);
        builder.HasOne(d => d.Application).WithMany(a => a.Documents).HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SubsidyEventConfiguration : IEntityTypeConfiguration<SubsidyEvent>
{
    public void Configure(EntityTypeBuilder<SubsidyEvent> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.Side).HasMaxLength(16);
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(SubsidyReviewService.ReasonMaxLength);
        builder.HasIndex(e => e.ApplicationId);
        builder.HasOne(e => e.Application).WithMany(a => a.Events).HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
