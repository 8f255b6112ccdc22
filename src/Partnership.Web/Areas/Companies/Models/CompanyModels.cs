using System.ComponentModel.DataAnnotations;
using Partnership.Core.Companies;
using Partnership.Core.Reference;

namespace Partnership.Web.Areas.Companies.Models;

/// <summary>The profile form. Numbers are text so full-width input can be normalised before validation.</summary>
public sealed class CompanyProfileModel
{
    [Display(Name = "Field.CompanyName")]
    public string? Name { get; set; }

    [Display(Name = "Field.CompanyKana")]
    public string? NameKana { get; set; }

    [Display(Name = "Field.SoleProprietor")]
    public bool IsSoleProprietor { get; set; }

    [Display(Name = "Field.CorporateNumber")]
    public string? CorporateNumber { get; set; }

    [Display(Name = "Field.PostalCode")]
    public string? PostalCode { get; set; }

    [Display(Name = "Field.Prefecture")]
    public string? Prefecture { get; set; }

    [Display(Name = "Field.Municipality")]
    public string? MunicipalityCode { get; set; }

    [Display(Name = "Field.City")]
    public string? CityName { get; set; }

    [Display(Name = "Field.Street")]
    public string? Street { get; set; }

    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Field.Industry")]
    public string? IndustryCode { get; set; }

    [Display(Name = "Field.SmeCategory")]
    public SmeCategory? SmeCategory { get; set; }

    [Display(Name = "Field.Capital")]
    public string? CapitalYen { get; set; }

    [Display(Name = "Field.Employees")]
    public string? RegularEmployees { get; set; }

    [Display(Name = "Field.ChamberMember")]
    public bool IsChamberMember { get; set; }

    [Display(Name = "Field.MemberNumber")]
    public string? ChamberMemberNumber { get; set; }

    [Display(Name = "Field.Branch")]
    public string? ChamberBranchCode { get; set; }

    [Display(Name = "Field.ContactName")]
    public string? ContactName { get; set; }

    [Display(Name = "Field.ContactDepartment")]
    public string? ContactDepartment { get; set; }

    public Guid Version { get; set; }

    public CompanyProfileInput ToInput() => new(Name, NameKana, IsSoleProprietor, CorporateNumber, PostalCode, Prefecture, MunicipalityCode, CityName,
        Street, Phone, IndustryCode, SmeCategory, CapitalYen, RegularEmployees, IsChamberMember, ChamberMemberNumber, ChamberBranchCode, ContactName, ContactDepartment);

    public static CompanyProfileModel From(Company c) => new()
    {
        Name = c.Name, NameKana = c.NameKana, IsSoleProprietor = c.IsSoleProprietor, CorporateNumber = c.CorporateNumber, PostalCode = c.PostalCode,
        Prefecture = c.Prefecture, MunicipalityCode = c.MunicipalityCode, CityName = c.MunicipalityCode is null ? c.CityName : null, Street = c.Street,
        Phone = c.Phone, IndustryCode = c.IndustryCode, SmeCategory = c.SmeCategory, CapitalYen = c.CapitalYen?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RegularEmployees = c.RegularEmployees.ToString(System.Globalization.CultureInfo.InvariantCulture), IsChamberMember = c.IsChamberMember,
        ChamberMemberNumber = c.ChamberMemberNumber, ChamberBranchCode = c.ChamberBranchCode, ContactName = c.ContactName, ContactDepartment = c.ContactDepartment,
        Version = c.Version,
    };
}

/// <summary>What the profile form's lists offer.</summary>
public sealed record ProfileFormLists(IReadOnlyList<Municipality> Municipalities, IReadOnlyList<Industry> Industries, IReadOnlyList<ChamberBranch> Branches);

public sealed record ProfileFormViewModel(CompanyProfileModel Form, ProfileFormLists Lists, string Action, bool IsNew);

public sealed record MemberView(int Id, string Email, string DisplayName, bool IsOwner, DateTime JoinedAt, bool IsMe);

public sealed record InvitationView(string Email, DateTime ExpiresAt);

public sealed record MembersViewModel(Company Company, IReadOnlyList<MemberView> Members, IReadOnlyList<InvitationView> Invitations, bool IAmOwner);

public sealed class InviteModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }
}

public sealed record CompanyOverview(Company Company, SmeResult Size, string IndustryName, string? BranchName, bool IAmOwner, int OpenJoinRequests = 0);

public sealed record JoinRequestView(int Id, string Name, string Email, DateTime CreatedAt);

public sealed record CompanySearchViewModel(CompanySearch Search, IReadOnlyList<CompanyRow> Rows, ProfileFormLists Lists, bool ChamberView);

public sealed record InvitationPage(string Token, CompanyInvitation? Invitation, bool SignedIn, bool EmailMatches);
