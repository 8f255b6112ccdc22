using Partnership.Core.Reference;
using Partnership.Core.Schemes;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>The lists the scheme pages' filters offer.</summary>
public sealed class SchemePages(SchemeService schemes, IReferenceLists lists)
{
    public Task<List<Scheme>> SchemesAsync(CancellationToken ct) => schemes.SchemesAsync(ct);

    public Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken ct) => lists.MunicipalitiesAsync(ct);

    public Task<IReadOnlyList<Industry>> IndustriesAsync(CancellationToken ct) => lists.IndustriesAsync(ct);

    public async Task<List<(string Code, string Name)>> AreasAsync(CancellationToken ct) =>
        (await lists.ProgramAreasAsync(ct)).Select(a => (a.Code, Languages.Pick(a.NameJa, a.NameEn))).ToList();
}
