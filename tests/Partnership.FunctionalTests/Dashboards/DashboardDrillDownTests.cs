using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Schemes;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Dashboards;

/// <summary>Every figure of the scheme columns links to the list of exactly the records it counts.</summary>
public sealed partial class DashboardDrillDownTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [GeneratedRegex("該当する申請 (\\d+)件")]
    private static partial Regex ListTotal();

    [Fact]
    public async Task Each_scheme_figure_of_the_summary_lists_exactly_the_entries_it_counts()
    {
        var today = DateOnly.FromDateTime(JapanTime.Today(TimeProvider.System));
        var now = DateTime.UtcNow;
        // Entries of one demo company, first submitted this year: one accepted and ending within 90 days, one accepted
        // and since expired (counted as accepted, no longer in force), one waiting for review.
        var areaOfAccepted = await portal.WithDbAsync(async db =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == DemoUsers.OtherCompany);
            var companyId = await db.CompanyMembers.Where(m => m.UserId == owner.Id).Select(m => m.CompanyId).FirstAsync();
            var taken = await db.SchemeEntries.Where(e => e.CompanyId == companyId).Select(e => e.SchemeId).ToListAsync();
            var schemes = await db.Schemes.Where(s => !taken.Contains(s.Id)).OrderBy(s => s.Id).Take(3).ToListAsync();
            Assert.Equal(3, schemes.Count);
            SchemeEntry Entry(Scheme scheme, EntryStatus status, DateOnly? from, DateOnly? until) => new()
            {
                SchemeId = scheme.Id, CompanyId = companyId, Status = status,
                FormVersionId = db.SchemeFormVersions.Where(v => v.SchemeId == scheme.Id).OrderBy(v => v.Number).Select(v => v.Id).First(),
                LiveKey = status == EntryStatus.Expired ? null : SchemeEntry.LiveKeyFor(companyId, scheme.Id, renewal: false),
                SubmittedAt = now, FirstSubmittedAt = now, DecidedAt = status == EntryStatus.Submitted ? null : now, ValidFrom = from, ValidUntil = until,
            };
            db.SchemeEntries.AddRange(
                Entry(schemes[0], EntryStatus.Accepted, today.AddDays(-300), today.AddDays(30)),
                Entry(schemes[1], EntryStatus.Expired, today.AddDays(-400), today.AddDays(-1)),
                Entry(schemes[2], EntryStatus.Submitted, null, null));
            await db.SaveChangesAsync();
            return schemes[0].AreaCode;
        });

        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var year = JapanTime.FiscalYearOf(now);
        var html = await metro.GetStringAsync($"/dashboard?year={year}");
        var document = new HtmlParser().ParseDocument(html);
        var summary = document.QuerySelector("section[data-table=summary] table")!;
        var areaName = await portal.WithDbAsync(db => db.ProgramAreas.Where(a => a.Code == areaOfAccepted).Select(a => a.NameJa).SingleAsync());

        foreach (var rowName in new[] { "合計", areaName })
        {
            var row = summary.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == rowName);
            var cells = row.QuerySelectorAll("td").ToList();
            // 宣言・認定等の申請, うち受理・認定, 有効件数, 有効期限まで90日以内.
            foreach (var column in new[] { 0, 1, 2, 3 })
            {
                var cell = cells[column];
                var link = cell.QuerySelector("a");
                Assert.True(link is not null, $"{rowName} / {column} has a drill-down");
                var figure = int.Parse(link!.TextContent.Trim().Replace(",", ""));
                Assert.True(figure >= 1, $"{rowName} / {column}: {figure}");
                var list = await metro.GetStringAsync(link.GetAttribute("href")!);
                Assert.Equal(figure, int.Parse(ListTotal().Match(list).Groups[1].Value));
            }
        }
    }
}
