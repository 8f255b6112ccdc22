using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Reference;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>
/// Reference data shipped with the portal: Tokyo's 62 municipalities with their codes, the JSIC major groups,
/// the TCCI branches and the Metro bureaus. Adds only what is missing, so an administrator's later edits are kept.
/// </summary>
public sealed class ReferenceDataSeeder(AppDbContext db)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var municipalities = await db.Municipalities.Select(m => m.Code).ToHashSetAsync(ct);
        var order = 0;
        foreach (var row in ReadCsv<MunicipalityRow>("tokyo-municipalities.csv"))
        {
            order++;
            if (municipalities.Add(row.Code))
            {
                db.Municipalities.Add(new Municipality
                {
                    Code = row.Code, Code5 = row.Code5, NameJa = row.Name, Kind = row.Kind,
                    District = string.IsNullOrWhiteSpace(row.District) ? null : row.District, Order = order,
                });
            }
        }

        var industries = await db.Industries.Select(i => i.Code).ToHashSetAsync(ct);
        foreach (var row in ReadCsv<IndustryRow>("jsic-major-groups.csv").Where(r => industries.Add(r.Code)))
        {
            db.Industries.Add(new Industry { Code = row.Code, NameJa = row.Name, NameEn = row.NameEn });
        }

        var branches = await db.ChamberBranches.Select(b => b.Code).ToHashSetAsync(ct);
        await using var json = Open("chamber-branches.json");
        var seed = await JsonSerializer.DeserializeAsync<List<BranchRow>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct) ?? [];
        foreach (var row in seed.Where(b => branches.Add(b.Code)))
        {
            db.ChamberBranches.Add(new ChamberBranch { Code = row.Code, NameJa = row.NameJa, NameEn = row.NameEn, Order = row.Order });
        }
        var bureaus = await db.MetroBureaus.Select(b => b.Code).ToHashSetAsync(ct);
        await using var bureauJson = Open("metro-bureaus.json");
        var bureauSeed = await JsonSerializer.DeserializeAsync<List<BranchRow>>(bureauJson, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct) ?? [];
        foreach (var row in bureauSeed.Where(b => bureaus.Add(b.Code)))
        {
            db.MetroBureaus.Add(new MetroBureau { Code = row.Code, NameJa = row.NameJa, NameEn = row.NameEn, Order = row.Order });
        }
        await db.SaveChangesAsync(ct);
    }

    private static List<T> ReadCsv<T>(string file)
    {
        using var reader = new StreamReader(Open(file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() });
        return csv.GetRecords<T>().ToList();
    }

    private static Stream Open(string file) =>
        typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream($"Partnership.Infrastructure.Seeding.Data.{file}")
        ?? throw new InvalidOperationException($"Embedded resource {file} is missing.");

    private sealed class MunicipalityRow
    {
        public string Code { get; set; } = "";
        public string Code5 { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? District { get; set; }
    }

    private sealed class IndustryRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string NameEn { get; set; } = "";
    }

    private sealed record BranchRow(string Code, string NameJa, string NameEn, int Order);
}
