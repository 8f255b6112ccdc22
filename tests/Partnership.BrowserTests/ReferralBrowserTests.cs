using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>
/// The Chamber's referral of a member not yet on the portal, in Chromium (issue #27): chamber staff find the member in
/// the roster, refer it to the telework measure; the company registers with its 法人番号 typed full-width, declares
/// the Telework Tokyo Rule, and the referral shows as registered and converted on the chamber's list and dashboard.
/// </summary>
public class ReferralBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_referred_before_registering_registers_declares_and_shows_as_converted()
    {
        // The demo roster's member without a portal account, and the measure the Telework Tokyo Rule serves.
        var (corporateNumber, measureTitle) = await browser.Portal.WithDbAsync(async db =>
        {
            var member = await db.RosterMembers.SingleAsync(m => m.Name == "みらい製作所株式会社");
            var measureKey = await db.Schemes.Where(s => s.Code == "TELEWORK-RULE").Select(s => s.MeasureKey).SingleAsync();
            var title = await db.Measures.Where(m => m.Key == measureKey).Select(m => m.TitleJa).SingleAsync();
            return (member.CorporateNumber!, title);
        });
        const string email = "mirai-owner@example.jp";
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "未来 一郎", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Company);
        }

        // Chamber staff find the member by its kana typed half-width, and refer it.
        var chamber = await browser.NewPageAsync();
        await chamber.SignInAsync(DemoUsers.Chamber);
        await chamber.GotoAsync("/outreach/referrals");
        var before = await FunnelAsync(chamber);
        await chamber.GetByRole(AriaRole.Textbox, new() { Name = "会員名簿から探す" }).FillAsync("ﾐﾗｲ");
        await chamber.GetByTestId("roster-search").GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        var found = chamber.GetByTestId("roster-found");
        await Assertions.Expect(found).ToContainTextAsync("みらい製作所株式会社");
        await Assertions.Expect(found).ToContainTextAsync("未登録");
        await found.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("みらい製作所株式会社") }).ClickAsync();
        await Assertions.Expect(chamber.GetByTestId("referral-member")).ToContainTextAsync(corporateNumber);
        await chamber.GetByTestId("referral-form").GetByLabel(measureTitle, new() { Exact = true }).CheckAsync();
        await chamber.GetByLabel("誘導の方法").SelectOptionAsync(new SelectOptionValue { Label = "窓口" });
        await chamber.GetByTestId("referral-form").GetByLabel("支部", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "千代田支部" });
        await chamber.CheckAtDesktopAndPhoneAsync("87-referral-form");
        await chamber.GetByTestId("referral-form").GetByRole(AriaRole.Button, new() { Name = "誘導を記録する" }).ClickAsync();
        await chamber.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/outreach/referrals$"));
        var referred = await FunnelAsync(chamber);
        Assert.Equal(before.Unregistered + 1, referred.Unregistered);
        Assert.Equal(before.Converted, referred.Converted);
        await chamber.CheckAtDesktopAndPhoneAsync("88-referral-saved");

        // The invitation letter to print: addressed from the roster, with the measure and the registration link.
        await chamber.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("ご案内状を印刷する.*みらい製作所株式会社") }).First.ClickAsync();
        var letter = chamber.GetByTestId("referral-letter");
        await Assertions.Expect(letter).ToContainTextAsync("みらい製作所株式会社　御中");
        await Assertions.Expect(letter).ToContainTextAsync(measureTitle);
        await Assertions.Expect(chamber.GetByTestId("letter-register")).ToContainTextAsync("/company/new?corporateNumber=" + corporateNumber);
        await chamber.CheckAtDesktopAndPhoneAsync("90-referral-letter");
        // Printed, the portal's header and navigation are left out; the letter stays.
        await chamber.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(chamber.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(letter).ToBeVisibleAsync();
        await chamber.ScreenshotAsync("90-referral-letter-print");
        await chamber.EmulateMediaAsync(new() { Media = Media.Screen });

        // The company registers with the 法人番号 typed full-width, as the invitation's link would fill it.
        var company = await browser.NewPageAsync();
        await company.SignInAsync(email);
        await company.GotoAsync("/company/new?corporateNumber=" + Uri.EscapeDataString(FullWidth(corporateNumber)));
        await Assertions.Expect(company.GetByLabel("法人番号", new() { Exact = true })).ToHaveValueAsync(corporateNumber);
        await company.GetByLabel("会社名（屋号）").FillAsync("みらい製作所株式会社");
        await company.GetByLabel("会社名のフリガナ").FillAsync("ミライセイサクショ");
        await company.GetByLabel("郵便番号").FillAsync("１００－０００５");
        await company.GetByLabel("区市町村（東京都）").SelectOptionAsync(new SelectOptionValue { Label = "千代田区" });
        await company.GetByLabel("町名・番地・建物名").FillAsync("丸の内3-2-2");
        await company.GetByLabel("電話番号", new() { Exact = true }).FillAsync("03-3212-0001");
        await company.GetByLabel("業種（日本標準産業分類の大分類）").SelectOptionAsync("E");
        await company.GetByLabel("中小企業基本法上の業種区分").SelectOptionAsync("ManufacturingAndOther");
        await company.GetByLabel("資本金（円）").FillAsync("30,000,000");
        await company.GetByLabel("常時雇用する従業員数").FillAsync("45");
        await company.GetByLabel("担当者氏名").FillAsync("未来 一郎");
        await company.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await company.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/company$"));

        await chamber.GotoAsync("/outreach/referrals");
        var registered = await FunnelAsync(chamber);
        Assert.Equal(referred.Registered + 1, registered.Registered);
        Assert.Equal(referred.Converted, registered.Converted);
        var dashboardBefore = await DashboardConvertedAsync(chamber);

        // The company declares the Telework Tokyo Rule: the referral converts.
        await company.GotoAsync("/company/schemes");
        await company.Locator("[data-scheme=TELEWORK-RULE]").GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await company.GetByLabel("テレワークの実施ルール（対象者・頻度・手続）を定める").CheckAsync();
        await company.GetByLabel("テレワーク推進リーダーを任命する").CheckAsync();
        await company.GetByLabel("テレワーク推進リーダーの氏名").FillAsync("未来 一郎");
        await company.GetByLabel("テレワーク推進リーダーの所属・役職").FillAsync("総務部長");
        await company.GetByLabel("従業員1人当たりの週のテレワーク実施日数（目標）").FillAsync("2");
        await company.GetByLabel("テレワークの実施ルールの概要").FillAsync("全従業員を対象に、週2日までのテレワークを認めます。");
        await company.GetByLabel("受理・認定後、企業名・法人番号・所在地（区市町村）・番号を東京都のホームページ等で公表することに同意します。").CheckAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await Assertions.Expect(company.GetByText("審査中").First).ToBeVisibleAsync();

        await chamber.GotoAsync("/outreach/referrals");
        var converted = await FunnelAsync(chamber);
        Assert.Equal(registered.Converted + 1, converted.Converted);
        await chamber.CheckAtDesktopAndPhoneAsync("89-referral-converted");

        // The chamber's dashboard counts the conversion in its referral funnel too.
        Assert.Equal(dashboardBefore + 1, await DashboardConvertedAsync(chamber));
        await chamber.AssertAccessibleAsync();
        await chamber.Locator("#t-referral-funnel").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "89b-chamber-dashboard-referral-funnel.png") });
    }

    /// <summary>The converted referrals of this fiscal year on the chamber's dashboard (the funnel's total row).</summary>
    private static async Task<int> DashboardConvertedAsync(IPage page)
    {
        await page.GotoAsync("/dashboard/chamber");
        var cell = page.Locator("#t-referral-funnel tr", new() { HasTextString = "合計" }).Locator("td").Last;
        var digits = System.Text.RegularExpressions.Regex.Match(await cell.InnerTextAsync(), "[0-9][0-9,]*").Value;
        return int.Parse(digits.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Funnel(int Unregistered, int Registered, int Converted);

    private static async Task<Funnel> FunnelAsync(IPage page)
    {
        async Task<int> Read(string id) => int.Parse((await page.GetByTestId(id).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return new(await Read("funnel-unregistered"), await Read("funnel-registered"), await Read("funnel-converted"));
    }

    private static string FullWidth(string digits) => new(digits.Select(c => (char)(c + 0xFEE0)).ToArray());
}
