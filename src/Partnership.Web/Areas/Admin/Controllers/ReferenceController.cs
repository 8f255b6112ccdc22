using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Reference;
using Partnership.Infrastructure.Data;
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
public sealed class ReferenceController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new ReferencePage(
        await db.ChamberBranches.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct),
        await db.MetroBureaus.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct),
        await db.Industries.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct),
        await db.Municipalities.AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct)));

    [HttpPost("{kind}/{code}")]
    public async Task<IActionResult> Rename(string kind, string code, string? nameJa, string? nameEn, CancellationToken ct)
    {
        if (!ValidNames(nameJa, nameEn, requireEnglish: kind != "municipalities"))
        {
            TempData["Notice"] = t["Reference.NamesRequired"].Value;
            return RedirectToAction(nameof(Index));
        }
        var found = kind switch
        {
            "branches" => await RenameAsync(db.ChamberBranches, b => b.Code == code, b => (b.NameJa, b.NameEn) = (nameJa!.Trim(), nameEn!.Trim()), ct),
            "bureaus" => await RenameAsync(db.MetroBureaus, b => b.Code == code, b => (b.NameJa, b.NameEn) = (nameJa!.Trim(), nameEn!.Trim()), ct),
            "industries" => await RenameAsync(db.Industries, i => i.Code == code, i => (i.NameJa, i.NameEn) = (nameJa!.Trim(), nameEn!.Trim()), ct),
            "municipalities" => await RenameAsync(db.Municipalities, m => m.Code == code, m => m.NameJa = nameJa!.Trim(), ct),
            _ => false,
        };
        if (!found)
        {
            return NotFound();
        }
        TempData["Notice"] = t["Reference.Saved", code].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("bureaus")]
    public async Task<IActionResult> AddBureau(string? code, string? nameJa, string? nameEn, CancellationToken ct)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        if (key.Length is 0 or > 20 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !ValidNames(nameJa, nameEn, requireEnglish: true))
        {
            TempData["Notice"] = t["Reference.NamesRequired"].Value;
            return RedirectToAction(nameof(Index));
        }
        if (await db.MetroBureaus.AnyAsync(b => b.Code == key, ct))
        {
            TempData["Notice"] = t["Reference.CodeTaken", key].Value;
            return RedirectToAction(nameof(Index));
        }
        var order = await db.MetroBureaus.MaxAsync(b => (int?)b.Order, ct) ?? 0;
        db.MetroBureaus.Add(new MetroBureau { Code = key, NameJa = nameJa!.Trim(), NameEn = nameEn!.Trim(), Order = order + 1 });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = t["Reference.Saved", key].Value;
        return RedirectToAction(nameof(Index));
    }

    private static bool ValidNames(string? nameJa, string? nameEn, bool requireEnglish) =>
        !string.IsNullOrWhiteSpace(nameJa) && nameJa.Trim().Length <= 50
        && (!requireEnglish || (!string.IsNullOrWhiteSpace(nameEn) && nameEn.Trim().Length <= 100))
        && TextRules.Check(nameJa) == TextRules.Problem.None && TextRules.Check(nameEn) == TextRules.Problem.None;

    private async Task<bool> RenameAsync<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> match, Action<T> change, CancellationToken ct)
        where T : class
    {
        var item = await set.SingleOrDefaultAsync(match, ct);
        if (item is null)
        {
            return false;
        }
        change(item);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
