using Microsoft.EntityFrameworkCore;
using Partnership.Core.Reference;
using Partnership.Core.Schemes;
using Partnership.Infrastructure.Data;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>The lists the scheme pages' filters offer.</summary>
public sealed class SchemePages(AppDbContext db)
{
    public Task<List<Scheme>> SchemesAsync(CancellationToken ct) => db.Schemes.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);

    public Task<List<Municipality>> MunicipalitiesAsync(CancellationToken ct) => db.Municipalities.AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct);

    public Task<List<Industry>> IndustriesAsync(CancellationToken ct) => db.Industries.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);

    public async Task<List<(string Code, string Name)>> AreasAsync(CancellationToken ct) =>
        (await db.ProgramAreas.AsNoTracking().OrderBy(a => a.Order).ToListAsync(ct)).Select(a => (a.Code, Languages.Pick(a.NameJa, a.NameEn))).ToList();
}
