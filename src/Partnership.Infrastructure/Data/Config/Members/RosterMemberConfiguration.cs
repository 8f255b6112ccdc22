using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Core.Reference;

namespace Partnership.Infrastructure.Data.Config.Members;

public class RosterMemberConfiguration : IEntityTypeConfiguration<RosterMember>
{
    public void Configure(EntityTypeBuilder<RosterMember> builder)
    {
        builder.Property(m => m.MemberNumber).HasMaxLength(RosterMember.MemberNumberMaxLength);
        builder.Property(m => m.CorporateNumber).HasMaxLength(CorporateNumber.Length);
        builder.Property(m => m.Name).HasMaxLength(RosterMember.NameMaxLength);
        builder.Property(m => m.NameKana).HasMaxLength(RosterMember.NameMaxLength);
        builder.Property(m => m.NameFolded).HasMaxLength(RosterMember.NameMaxLength * 2);
        builder.Property(m => m.KanaFolded).HasMaxLength(RosterMember.NameMaxLength * 2);
        builder.Property(m => m.BranchCode).HasMaxLength(8);
        builder.Property(m => m.ContactName).HasMaxLength(RosterMember.ContactMaxLength);
        builder.Property(m => m.Address).HasMaxLength(RosterMember.AddressMaxLength);
        builder.Property(m => m.ContactEmail).HasMaxLength(RosterMember.EmailMaxLength);
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.CreatedBy).HasMaxLength(64);
        builder.Property(m => m.UpdatedBy).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.MemberNumber).IsUnique();
        // Not unique: a member who left and joined again under a new 会員番号 keeps both entries.
        builder.HasIndex(m => new { m.CorporateNumber, m.Status });
        builder.HasIndex(m => new { m.BranchCode, m.Status });
        builder.HasOne<ChamberBranch>().WithMany().HasForeignKey(m => m.BranchCode).OnDelete(DeleteBehavior.Restrict);
        // A company is matched by hand to at most one entry. No foreign key: adding one to an existing SQLite table
        // rebuilds it outside the migration's transaction (MigrationTests); companies are never deleted.
        builder.HasIndex(m => m.MatchedCompanyId).IsUnique();
    }
}
