using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Schemes;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>
/// The six schemes of the plan and the first version of each form, from Seeding/Data/schemes.json. Idempotent:
/// adds a scheme (with its form version 1) only when its code is missing; officials publish later versions.
/// </summary>
public sealed class SchemeSeeder(AppDbContext db, TimeProvider clock)
{
    private const string ResourceName = "Partnership.Infrastructure.Seeding.Data.schemes.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var existing = await db.Schemes.Select(s => s.Code).ToHashSetAsync(ct);
        foreach (var seed in Load().Where(s => !existing.Contains(s.Code)))
        {
            var scheme = new Scheme
            {
                Code = seed.Code,
                NameJa = seed.NameJa,
                NameEn = seed.NameEn,
                Kind = seed.Kind,
                AreaCode = seed.AreaCode,
                MeasureKey = seed.MeasureKey,
                NumberPrefix = seed.NumberPrefix,
                ValidityMonths = seed.ValidityMonths,
                ValidUntilField = seed.ValidUntilField,
                HasProgressReports = seed.HasProgressReports,
                Order = seed.Order,
            };
            scheme.FormVersions.Add(new SchemeFormVersion { Number = 1, DefinitionJson = seed.Form.ToJson(), PublishedAt = clock.GetUtcNow().UtcDateTime });
            db.Schemes.Add(scheme);
        }
        await db.SaveChangesAsync(ct);
    }

    public static IReadOnlyList<SchemeSeed> Load()
    {
        using var stream = typeof(SchemeSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        return JsonSerializer.Deserialize<List<SchemeSeed>>(stream, Json) ?? [];
    }

    public sealed record SchemeSeed(
        string Code, int Order, SchemeKind Kind, string AreaCode, string MeasureKey, string NumberPrefix, string NameJa, string NameEn,
        int? ValidityMonths, string? ValidUntilField, bool HasProgressReports, FormDefinition Form);
}
