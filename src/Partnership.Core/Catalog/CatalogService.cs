using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Catalog;

/// <summary>The catalog of program areas, fiscal-year plans and their measures.</summary>
public sealed class CatalogService(IAppDbContext db)
{
    public Task<List<int>> FiscalYearsAsync(CancellationToken ct = default) =>
        db.PartnershipPlans.AsNoTracking().Select(p => p.FiscalYear).OrderBy(y => y).ToListAsync(ct);

    /// <summary>The year shown when none is asked for: the latest plan.</summary>
    public async Task<int?> LatestFiscalYearAsync(CancellationToken ct = default) =>
        await db.PartnershipPlans.AsNoTracking().MaxAsync(p => (int?)p.FiscalYear, ct);

    /// <summary>
    /// The measures of the latest plan a record can point at, by area and order: only one side's when a side is
    /// given, and the measure a record already points at (<paramref name="keep"/>) even from an older plan.
    /// </summary>
    public async Task<List<Measure>> LatestPlanMeasuresAsync(MeasureSide? side = null, int? keep = null, CancellationToken ct = default)
    {
        var latest = await LatestFiscalYearAsync(ct);
        var query = keep is null
            ? db.Measures.AsNoTracking().Include(m => m.Area).Where(m => m.Plan!.FiscalYear == latest)
            : db.Measures.AsNoTracking().Include(m => m.Area).Where(m => m.Plan!.FiscalYear == latest || m.Id == keep);
        if (side is { } only)
        {
            query = query.Where(m => m.Side == only);
        }
        return await query.OrderBy(m => m.Area!.Order).ThenBy(m => m.Order).ToListAsync(ct);
    }

    public Task<List<MeasureRow>> MeasuresAsync(int fiscalYear, CancellationToken ct = default) =>
        db.Measures.AsNoTracking()
            .Where(m => m.Plan!.FiscalYear == fiscalYear)
            .OrderBy(m => m.Order)
            .Select(ToRow)
            .ToListAsync(ct);

    public async Task<AreaColumns?> AreaAsync(string code, int fiscalYear, CancellationToken ct = default)
    {
        var area = await db.ProgramAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);
        if (area is null)
        {
            return null;
        }
        var rows = await db.Measures.AsNoTracking()
            .Where(m => m.Plan!.FiscalYear == fiscalYear && m.AreaId == area.Id)
            .Select(ToRow)
            .ToListAsync(ct);
        return new AreaColumns(
            area,
            fiscalYear,
            MeasureTree.Build(rows.Where(r => r.Side == MeasureSide.Metro)),
            MeasureTree.Build(rows.Where(r => r.Side == MeasureSide.Chamber)));
    }

    public async Task<MeasureDetail?> MeasureAsync(int id, CancellationToken ct = default)
    {
        var measure = await db.Measures.AsNoTracking()
            .Include(m => m.Area)
            .Include(m => m.Plan)
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return null;
        }
        var related = await db.Measures.AsNoTracking()
            .Where(m => m.Id == measure.ParentId || m.ParentId == measure.Id)
            .OrderBy(m => m.Order)
            .Select(ToRow)
            .ToListAsync(ct);
        return new MeasureDetail(
            Row(measure),
            measure.Area!,
            measure.Plan!.FiscalYear,
            related.SingleOrDefault(r => r.Id == measure.ParentId),
            related.Where(r => r.ParentId == measure.Id).ToList(),
            measure.Version);
    }

    /// <summary>Changes a measure's titles and kind. A change made meanwhile by someone else is never overwritten.</summary>
    public async Task<Outcome<Guid>> UpdateMeasureAsync(int id, MeasureEdit edit, Guid expectedVersion, CancellationToken ct = default)
    {
        var errors = CatalogRules.ValidateTitles(edit.TitleJa, edit.TitleEn);
        if (!CatalogRules.IsKnownKind(edit.Kind))
        {
            errors.Add(new FieldError(nameof(edit.Kind), "Catalog.UnknownKind"));
        }
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        var measure = await db.Measures.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (measure.Version != expectedVersion)
        {
            return Outcome<Guid>.Conflict("Catalog.ChangedMeanwhile");
        }
        db.Entry(measure).Property(m => m.Version).OriginalValue = expectedVersion;
        measure.TitleJa = edit.TitleJa!.Trim();
        measure.TitleEn = edit.TitleEn!.Trim();
        measure.Kind = edit.Kind;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict("Catalog.ChangedMeanwhile");
        }
        return Outcome<Guid>.Ok(measure.Version);
    }

    /// <summary>Adds a measure to a year's plan, as a ○ line or as a ・ line under one.</summary>
    public async Task<Outcome<int>> AddMeasureAsync(NewMeasure input, CancellationToken ct = default)
    {
        var errors = CatalogRules.ValidateTitles(input.TitleJa, input.TitleEn);
        if (!CatalogRules.IsKnownKind(input.Kind))
        {
            errors.Add(new FieldError(nameof(input.Kind), "Catalog.UnknownKind"));
        }
        if (!Enum.IsDefined(input.Side))
        {
            errors.Add(new FieldError(nameof(input.Side), "Catalog.UnknownSide"));
        }
        var plan = await db.PartnershipPlans.SingleOrDefaultAsync(p => p.FiscalYear == input.FiscalYear, ct);
        var area = await db.ProgramAreas.SingleOrDefaultAsync(a => a.Code == input.AreaCode, ct);
        if (plan is null || area is null)
        {
            return Outcome<int>.NotFound();
        }
        var planMeasures = await db.Measures.Where(m => m.PlanId == plan.Id).ToListAsync(ct);
        Measure? parent = null;
        if (input.ParentId is int parentId)
        {
            parent = planMeasures.SingleOrDefault(m => m.Id == parentId);
            var parentError = parent is null ? "Catalog.ParentMismatch" : CatalogRules.CheckParent(parent, plan.Id, area.Id, input.Side);
            if (parentError is not null)
            {
                errors.Add(new FieldError(nameof(input.ParentId), parentError));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var order = CatalogRules.OrderForNewMeasure(planMeasures, parent, area.Id, input.Side);
        foreach (var later in planMeasures.Where(m => m.Order >= order))
        {
            later.Order++;
        }
        var measure = new Measure
        {
            PlanId = plan.Id,
            AreaId = area.Id,
            Side = input.Side,
            ParentId = parent?.Id,
            Kind = input.Kind,
            Key = CatalogRules.NewKey(area.Code, input.Side, planMeasures.Select(m => m.Key)),
            TitleJa = input.TitleJa!.Trim(),
            TitleEn = input.TitleEn!.Trim(),
            Order = order,
        };
        db.Measures.Add(measure);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else added or reordered measures of this plan at the same moment.
            return Outcome<int>.Conflict("Catalog.ChangedMeanwhile");
        }
        return Outcome<int>.Ok(measure.Id);
    }

    /// <summary>
    /// Starts the next fiscal year's plan as a copy of the latest one. The caller says which plan it saw as the
    /// latest, so a double submit (or two officials at once) starts one year, not two.
    /// </summary>
    public async Task<Outcome<int>> StartNextPlanAsync(int fromFiscalYear, CancellationToken ct = default)
    {
        var latest = await db.PartnershipPlans.OrderByDescending(p => p.FiscalYear).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Outcome<int>.NotFound();
        }
        if (latest.FiscalYear != fromFiscalYear)
        {
            return Outcome<int>.Conflict("Catalog.PlanExists");
        }
        var next = CatalogRules.NextFiscalYear([latest.FiscalYear]);
        if (next > CatalogRules.LastFiscalYear)
        {
            return Outcome<int>.Invalid("", "Catalog.FiscalYearOutOfRange");
        }
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == latest.Id).ToListAsync(ct);
        var plan = CatalogRules.CopyPlan(latest, measures, next);
        db.PartnershipPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on FiscalYear: another official started the same year a moment earlier.
            return Outcome<int>.Conflict("Catalog.PlanExists");
        }
        return Outcome<int>.Ok(plan.FiscalYear);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Measure, MeasureRow>> ToRow = m =>
        new MeasureRow(m.Id, m.Area!.Code, m.Side, m.ParentId, m.Kind, m.Key, m.TitleJa, m.TitleEn, m.Order);

    private static MeasureRow Row(Measure m) =>
        new(m.Id, m.Area!.Code, m.Side, m.ParentId, m.Kind, m.Key, m.TitleJa, m.TitleEn, m.Order);
}
