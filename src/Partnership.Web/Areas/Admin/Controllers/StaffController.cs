using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Reference;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Admin.Controllers;

public sealed class StaffInviteModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Role")]
    public string? Role { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Bureau")]
    public string? Bureau { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Division")]
    public string? Division { get; set; }

    [Display(Name = "Field.Branch")]
    public string? ChamberBranchCode { get; set; }

    [Display(Name = "Field.ManagementAdvisor")]
    public bool IsManagementAdvisor { get; set; }
}

public sealed record StaffPage(IReadOnlyList<StaffRow> Staff, IReadOnlyList<StaffInvitation> Invitations, IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<MetroBureau> Bureaus, StaffInviteModel Invite, string MyId);

/// <summary>Administrators manage staff accounts: invite, change role, deactivate, reactivate.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administrator)]
[Route("/admin/staff")]
public sealed class StaffController(StaffService staff, IReferenceLists lists, PortalLinks links, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new StaffInviteModel(), ct));

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(StaffInviteModel invite, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await staff.InviteAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                new StaffInvite(invite.Email!, invite.DisplayName!, invite.Role!, invite.Bureau, invite.Division, invite.ChamberBranchCode, invite.IsManagementAdvisor),
                token => StaffInviteMail.Create(t, invite.DisplayName!, invite.Role!, links.Absolute(HttpContext, $"/staff-invitations/{token}")), ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Company.Invited", invite.Email!].Value;
                return RedirectToAction(nameof(Index));
            }
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(error.Field, t[error.Code]);
            }
        }
        return View(nameof(Index), await PageAsync(invite, ct));
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id, CancellationToken ct) => ActAsync(staff.DeactivateAsync(id, ct), "Staff.Deactivated");

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id, CancellationToken ct) => ActAsync(staff.ReactivateAsync(id, ct), "Staff.Reactivated");

    [HttpPost("{id}/role")]
    public Task<IActionResult> ChangeRole(string id, string? role, CancellationToken ct) => ActAsync(staff.ChangeRoleAsync(id, role ?? "", ct), "Staff.RoleChanged");

    /// <summary>A chamber staff member's branch and whether they manage it (支部の管理者).</summary>
    [HttpPost("{id}/chamber")]
    public Task<IActionResult> Chamber(string id, string? branchCode, bool isBranchManager, CancellationToken ct) =>
        ActAsync(ModelState.IsValid ? staff.SetChamberBranchAsync(id, branchCode, isBranchManager, ct) : Task.FromResult(Outcome<string>.Invalid("BranchCode", "Validation.Invalid")),
            "Staff.ChamberBranchSaved");

    private async Task<IActionResult> ActAsync(Task<Outcome<string>> action, string notice)
    {
        var outcome = await action;
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = t[outcome.Succeeded ? notice : outcome.Errors[0].Code, outcome.Value ?? ""].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<StaffPage> PageAsync(StaffInviteModel invite, CancellationToken ct) => new(
        await staff.ListAsync(ct), await staff.OpenInvitationsAsync(ct),
        await lists.BranchesAsync(ct),
        await lists.BureausAsync(ct), invite, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
