using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnership.Core.Schemes;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Api;

/// <summary>
/// Open data: the public directory as JSON or CSV (UTF-8 with BOM, so Excel opens it), and the schemes it
/// lists. Only entries in force whose company chose to be listed.
/// </summary>
public static class DirectoryApi
{
    public sealed record SchemeDto(string Code, string Kind, string AreaCode, string MeasureKey, string NameJa, string NameEn, int? ValidityMonths);

    public sealed record DirectoryEntryDto(
        string CompanyName, string? CorporateNumber, string? MunicipalityCode, string Municipality, string Scheme, string SchemeNameJa,
        string Number, string AcceptedOn, string? ValidUntil);

    public static readonly string[] CsvHeader =
        ["company_name", "corporate_number", "municipality_code", "municipality", "scheme", "scheme_name", "number", "accepted_on", "valid_until"];

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Directory").AllowAnonymous();

        group.MapGet("/schemes", async (SchemeService schemes, CancellationToken ct) =>
                (await schemes.SchemesAsync(ct)).Select(s => new SchemeDto(s.Code, s.Kind.ToString().ToLowerInvariant(), s.AreaCode, s.MeasureKey, s.NameJa, s.NameEn, s.ValidityMonths)).ToList())
            .WithName("GetSchemes")
            .WithSummary("The declaration, certification and registration schemes (宣言・認定・登録制度).");

        group.MapGet("/directory", async Task<Results<Ok<List<DirectoryEntryDto>>, CsvDownload, BadRequest<string>>> (
                string? scheme, string? format, DirectoryService directory, SchemeService schemes, CancellationToken ct) =>
            {
                if (scheme is not null && await schemes.SchemeAsync(scheme, ct) is null)
                {
                    return TypedResults.BadRequest("Unknown scheme code; see /api/v1/schemes.");
                }
                if (format is not (null or "json" or "csv"))
                {
                    return TypedResults.BadRequest("format is json or csv.");
                }
                var rows = directory.AllAsync(new DirectoryFilter(scheme));
                if (format == "csv")
                {
                    // Through SpreadsheetFiles: a company name that starts like a formula (= + - @ tab CR) is escaped there.
                    return new CsvDownload($"directory-{(scheme ?? "all").ToLowerInvariant()}.csv", CsvHeader, rows.Select(row => CsvRow(ToDto(row))));
                }
                var list = new List<DirectoryEntryDto>();
                await foreach (var row in rows.WithCancellation(ct))
                {
                    list.Add(ToDto(row));
                }
                return TypedResults.Ok(list);
            })
            .WithName("GetDirectory")
            .WithSummary("Companies in force in a scheme that chose to be listed; ?format=csv for CSV (UTF-8 with BOM).");
        return app;
    }

    private static IReadOnlyList<object?> CsvRow(DirectoryEntryDto dto) =>
        [dto.CompanyName, dto.CorporateNumber, dto.MunicipalityCode, dto.Municipality, dto.Scheme, dto.SchemeNameJa, dto.Number, dto.AcceptedOn, dto.ValidUntil];

    private static DirectoryEntryDto ToDto(DirectoryRow r) => new(
        r.CompanyName, r.CorporateNumber, r.MunicipalityCode, r.CityName, r.SchemeCode, r.SchemeJa, r.Number,
        r.AcceptedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
