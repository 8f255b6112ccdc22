using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Reference;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Admin.Controllers;

public sealed record ReferencePage(IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<MetroBureau> Bureaus, IReadOnlyList<Industry> Industries, IReadOnlyList<Municipality> Municipalities);

/// <summary>
/// Reference data seeded on first start and kept by administrators: TCCI branches, Metro bureaus, industries
/// (JSIC major groups) and Tokyo's municipalities. Codes are fixed (records point at them); names can change.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administrator)]
[Route("/admin/reference")]
public sealed class ReferenceController(IReferenceLists lists, ReferenceDataService reference, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new ReferencePage(
        await lists.BranchesAsync(ct),
        await lists.BureausAsync(ct),
        await lists.IndustriesAsync(ct),
        await lists.MunicipalitiesAsync(ct)));

    [HttpPost("{kind}/{code}")]
    public async Task<IActionResult> Rename(string kind, string code, string? nameJa, string? nameEn, CancellationToken ct)
    {
        switch (await reference.RenameAsync(kind, code, nameJa, nameEn, ct))
        {
            case ReferenceEdit.NamesRequired:
                TempData["Notice"] = t["Reference.NamesRequired"].Value;
                return RedirectToAction(nameof(Index));
            case ReferenceEdit.NotFound:
                return NotFound();
            default:
                TempData["Notice"] = t["Reference.Saved", code].Value;
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("bureaus")]
    public async Task<IActionResult> AddBureau(string? code, string? nameJa, string? nameEn, CancellationToken ct)
    {
        var (key, result) = await reference.AddBureauAsync(code, nameJa, nameEn, ct);
        TempData["Notice"] = result switch
        {
            ReferenceEdit.NamesRequired => t["Reference.NamesRequired"].Value,
            ReferenceEdit.CodeTaken => t["Reference.CodeTaken", key].Value,
            _ => t["Reference.Saved", key].Value,
        };
        return RedirectToAction(nameof(Index));
    }
}
