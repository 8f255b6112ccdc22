using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;

namespace Partnership.FunctionalTests;

public class OpenDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private sealed record AreaJson(string Code, int Order, string NameJa, string NameEn);

    private sealed record MeasureJson(int Id, string AreaCode, string Side, int? ParentId, string Kind, string Key, string TitleJa, string TitleEn, int Order);

    private sealed record MeasuresJson(int FiscalYear, List<MeasureJson> Measures);

    [Fact]
    public async Task The_areas_JSON_matches_the_database()
    {
        var areas = await portal.CreatePortalClient().GetFromJsonAsync<List<AreaJson>>("/api/v1/catalog/areas");
        var expected = await portal.WithDbAsync(db => db.ProgramAreas.OrderBy(a => a.Order).ToListAsync());
        Assert.Equal(expected.Select(a => (a.Code, a.Order, a.NameJa, a.NameEn)), areas!.Select(a => (a.Code, a.Order, a.NameJa, a.NameEn)));
    }

    [Fact]
    public async Task The_measures_JSON_matches_the_database_field_by_field()
    {
        var response = await portal.CreatePortalClient().GetAsync("/api/v1/catalog/measures?fiscalYear=2021");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadFromJsonAsync<MeasuresJson>();
        var expected = await portal.WithDbAsync(db => db.Measures.Include(m => m.Area).Where(m => m.Plan!.FiscalYear == 2021).OrderBy(m => m.Order).ToListAsync());

        Assert.Equal(2021, body!.FiscalYear);
        Assert.Equal(59, body.Measures.Count);
        Assert.Equal(
            expected.Select(m => (m.Id, m.Area!.Code, m.Side == MeasureSide.Metro ? "metro" : "chamber", m.ParentId, m.Key, m.TitleJa, m.TitleEn, m.Order)),
            body.Measures.Select(m => (m.Id, m.AreaCode, m.Side, m.ParentId, m.Key, m.TitleJa, m.TitleEn, m.Order)));
        Assert.Equal("consultationDesk", body.Measures.Single(m => m.Key == "WORKSTYLE-M02").Kind);
    }

    [Fact]
    public async Task An_unknown_fiscal_year_is_404_and_a_non_numeric_one_is_400()
    {
        var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/catalog/measures?fiscalYear=1990")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/catalog/measures?fiscalYear=abc")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_open_data_endpoints()
    {
        var json = await portal.CreatePortalClient().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/catalog/areas", out _));
        Assert.True(paths.TryGetProperty("/api/v1/catalog/measures", out var measures));
        Assert.Contains("fiscalYear", measures.GetRawText());
        // Only the API is described, not the HTML pages.
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/catalog", StringComparison.Ordinal));
    }
}
