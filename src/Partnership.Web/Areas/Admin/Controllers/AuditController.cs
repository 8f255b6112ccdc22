using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Audit;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Admin.Controllers;

public sealed record AuditPage(AuditQuery Query, string? Person, IReadOnlyList<AuditEntry> Entries, IReadOnlyDictionary<string, string> People, IReadOnlyList<string> EntityTypes);

/// <summary>The audit log, read-only: search by person, entity, action and period; export as CSV. No route changes it.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.ReadAuditLog)]
[Route("/admin/audit")]
public sealed class AuditController(AuditLogService audit, AuditPeople people, IStringLocalizer<SharedResource> t) : Controller
{
    public const int ExportLimit = 100_000;

    private static readonly string[] ExportHeader = ["Audit.At", "Audit.Person", "Audit.Address", "Audit.Action", "Audit.Entity", "Audit.EntityId", "Audit.Changes"];

    [HttpGet("")]
    public async Task<IActionResult> Index(string? person, string? entity, string? action, DateOnly? from, DateOnly? to, long? before, CancellationToken ct)
    {
        var query = new AuditQuery(await people.UserIdAsync(person, ct), entity, action, from, to, before);
        var entries = await audit.PageAsync(query, ct);
        return View(new AuditPage(query, person, entries, await people.AddressesAsync(entries.Select(e => e.UserId), ct), await audit.EntityTypesAsync(ct)));
    }

    /// <summary>The same search as CSV (UTF-8 with BOM, so Excel reads the Japanese), up to 100,000 rows.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(string? person, string? entity, string? action, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = new AuditQuery(await people.UserIdAsync(person, ct), entity, action, from, to, null);
        var entries = await audit.ExportAsync(query, ExportLimit, ct);
        var addresses = await people.AddressesAsync(entries.Select(e => e.UserId), ct);
        return new CsvDownload($"audit-{DateTime.UtcNow:yyyyMMddHHmm}.csv", [.. ExportHeader.Select(h => t[h].Value)], entries.Select(e => (IReadOnlyList<object?>)
        [
            JapanTime.ToJapan(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.UserId is null ? t["Audit.System"].Value : addresses.GetValueOrDefault(e.UserId, e.UserId),
            e.IpAddress,
            t[$"Audit.Action.{e.Action}"].Value,
            e.EntityType,
            e.EntityId,
            e.Changes,
        ]));
    }
}
