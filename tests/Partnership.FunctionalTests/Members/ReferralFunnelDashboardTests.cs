using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Core.Outreach;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Members;

/// <summary>
/// The referral funnel on Metro's and the chamber's dashboards (issue 27): referred → registered on the portal → converted, split by whether
/// the member was registered before the referral, for the fiscal year chosen; each count links to the referral list
/// filtered to exactly those referrals. Referrals dated in 令和3年度 (FY2021), which no other test of the shared portal uses.
/// </summary>
public sealed class ReferralFunnelDashboardTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Year = "2021";
    private const string Period = "from=2021-04-01&to=2022-03-31";

    private static DateTime Japan(int year, int month, int day, int hour = 10) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-9);

    private Task<int> CompanyAsync(string name, string kana) => portal.WithDbAsync(async db =>
    {
        var company = new Company
        {
            Name = name, NameKana = kana, PostalCode = "100-0005", Prefecture = "東京都", MunicipalityCode = null, CityName = "千代田区", Street = "丸の内2-2-2",
            Phone = "03-3000-0004", IndustryCode = "E", ContactName = "担当 花子",
        };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    [Fact]
    public async Task The_dashboard_counts_referrals_of_the_year_by_registration_before_or_after_and_links_each_count_to_its_list()
    {
        var before = await CompanyAsync("漏斗前登録商事", "ロウトマエトウロクショウジ");
        var beforeConverted = await CompanyAsync("漏斗前成約商事", "ロウトマエセイヤクショウジ");
        var after = await CompanyAsync("漏斗後登録商事", "ロウトアトトウロクショウジ");
        var afterConverted = await CompanyAsync("漏斗後成約商事", "ロウトアトセイヤクショウジ");
        var lastYear = await CompanyAsync("漏斗前年度商事", "ロウトゼンネンドショウジ");
        await portal.WithDbAsync(async db =>
        {
            var waiting = new RosterMember
            {
                MemberNumber = "FUNNEL-1", Name = "漏斗未登録商会", NameKana = "ロウトミトウロクショウカイ", NameFolded = RosterRules.Fold("漏斗未登録商会"),
                KanaFolded = RosterRules.Fold("ロウトミトウロクショウカイ"), BranchCode = "13101", JoinedOn = new DateOnly(2020, 4, 1), Address = "",
            };
            db.RosterMembers.Add(waiting);
            await db.SaveChangesAsync();
            var measureId = await db.Measures.Where(m => m.Side == MeasureSide.Metro).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            var chamberId = await db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync();
            Referral Referral(int? companyId, DateTime at) => new() { CompanyId = companyId, MeasureId = measureId, BranchCode = "13101", ReferredAt = at, ReferredByUserId = chamberId };
            db.Referrals.AddRange(
                // Registered before the referral: one open, one converted.
                Referral(before, Japan(2021, 4, 1, 9)),
                Referral(beforeConverted, Japan(2021, 6, 1)),
                // Not registered when referred: one still waiting, one registered since, one registered since and converted
                // (on the last evening of the fiscal year, Japan time).
                new Referral { RosterMemberId = waiting.Id, MeasureId = measureId, BranchCode = "13101", ReferredAt = Japan(2021, 9, 1), ReferredByUserId = chamberId },
                Referral(after, Japan(2021, 10, 1)),
                Referral(afterConverted, Japan(2022, 3, 31, 23)),
                // 令和2年度 (the day before the year starts, Japan time): not counted.
                Referral(lastYear, Japan(2021, 3, 31, 23)));
            await db.SaveChangesAsync();
            var saved = await db.Referrals.Where(r => r.ReferredAt >= Japan(2021, 3, 31, 0)).ToListAsync();
            saved.Single(r => r.CompanyId == beforeConverted).ConvertedAt = Japan(2021, 7, 1);
            saved.Single(r => r.CompanyId == beforeConverted).ConvertedBy = ConversionKind.Scheme;
            saved.Single(r => r.CompanyId == after).AttachedAt = Japan(2021, 11, 1);
            var converted = saved.Single(r => r.CompanyId == afterConverted);
            converted.AttachedAt = Japan(2022, 4, 2);
            converted.ConvertedAt = Japan(2022, 4, 3);
            converted.ConvertedBy = ConversionKind.Consultation;
            return await db.SaveChangesAsync();
        });
        var metro = await portal.SignedInAsync(DemoUsers.Metro);

        var csv = await CsvAsync(metro, $"/dashboard/export/referral-funnel?year={Year}&format=csv");
        Assert.Equal(["誘導時の登録状況", "誘導", "うちポータル登録済み", "うち成約"], csv[0]);
        Assert.Equal(["誘導前から登録済み", "2", "2", "1"], csv[1]);
        Assert.Equal(["誘導時は未登録", "3", "2", "1"], csv[2]);
        Assert.Equal(["合計", "5", "4", "2"], csv[3]);

        var page = await metro.GetStringAsync($"/dashboard?year={Year}");
        Assert.Contains("誘導からポータル登録・成約まで", page);
        // The chamber's dashboard shows the same funnel and exports it alike.
        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Contains("誘導からポータル登録・成約まで", await chamber.GetStringAsync($"/dashboard/chamber?year={Year}"));
        Assert.Equal(csv, await CsvAsync(chamber, $"/dashboard/chamber/export/referral-funnel?year={Year}&format=csv"));
        string[] links =
        [
            "registration=before", "registration=before&amp;converted=true", "registration=not-before", "registration=after",
            "registration=after&amp;converted=true", "registration=registered", "registration=registered&amp;converted=true",
        ];
        foreach (var link in links)
        {
            Assert.Contains($"href=\"/outreach/referrals?{Period.Replace("&", "&amp;", StringComparison.Ordinal)}&amp;{link}\"", page);
        }

        // The referral list of the same days shows the same funnel (one query for both).
        var yearList = await metro.GetStringAsync($"/outreach/referrals?{Period}");
        foreach (var (id, value) in new[] { ("funnel-all", 5), ("funnel-unregistered", 3), ("funnel-registered", 2), ("funnel-converted", 1),
            ("funnel-registered-before", 2), ("funnel-converted-before", 1) })
        {
            Assert.Contains($"data-testid=\"{id}\">{value}<", yearList);
        }

        // Each link lists exactly the referrals its count counts.
        async Task<string[]> Listed(string filter)
        {
            var list = await metro.GetStringAsync($"/outreach/referrals?{Period}&{filter}");
            return [.. new[] { "漏斗前登録商事", "漏斗前成約商事", "漏斗未登録商会", "漏斗後登録商事", "漏斗後成約商事", "漏斗前年度商事" }.Where(list.Contains)];
        }
        Assert.Equal(["漏斗前登録商事", "漏斗前成約商事"], await Listed("registration=before"));
        Assert.Equal(["漏斗前成約商事"], await Listed("registration=before&converted=true"));
        Assert.Equal(["漏斗未登録商会", "漏斗後登録商事", "漏斗後成約商事"], await Listed("registration=not-before"));
        Assert.Equal(["漏斗後登録商事", "漏斗後成約商事"], await Listed("registration=after"));
        Assert.Equal(["漏斗後成約商事"], await Listed("registration=after&converted=true"));
        Assert.Equal(["漏斗前登録商事", "漏斗前成約商事", "漏斗後登録商事", "漏斗後成約商事"], await Listed("registration=registered"));
    }

    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return [.. Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }
}
