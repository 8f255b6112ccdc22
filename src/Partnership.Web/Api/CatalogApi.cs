using Microsoft.AspNetCore.Http.HttpResults;
using Partnership.Core.Catalog;
using Partnership.Core.PlanServices;
using Partnership.Core.Reference;

namespace Partnership.Web.Api;

/// <summary>Open data: the catalog as JSON, described by the OpenAPI document at /openapi/v1.json.</summary>
public static class CatalogApi
{
    public sealed record AreaDto(string Code, int Order, string NameJa, string NameEn, string DescriptionJa, string DescriptionEn);

    public sealed record MeasureDto(
        int Id, string AreaCode, string Side, int? ParentId, string Kind, string Key, string TitleJa, string TitleEn, int Order,
        IReadOnlyList<ServiceDto> Services, OfflineDto? Offline);

    /// <summary>A service of a measure: kind subsidy|scheme|consultation|event|library|outreach, state open|closed|upcoming|budget-reached|ongoing.</summary>
    public sealed record ServiceDto(string Kind, string Code, string TitleJa, string TitleEn, string Url, string State, DateOnly? OpensOn);

    /// <summary>The official note of a measure not served online: what to do instead and whom to contact.</summary>
    public sealed record OfflineDto(string NoteJa, string NoteEn);

    public sealed record MeasuresDto(int FiscalYear, IReadOnlyList<MeasureDto> Measures);

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/catalog").WithTags("Catalog").AllowAnonymous();

        group.MapGet("/areas", async (IReferenceLists lists, CancellationToken ct) =>
                (await lists.ProgramAreasAsync(ct))
                    .Select(a => new AreaDto(a.Code, a.Order, a.NameJa, a.NameEn, a.DescriptionJa, a.DescriptionEn))
                    .ToList())
            .WithName("GetCatalogAreas")
            .WithSummary("The program areas (施策分野) of the partnership.");

        group.MapGet("/measures", async Task<Results<Ok<MeasuresDto>, NotFound>> (int? fiscalYear, CatalogService catalog, PlanServiceReader services, CancellationToken ct) =>
            {
                var year = fiscalYear ?? await catalog.LatestFiscalYearAsync(ct);
                if (year is null || !(await catalog.FiscalYearsAsync(ct)).Contains(year.Value))
                {
                    return TypedResults.NotFound();
                }
                var measures = await catalog.MeasuresAsync(year.Value, ct);
                var offers = await services.ForMeasuresAsync(measures, ct);
                return TypedResults.Ok(new MeasuresDto(year.Value, measures.Select(m => ToDto(m, offers[m.Id])).ToList()));
            })
            .WithName("GetCatalogMeasures")
            .WithSummary("The measures (取組) of one fiscal year's plan; the latest plan when fiscalYear is omitted.");
        return app;
    }

    public static MeasureDto ToDto(MeasureRow m, MeasureOffer offer) => new(
        m.Id,
        m.AreaCode,
        Measure.SideCode(m.Side),
        m.ParentId,
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.Kind.ToString()),
        m.Key,
        m.TitleJa,
        m.TitleEn,
        m.Order,
        offer.Services.Select(s => new ServiceDto(ServiceCodes.Kind(s.Kind), s.Code, s.TitleJa, s.TitleEn, s.Url, ServiceCodes.State(s.State), s.StateDate)).ToList(),
        offer.Offline is { } note ? new OfflineDto(note.NoteJa, note.NoteEn) : null);
}
