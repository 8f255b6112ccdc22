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
}
