using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Audit;
using Partnership.Core.Common;
using Partnership.Infrastructure.Data;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Admin.Controllers;

public sealed record AuditPage(AuditQuery Query, string? Person, IReadOnlyList<AuditEntry> Entries, IReadOnlyDictionary<string, string> People, IReadOnlyList<string> EntityTypes);

/// <summary>The audit log, read-only: search by person, entity, action and period; export as CSV. No route changes it.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.ReadAuditLog)]
[Route("/admin/audit")]
public sealed class AuditController(AuditLogService audit, AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    public const int ExportLimit = 100_000;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? person, string? entity, string? action, DateOnly? from, DateOnly? to, long? before, CancellationToken ct)
    {
        var query = new AuditQuery(await UserIdAsync(person, ct), entity, action, from, to, before);
        var entries = await audit.PageAsync(query, ct);
        return View(new AuditPage(query, person, entries, await PeopleAsync(entries.Select(e => e.UserId), ct), await audit.EntityTypesAsync(ct)));
    }

    /// <summary>The same search as CSV (UTF-8 with BOM, so Excel reads the Japanese), up to 100,000 rows.</summary>
    [HttpGet("export.csv")]
    public async Task Export(string? person, string? entity, string? action, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = new AuditQuery(await UserIdAsync(person, ct), entity, action, from, to, null);
        var entries = await audit.Query(query).Take(ExportLimit).ToListAsync(ct);
        var people = await PeopleAsync(entries.Select(e => e.UserId), ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMddHHmm}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "Audit.At", "Audit.Person", "Audit.Address", "Audit.Action", "Audit.Entity", "Audit.EntityId", "Audit.Changes" })
        {
            csv.WriteField(t[header].Value);
        }
        await csv.NextRecordAsync();
        foreach (var e in entries)
        {
            csv.WriteField(JapanTime.ToJapan(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(e.UserId is null ? t["Audit.System"].Value : people.GetValueOrDefault(e.UserId, e.UserId));
            csv.WriteField(e.IpAddress);
            csv.WriteField(t[$"Audit.Action.{e.Action}"].Value);
            csv.WriteField(e.EntityType);
            csv.WriteField(e.EntityId);
            csv.WriteField(e.Changes);
            await csv.NextRecordAsync();
        }
    }

    private async Task<string?> UserIdAsync(string? person, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(person))
        {
            return null;
        }
        var normalized = person.Trim().ToUpperInvariant();
        // An unknown person matches nobody (not everybody).
        return await db.Users.Where(u => u.NormalizedEmail == normalized || u.Id == person).Select(u => u.Id).FirstOrDefaultAsync(ct) ?? "(none)";
    }

    private async Task<Dictionary<string, string>> PeopleAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
    }
}
