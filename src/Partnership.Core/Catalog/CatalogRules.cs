using Partnership.Core.Common;

namespace Partnership.Core.Catalog;

/// <summary>The catalog's rules, free of storage so they can be tested alone.</summary>
public static class CatalogRules
{
    public const int FirstFiscalYear = 2021;
    public const int LastFiscalYear = 2099;

    /// <summary>Titles: both languages required (Japanese is the reference), trimmed, within length.</summary>
    public static List<FieldError> ValidateTitles(string? titleJa, string? titleEn)
    {
        var errors = new List<FieldError>();
        CheckTitle(titleJa, "TitleJa", errors);
        CheckTitle(titleEn, "TitleEn", errors);
        return errors;
    }

    public static bool IsKnownKind(MeasureKind kind) => Enum.IsDefined(kind);

    /// <summary>
    /// A ・ line may sit only under a ○ line of the same plan, area and side; a child cannot have children.
    /// Returns the error code, or null when the parent is acceptable.
    /// </summary>
    public static string? CheckParent(Measure parent, int planId, int areaId, MeasureSide side)
    {
        if (parent.PlanId != planId || parent.AreaId != areaId || parent.Side != side)
        {
            return "Catalog.ParentMismatch";
        }
        return parent.ParentId is not null ? "Catalog.ParentIsChild" : null;
    }

    /// <summary>The next plan follows the latest one; there is only ever one plan per fiscal year.</summary>
    public static int NextFiscalYear(IEnumerable<int> existingYears)
    {
        var years = existingYears.ToList();
        return years.Count == 0 ? FirstFiscalYear : years.Max() + 1;
    }

    /// <summary>Where a new measure goes in reading order: after its parent's last child, or at the end of its column.</summary>
    public static int OrderForNewMeasure(IReadOnlyCollection<Measure> planMeasures, Measure? parent, int areaId, MeasureSide side)
    {
        if (planMeasures.Count == 0)
        {
            return 1;
        }
        var siblings = parent is null
            ? planMeasures.Where(m => m.AreaId == areaId && m.Side == side)
            : planMeasures.Where(m => m.Id == parent.Id || m.ParentId == parent.Id);
        var after = siblings.Select(m => m.Order).DefaultIfEmpty(planMeasures.Max(m => m.Order)).Max();
        return after + 1;
    }

    /// <summary>A stable key for a new measure: AREA-M## (Metro) or AREA-C## (Chamber), the next free number.</summary>
    public static string NewKey(string areaCode, MeasureSide side, IEnumerable<string> existingKeys)
    {
        var prefix = $"{areaCode}-{(side == MeasureSide.Metro ? 'M' : 'C')}";
        var max = existingKeys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => int.TryParse(k.AsSpan(prefix.Length), out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"{prefix}{max + 1:00}";
    }

    /// <summary>
    /// Copies a plan's measures into a new plan, keeping keys, order and the ・-under-○ structure.
    /// </summary>
    public static PartnershipPlan CopyPlan(PartnershipPlan source, IReadOnlyCollection<Measure> sourceMeasures, int fiscalYear)
    {
        var plan = new PartnershipPlan
        {
            FiscalYear = fiscalYear,
            TitleJa = $"連携内容一覧（{JapanTime.FiscalYearEraJa(fiscalYear)}事業計画）",
            TitleEn = $"Partnership plan (FY{fiscalYear} work plan)",
            CopiedFromPlanId = source.Id,
        };
        var copies = new Dictionary<int, Measure>();
        foreach (var m in sourceMeasures.OrderBy(m => m.ParentId is null ? 0 : 1).ThenBy(m => m.Order))
        {
            var copy = new Measure
            {
                Plan = plan,
                AreaId = m.AreaId,
                Side = m.Side,
                Kind = m.Kind,
                Key = m.Key,
                TitleJa = m.TitleJa,
                TitleEn = m.TitleEn,
                Order = m.Order,
                Parent = m.ParentId is int pid ? copies[pid] : null,
            };
            copies[m.Id] = copy;
            plan.Measures.Add(copy);
        }
        return plan;
    }

    private static void CheckTitle(string? title, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new FieldError(field, "Catalog.TitleRequired"));
        }
        else if (title.Trim().Length > Measure.TitleMaxLength)
        {
            errors.Add(new FieldError(field, "Catalog.TitleTooLong"));
        }
        else if (title.Any(c => char.IsControl(c)))
        {
            errors.Add(new FieldError(field, "Catalog.TitleControlCharacters"));
        }
    }
}
