using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Audit;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.FunctionalTests.Security;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>
/// Every CSV and .xlsx export over HTTP, each showing a record whose text starts like a spreadsheet formula: the file
/// shows it with a single quote in front (the one rule of <c>SpreadsheetFiles.Escape</c>), never as it was typed.
/// </summary>
public sealed class ExportEscapingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string EntityType = "ExportEscapingTest";

    public static TheoryData<string> Prefixes => new() { "=", "+", "-", "@", "\t", "\r" };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Every_export_shows_text_that_starts_like_a_formula_as_text(string prefix)
    {
        // Short enough for every column it goes into (a branch's name holds 20 characters on the server databases).
        var hostile = prefix + "SUM(1+1)*" + (int)prefix[0];
        var ids = await SeedAsync(hostile);
        var year = JapanTime.FiscalYearOf(DateTime.UtcNow);

        var metro = await SignedInAsync(DemoUsers.Metro);
        var admin = await SignedInAsync(DemoUsers.Admin);
        var chamber = await SignedInAsync(DemoUsers.Chamber);
        var csvExports = new (HttpClient Client, string Url)[]
        {
            (admin, $"/admin/audit/export.csv?entity={EntityType}"),
            (metro, "/outreach/export.csv"),
            (metro, $"/subsidies/manage/windows/{ids.ReceivedWindowId}/export.csv"),
            (portal.CreatePortalClient(), "/api/v1/directory?scheme=WOMEN-PLAN&format=csv"),
            (chamber, $"/dashboard/chamber/export/branches?year={year}&format=csv"),
            (metro, $"/dashboard/export/branches?year={year}&format=csv"),
        };
        foreach (var (client, url) in csvExports)
        {
            var cells = await CsvCellsAsync(client, url);
            Assert.True(cells.Contains("'" + hostile), $"{url} does not show the escaped value");
            Assert.False(cells.Contains(hostile), $"{url} shows the value as typed");
        }

        // XML reads a bare carriage return back as a line feed; the quote in front is what counts.
        var inSheet = hostile.Replace('\r', '\n');
        var xlsx = await TextCellsAsync(chamber, $"/dashboard/chamber/export/branches?year={year}&format=xlsx");
        Assert.Contains("'" + inSheet, xlsx);
        Assert.DoesNotContain(inSheet, xlsx);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>
    /// The hostile text where each export shows it: the sample company's name (directory, subsidy window), a chamber
    /// branch's name (dashboards), an outreach activity's note, and an audit entry's changes.
    /// </summary>
    private async Task<SubsidySamples.Ids> SeedAsync(string hostile)
    {
        var companyId = await portal.WithDbAsync(db => db.CompanyMembers
            .Where(m => m.IsOwner && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Company)).Select(m => m.CompanyId).SingleAsync());
        var subsidy = await SubsidySamples.EnsureAsync(portal, companyId);
        await SchemeSamples.EnsureAsync(portal, companyId);
        await portal.WithDbAsync(async db =>
        {
            (await db.Companies.SingleAsync(c => c.Id == companyId)).Name = hostile;
            (await db.ChamberBranches.SingleAsync(b => b.Code == "13101")).NameJa = hostile;
            var chamberUserId = await db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync();
            db.OutreachActivities.Add(new OutreachActivity
            {
                Date = DateOnly.FromDateTime(DateTime.UtcNow), Channel = OutreachChannel.MailMagazine, BranchCode = "13101", Reach = 1, Note = hostile,
                LoggedByUserId = chamberUserId,
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTime.UtcNow, Action = AuditActions.Modified, EntityType = EntityType, EntityId = hostile, IpAddress = hostile, Changes = hostile,
            });
            return await db.SaveChangesAsync();
        });
        // The branch was renamed behind the administrator's page, which is what tells the reference lists to read again.
        using (var scope = portal.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Partnership.Core.Reference.IReferenceLists>().Invalidate();
        }
        return subsidy;
    }

    private static async Task<HashSet<string>> CsvCellsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var parser = new CsvParser(new StringReader(Encoding.UTF8.GetString(bytes[3..])), new CsvConfiguration(CultureInfo.InvariantCulture));
        var cells = new HashSet<string>(StringComparer.Ordinal);
        while (parser.Read())
        {
            cells.UnionWith(parser.Record ?? []);
        }
        return cells;
    }

    private static async Task<List<string>> TextCellsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return [.. document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InnerText)];
    }
}
