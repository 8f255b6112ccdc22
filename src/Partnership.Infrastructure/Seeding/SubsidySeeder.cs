using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>The subsidy programs of the plan (always), and in Development an open first-come window to try.</summary>
public sealed class SubsidySeeder(AppDbContext db, TimeProvider clock)
{
    private const string ResourceName = "Partnership.Infrastructure.Seeding.Data.subsidy-programs.json";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        using var stream = typeof(SubsidySeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        var seeds = JsonSerializer.Deserialize<List<SubsidyProgram>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
        var existing = await db.SubsidyPrograms.Select(p => p.Code).ToHashSetAsync(ct);
        db.SubsidyPrograms.AddRange(seeds.Where(s => !existing.Contains(s.Code)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Development only: a telework-equipment window open since yesterday for 60 days, first come first served.</summary>
    public async Task SeedDemoWindowAsync(CancellationToken ct = default)
    {
        if (await db.SubsidyWindows.AnyAsync(ct))
        {
            return;
        }
        var program = await db.SubsidyPrograms.SingleAsync(p => p.Code == "TELEWORK-EQUIP", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var opens = JapanTime.ToUtc(JapanTime.ToJapan(now).Date.AddDays(-1).AddHours(9));
        db.SubsidyWindows.Add(new SubsidyWindow
        {
            ReceiptCode = SubsidyWindow.ReceiptCodeFor(JapanTime.FiscalYearOf(now), program.ReceiptCode, 1),
            ProgramId = program.Id, FiscalYear = JapanTime.FiscalYearOf(now), OpensAt = opens, ClosesAt = opens.AddDays(60),
            BudgetYen = 50_000_000, CapYen = 1_500_000, RateNumerator = 1, RateDenominator = 2, Allotment = Allotment.FirstCome,
            RequiredDocuments = [new("doc1", "見積書", "Quotation"), new("doc2", "テレワーク導入計画書", "Telework introduction plan")],
        });
        await db.SaveChangesAsync(ct);
    }
}
