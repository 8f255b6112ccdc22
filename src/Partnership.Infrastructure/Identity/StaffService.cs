using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

public sealed record StaffInvite(string Email, string DisplayName, string Role, string? Bureau, string? Division, string? ChamberBranchCode, bool IsManagementAdvisor);

public sealed record StaffRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsActive, bool TwoFactorEnabled, string? Bureau, string? Division, string? ChamberBranchCode, bool IsManagementAdvisor, bool IsBranchManager = false);

/// <summary>
/// Staff accounts: administrators invite Metro officials, chamber staff, experts and administrators (staff
/// cannot register themselves), change their role, deactivate and reactivate them. The last active
/// administrator can be neither deactivated nor demoted. Every change lands in the audit log.
/// </summary>
public sealed class StaffService(AppDbContext db, UserManager<AppUser> users, IMailOutbox outbox, TimeProvider clock)
{
    public async Task<List<StaffRow>> ListAsync(CancellationToken ct = default)
    {
        var staffRoleIds = await db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var links = await db.UserRoles.Where(ur => staffRoleIds.Keys.Contains(ur.RoleId)).ToListAsync(ct);
        var ids = links.Select(l => l.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Email).ToListAsync(ct);
        return people.Select(u => new StaffRow(u.Id, u.Email!, u.DisplayName, links.Where(l => l.UserId == u.Id).Select(l => staffRoleIds[l.RoleId]).ToList(),
            u.IsActive, u.TwoFactorEnabled, u.Bureau, u.Division, u.ChamberBranchCode, u.IsManagementAdvisor, u.IsBranchManager)).ToList();
    }

    public Task<List<StaffInvitation>> OpenInvitationsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.StaffInvitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.ExpiresAt > now).OrderBy(i => i.CreatedAt).ToListAsync(ct);
    }

    public async Task<Outcome<string>> InviteAsync(string adminUserId, StaffInvite invite, Func<string, MailContent> mail, CancellationToken ct = default)
    {
        var email = invite.Email.Trim();
        if (!Roles.Staff.Contains(invite.Role))
        {
            return Outcome<string>.Invalid(nameof(invite.Role), "Staff.RoleRequired");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Outcome<string>.Invalid(nameof(invite.Email), "Staff.AlreadyHasAccount");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.StaffInvitations.AnyAsync(i => i.Email == email && i.AcceptedAt == null && i.ExpiresAt > now, ct))
        {
            return Outcome<string>.Invalid(nameof(invite.Email), "Company.AlreadyInvited");
        }
        var token = CompanyService.NewToken();
        db.StaffInvitations.Add(new StaffInvitation
        {
            Email = email, DisplayName = invite.DisplayName.Trim(), Role = invite.Role,
            Bureau = invite.Role == Roles.MetroOfficial ? invite.Bureau?.Trim() : null,
            Division = invite.Role == Roles.MetroOfficial ? invite.Division?.Trim() : null,
            ChamberBranchCode = invite.Role == Roles.ChamberStaff ? invite.ChamberBranchCode : null,
            IsManagementAdvisor = invite.Role == Roles.ChamberStaff && invite.IsManagementAdvisor,
            TokenHash = CompanyService.Hash(token), CreatedAt = now, ExpiresAt = now + StaffInvitation.ValidFor, InvitedByUserId = adminUserId,
        });
        var content = mail(token);
        outbox.Enqueue(email, content.Subject, content.Body);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(token);
    }

    public async Task<StaffInvitation?> FindOpenAsync(string token, CancellationToken ct = default)
    {
        var hash = CompanyService.Hash(token);
        var invitation = await db.StaffInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsOpenAt(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>The invited person sets a password: the account, its role and the used invitation are saved together.</summary>
    public async Task<(AppUser? User, IReadOnlyList<IdentityError> Errors)> AcceptAsync(string token, string password, string culture, CancellationToken ct = default)
    {
        var hash = CompanyService.Hash(token);
        var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is null || !invitation.IsOpenAt(now))
        {
            return (null, [new IdentityError { Code = "InvalidToken" }]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = invitation.DisplayName,
            PreferredCulture = culture, CreatedAt = now, Bureau = invitation.Bureau, Division = invitation.Division,
            ChamberBranchCode = invitation.ChamberBranchCode, IsManagementAdvisor = invitation.IsManagementAdvisor,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.ToList());
        }
        await users.AddToRoleAsync(user, invitation.Role);
        invitation.AcceptedAt = now;
        invitation.AcceptedUserId = user.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (user, []);
    }

    /// <summary>
    /// Sets a chamber staff member's branch and whether they manage it (支部の管理者: they may change and delete the
    /// branch's outreach records, docs/adr/0033-branch-managers.md). A manager needs a branch; only chamber staff have one.
    /// </summary>
    public async Task<Outcome<string>> SetChamberBranchAsync(string userId, string? branchCode, bool isBranchManager, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !await users.IsInRoleAsync(user, Roles.ChamberStaff))
        {
            return Outcome<string>.NotFound();
        }
        branchCode = string.IsNullOrWhiteSpace(branchCode) ? null : branchCode.Trim();
        if (branchCode is not null && !await db.ChamberBranches.AnyAsync(b => b.Code == branchCode, ct))
        {
            return Outcome<string>.Invalid("BranchCode", "Validation.RequiredChoice");
        }
        if (isBranchManager && branchCode is null)
        {
            return Outcome<string>.Invalid("BranchCode", "Staff.ManagerNeedsBranch");
        }
        user.ChamberBranchCode = branchCode;
        user.IsBranchManager = isBranchManager;
        await users.UpdateAsync(user);
        return Outcome<string>.Ok(user.Email!);
    }

    public Task<Outcome<string>> DeactivateAsync(string userId, CancellationToken ct = default) => SetActiveAsync(userId, active: false, ct);

    public Task<Outcome<string>> ReactivateAsync(string userId, CancellationToken ct = default) => SetActiveAsync(userId, active: true, ct);

    /// <summary>Gives a staff member one staff role instead of the ones they had.</summary>
    public async Task<Outcome<string>> ChangeRoleAsync(string userId, string role, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome<string>.NotFound();
        }
        if (!Roles.Staff.Contains(role))
        {
            return Outcome<string>.Invalid("Role", "Staff.RoleRequired");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && role != Roles.Administrator && await IsLastActiveAdministratorAsync(user))
        {
            return Outcome<string>.Conflict("Staff.LastAdministrator");
        }
        await users.RemoveFromRolesAsync(user, current.Where(Roles.Staff.Contains));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        return Outcome<string>.Ok(user.Email!);
    }

    private async Task<Outcome<string>> SetActiveAsync(string userId, bool active, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome<string>.NotFound();
        }
        if (!active && await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastActiveAdministratorAsync(user))
        {
            return Outcome<string>.Conflict("Staff.LastAdministrator");
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new stamp ends the person's open sessions at their next check (within a minute).
        await users.UpdateSecurityStampAsync(user);
        return Outcome<string>.Ok(user.Email!);
    }

    private async Task<bool> IsLastActiveAdministratorAsync(AppUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return admins.Count(a => a.IsActive) <= 1 && user.IsActive;
    }
}
