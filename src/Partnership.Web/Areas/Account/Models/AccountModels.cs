using System.ComponentModel.DataAnnotations;

namespace Partnership.Web.Areas.Account.Models;

public sealed class LoginModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }

    [StringLength(2048)]
    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }
}

public sealed class ResetPasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordMismatch")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }

    [Required(ErrorMessage = "Identity.InvalidToken")]
    [StringLength(4096, ErrorMessage = "Identity.InvalidToken")]
    public string? Token { get; set; }
}

/// <summary>A new password typed twice, as registration and staff invitations ask for it.</summary>
public class NewPasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordMismatch")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}

public sealed class RegisterModel : NewPasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [StringLength(2048)]
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorLoginModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.TwoFactorCode")]
    public string? Code { get; set; }

    [Display(Name = "Field.UseRecoveryCode")]
    public bool UseRecoveryCode { get; set; }

    [StringLength(2048)]
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorSetupModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.TwoFactorCode")]
    public string? Code { get; set; }

    /// <summary>The set-up in progress: the new key, protected and time-limited, bound to the account.</summary>
    [StringLength(4096)]
    public string? Ticket { get; set; }
}

/// <summary>The password, asked again before a new authenticator key is shown.</summary>
public sealed class TwoFactorPasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string? Password { get; set; }
}
