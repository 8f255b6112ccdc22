using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Library;
using Partnership.Core.PlanServices;

namespace Partnership.Infrastructure.Data.Config.PlanServices;

public class MeasureServiceLinkConfiguration : IEntityTypeConfiguration<MeasureServiceLink>
{
    public void Configure(EntityTypeBuilder<MeasureServiceLink> builder)
    {
        builder.Property(l => l.MeasureKey).HasMaxLength(32);
        builder.Property(l => l.ServiceCode).HasMaxLength(LibraryArticle.CodeMaxLength);
        builder.HasIndex(l => new { l.MeasureKey, l.Kind, l.ServiceCode }).IsUnique();
    }
}

public class MeasureOfflineNoteConfiguration : IEntityTypeConfiguration<MeasureOfflineNote>
{
    public void Configure(EntityTypeBuilder<MeasureOfflineNote> builder)
    {
        builder.Property(n => n.MeasureKey).HasMaxLength(32);
        builder.HasIndex(n => n.MeasureKey).IsUnique();
        builder.Property(n => n.NoteJa).HasMaxLength(MeasureOfflineNote.NoteMaxLength);
        builder.Property(n => n.NoteEn).HasMaxLength(MeasureOfflineNote.NoteMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
    }
}

public class LibraryArticleConfiguration : IEntityTypeConfiguration<LibraryArticle>
{
    public void Configure(EntityTypeBuilder<LibraryArticle> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(LibraryArticle.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.MeasureKey).HasMaxLength(32);
        builder.HasIndex(a => new { a.MeasureKey, a.PublishedOn });
        builder.Property(a => a.TitleJa).HasMaxLength(LibraryArticle.TitleMaxLength);
        builder.Property(a => a.TitleEn).HasMaxLength(LibraryArticle.TitleMaxLength);
        builder.Property(a => a.SummaryJa).HasMaxLength(LibraryArticle.SummaryMaxLength);
        builder.Property(a => a.SummaryEn).HasMaxLength(LibraryArticle.SummaryMaxLength);
        builder.Property(a => a.BodyJa).HasMaxLength(LibraryArticle.BodyMaxLength);
        builder.Property(a => a.BodyEn).HasMaxLength(LibraryArticle.BodyMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Attachments).WithOne(x => x.Article!).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LibraryAttachmentConfiguration : IEntityTypeConfiguration<LibraryAttachment>
{
    public void Configure(EntityTypeBuilder<LibraryAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(Partnership.Core.Documents.DocumentContent.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StorageKey).HasMaxLength(32);
        builder.Property(a => a.UploadedByUserId).HasMaxLength(64);
    }
}
