using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnership.Core.Companies;
using Partnership.Core.Reference;

namespace Partnership.Infrastructure.Data.Config.Companies;

public class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NameKana).HasMaxLength(100);
        builder.Property(c => c.CorporateNumber).HasMaxLength(13);
        // One company per corporate number, enforced by the database so two simultaneous registrations
        // cannot both win. Sole proprietors have none (NULLs are not compared; SQL Server gets a filter).
        builder.HasIndex(c => c.CorporateNumber).IsUnique();
        builder.Property(c => c.PostalCode).HasMaxLength(8);
        builder.Property(c => c.Prefecture).HasMaxLength(4);
        builder.Property(c => c.MunicipalityCode).HasMaxLength(6);
        builder.Property(c => c.CityName).HasMaxLength(50);
        builder.Property(c => c.Street).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.IndustryCode).HasMaxLength(1);
        builder.Property(c => c.SmeCategory).HasConversion<int>();
        builder.Property(c => c.SizeBand).HasConversion<int>();
        builder.Property(c => c.ChamberMemberNumber).HasMaxLength(20);
        builder.Property(c => c.ChamberBranchCode).HasMaxLength(8);
        builder.Property(c => c.MemberBranchCode).HasMaxLength(8);
        builder.Property(c => c.ContactName).HasMaxLength(50);
        builder.Property(c => c.ContactDepartment).HasMaxLength(50);
        builder.Property(c => c.CreatedBy).HasMaxLength(64);
        builder.Property(c => c.UpdatedBy).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // An index for each filter of the officials' search.
        builder.HasIndex(c => c.NameKana);
        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => c.MunicipalityCode);
        builder.HasIndex(c => c.IndustryCode);
        builder.HasIndex(c => c.SizeBand);
        builder.HasIndex(c => c.IsChamberMember);
        builder.HasIndex(c => c.MembershipVerified);
        builder.HasIndex(c => c.MemberBranchCode);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Industry>().WithMany().HasForeignKey(c => c.IndustryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChamberBranch>().WithMany().HasForeignKey(c => c.ChamberBranchCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CompanyMemberConfiguration : IEntityTypeConfiguration<CompanyMember>
{
    public void Configure(EntityTypeBuilder<CompanyMember> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(64);
        // A user belongs to one company.
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasOne(m => m.Company).WithMany(c => c.Members).HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership.Infrastructure.Identity.AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CompanyJoinRequestConfiguration : IEntityTypeConfiguration<CompanyJoinRequest>
{
    public void Configure(EntityTypeBuilder<CompanyJoinRequest> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(64);
        builder.HasIndex(r => new { r.CompanyId, r.DecidedAt });
        builder.HasIndex(r => r.UserId);
        builder.HasOne(r => r.Company).WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership.Infrastructure.Identity.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CompanyInvitationConfiguration : IEntityTypeConfiguration<CompanyInvitation>
{
    public void Configure(EntityTypeBuilder<CompanyInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(64);
        builder.Property(i => i.AcceptedByUserId).HasMaxLength(64);
        builder.HasOne(i => i.Company).WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CompanyEventConfiguration : IEntityTypeConfiguration<CompanyEvent>
{
    public void Configure(EntityTypeBuilder<CompanyEvent> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(400);
        builder.HasIndex(e => new { e.CompanyId, e.At });
        builder.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
