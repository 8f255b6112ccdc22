using Microsoft.AspNetCore.Identity;

namespace Partnership.Infrastructure.Identity;

/// <summary>A person who signs in. Roles say what they may do; a company user belongs to one company (later issue).</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>"ja" or "en": the language mail is written in.</summary>
    public string PreferredCulture { get; set; } = "ja";
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>False once an administrator deactivates the account: no sign-in; everything done stays attributed.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Metro officials: 局 and 部・課.</summary>
    public string? Bureau { get; set; }
    public string? Division { get; set; }
    /// <summary>Chamber staff: their branch (支部) and whether they are a management advisor (経営指導員).</summary>
    public string? ChamberBranchCode { get; set; }
    public bool IsManagementAdvisor { get; set; }
    /// <summary>Chamber staff: manages their branch (支部の管理者) and may change or delete the branch's outreach records (docs/adr/0033).</summary>
    public bool IsBranchManager { get; set; }
    /// <summary>
    /// The RFC 6238 time step of the last authenticator code accepted from this person: a code of this step or an
    /// earlier one is refused, so each code signs in once (docs/adr/0066-authenticator-codes-accepted-once.md).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
}
