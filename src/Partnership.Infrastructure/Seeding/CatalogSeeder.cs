using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>
/// Fills the catalog with the six program areas and the FY2021 plan (令和3年度), every ○ and ・ line of the
/// seed table word for word, from the JSON shipped inside this assembly. Idempotent: adds only what is missing.
/// </summary>
public sealed class CatalogSeeder(AppDbContext db)
{
    private const string ResourceName = "Partnership.Infrastructure.Seeding.Data.catalog-fy2021.json";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var seed = Load();
        var areas = await db.ProgramAreas.ToDictionaryAsync(a => a.Code, ct);
        foreach (var a in seed.Areas.Where(a => !areas.ContainsKey(a.Code)))
        {
            var area = new ProgramArea
            {
                Code = a.Code,
                NameJa = a.NameJa,
                NameEn = a.NameEn,
                DescriptionJa = a.DescriptionJa,
                DescriptionEn = a.DescriptionEn,
                Order = a.Order,
            };
            db.ProgramAreas.Add(area);
            areas[a.Code] = area;
        }

        if (!await db.PartnershipPlans.AnyAsync(p => p.FiscalYear == seed.FiscalYear, ct))
        {
            var plan = new PartnershipPlan { FiscalYear = seed.FiscalYear, TitleJa = seed.PlanTitleJa, TitleEn = seed.PlanTitleEn };
            var byKey = new Dictionary<string, Measure>();
            foreach (var m in seed.Measures.OrderBy(m => m.Order))
            {
                var measure = new Measure
                {
                    Plan = plan,
                    Area = areas[m.Area],
                    Side = m.Side == "metro" ? MeasureSide.Metro : MeasureSide.Chamber,
                    Parent = m.ParentKey is null ? null : byKey[m.ParentKey],
                    Kind = Enum.Parse<MeasureKind>(m.Kind),
                    Key = m.Key,
                    TitleJa = m.TitleJa,
                    TitleEn = m.TitleEn,
                    Order = m.Order,
                };
                byKey[m.Key] = measure;
                plan.Measures.Add(measure);
            }
            db.PartnershipPlans.Add(plan);
        }
        await db.SaveChangesAsync(ct);
    }

    public static CatalogSeed Load()
    {
        using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<CatalogSeed>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The catalog seed is empty.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed record CatalogSeed(
    int FiscalYear, string PlanTitleJa, string PlanTitleEn, IReadOnlyList<AreaSeed> Areas, IReadOnlyList<MeasureSeed> Measures);

public sealed record AreaSeed(string Code, int Order, string NameJa, string NameEn, string DescriptionJa, string DescriptionEn);

public sealed record MeasureSeed(
    string Key, string Area, string Side, [property: JsonPropertyName("parentKey")] string? ParentKey, string Kind, int Order, string TitleJa, string TitleEn);
