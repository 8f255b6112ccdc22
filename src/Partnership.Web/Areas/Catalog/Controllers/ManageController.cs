using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Reference;
using Partnership.Web.Areas.Catalog.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Catalog.Controllers;

/// <summary>Metro officials keep the catalog: edit titles and kinds, add measures, start the next year's plan.</summary>
[Area("Catalog")]
[Authorize(Policy = Policies.ManageCatalog)]
[Route("/catalog/manage")]
public sealed class ManageController(CatalogService catalog, IReferenceLists lists, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var years = await catalog.FiscalYearsAsync(ct);
        return View(new ManageIndexViewModel(years, years.Count == 0 ? null : years[^1], await lists.ProgramAreasAsync(ct)));
    }

    [HttpGet("measures/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var current = await catalog.MeasureAsync(id, ct);
        if (current is null)
        {
            return NotFound();
        }
        return View(new MeasureEditModel
        {
            Id = id,
            TitleJa = current.Measure.TitleJa,
            TitleEn = current.Measure.TitleEn,
            Kind = current.Measure.Kind,
            Version = current.Version,
            Current = current,
        });
    }

    [HttpPost("measures/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, MeasureEditModel model, CancellationToken ct)
    {
        model.Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await catalog.UpdateMeasureAsync(id, new MeasureEdit(model.TitleJa, model.TitleEn, model.Kind!.Value), model.Version, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Catalog.Saved"].Value;
                return RedirectToAction("Measure", "Catalog", new { id });
            }
            AddErrors(outcome.Errors);
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                // Show what is there now; the official's own text stays in the form to copy from.
                model.Current = await catalog.MeasureAsync(id, ct);
                model.Version = model.Current?.Version ?? model.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(model);
            }
        }
        model.Current = await catalog.MeasureAsync(id, ct);
        return model.Current is null ? NotFound() : View(model);
    }

    [HttpGet("measures/new")]
    public async Task<IActionResult> New(int fiscalYear, string areaCode, MeasureSide side, int? parentId, CancellationToken ct)
    {
        var columns = await catalog.AreaAsync(areaCode ?? "", fiscalYear, ct);
        if (columns is null || !Enum.IsDefined(side))
        {
            return NotFound();
        }
        return View(new NewMeasureModel { FiscalYear = fiscalYear, AreaCode = columns.Area.Code, Side = side, ParentId = parentId, Columns = columns });
    }

    [HttpPost("measures/new")]
    public async Task<IActionResult> New(NewMeasureModel model, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await catalog.AddMeasureAsync(
                new NewMeasure(model.FiscalYear, model.AreaCode!, model.Side!.Value, model.ParentId, model.Kind!.Value, model.TitleJa, model.TitleEn), ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Catalog.Added"].Value;
                return RedirectToAction("Measure", "Catalog", new { id = outcome.Value });
            }
            AddErrors(outcome.Errors);
        }
        model.Columns = await catalog.AreaAsync(model.AreaCode ?? "", model.FiscalYear, ct);
        return model.Columns is null ? NotFound() : View(model);
    }

    [HttpPost("plans/next")]
    public async Task<IActionResult> StartNextPlan(int fromFiscalYear, CancellationToken ct)
    {
        var outcome = await catalog.StartNextPlanAsync(fromFiscalYear, ct);
        TempData["Notice"] = outcome.Succeeded
            ? t["Catalog.PlanStarted", JapanTime.FiscalYearLabel(outcome.Value, System.Globalization.CultureInfo.CurrentUICulture)].Value
            : t[outcome.Errors.FirstOrDefault()?.Code ?? "Catalog.PlanExists"].Value;
        return RedirectToAction(nameof(Index));
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, t[error.Code]);
        }
    }
}
