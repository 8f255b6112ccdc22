using Microsoft.EntityFrameworkCore;
using Partnership.Core.Consultations;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>
/// The six consultation desks of the seed (DOMAIN.md), each pointing at its FY2021 measure by the measure's
/// stable key, with the topics it handles. Idempotent: adds the desks that are missing.
/// </summary>
public sealed class ConsultationDeskSeeder(AppDbContext db)
{
    private sealed record DeskSeed(string Code, string MeasureKey, string NameJa, string NameEn, bool Experts, (string Ja, string En)[] Topics);

    private static readonly DeskSeed[] Desks =
    [
        new("WORKSTYLE", "WORKSTYLE-M02", "働き方改革 相談窓口", "Work-style reform consultation desk", true,
            [("長時間労働の削減", "Reducing long working hours"), ("休暇の取得促進", "Encouraging leave"), ("柔軟な働き方の導入", "Flexible working"), ("就業規則の見直し", "Revising work rules")]),
        new("TELEWORK-CENTER", "TELEWORK-M01", "東京テレワーク推進センター", "Tokyo Telework Promotion Center", true,
            [("テレワークの導入", "Introducing telework"), ("機器・セキュリティ", "Equipment and security"), ("労務管理・評価", "Labour management and appraisal"), ("助成金の活用", "Using subsidies")]),
        new("TELEWORK-DESK", "TELEWORK-M07", "テレワーク推進デスク", "Telework promotion desk", false,
            [("テレワークの導入", "Introducing telework"), ("支援制度の案内", "Guidance on support schemes")]),
        new("TALENT", "TALENT-M02", "人材確保相談窓口（東京しごと財団）", "Talent acquisition desk (Tokyo Shigoto Foundation)", true,
            [("採用活動", "Recruiting"), ("定着・育成", "Retention and training"), ("職場環境の改善", "Improving the workplace")]),
        new("FOREIGN-TALENT", "TALENT-M06", "外国人材受入れ支援拠点", "Support hub for hiring foreign talent", true,
            [("在留資格・手続", "Residence status and procedures"), ("受入れ体制の整備", "Preparing to receive foreign staff"), ("特定技能", "Specified skilled workers")]),
        new("DAYCARE", "TALENT-M04", "企業主導型保育施設 相談窓口", "Company-led daycare consultation desk", false,
            [("設置の検討", "Planning a facility"), ("助成制度", "Grants"), ("運営", "Running a facility")]),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var existing = await db.ConsultationDesks.Select(d => d.Code).ToHashSetAsync(ct);
        var order = 0;
        foreach (var seed in Desks)
        {
            order++;
            if (existing.Contains(seed.Code))
            {
                continue;
            }
            var measureId = await db.Measures.Where(m => m.Key == seed.MeasureKey && m.Plan!.FiscalYear == 2021).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (measureId is null)
            {
                continue;
            }
            db.ConsultationDesks.Add(new ConsultationDesk
            {
                Code = seed.Code,
                NameJa = seed.NameJa,
                NameEn = seed.NameEn,
                MeasureId = measureId.Value,
                OffersExpertDispatch = seed.Experts,
                Order = order,
                Topics = [.. seed.Topics.Select((t, i) => new ConsultationTopic { NameJa = t.Ja, NameEn = t.En, Order = i + 1 })],
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
