using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>
/// The match by hand of a sole proprietor (no 法人番号) to a registered company, in Chromium (issue #27): chamber staff
/// open the member from the roster, search the registered companies by a reading typed in hiragana, choose and
/// confirm; the company is then a verified member. Then they undo the match from the member's page after its
/// confirmation (docs/adr/0087), and the company is no longer one.
/// </summary>
public class RosterMatchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Chamber_staff_match_a_sole_proprietor_from_the_roster_to_a_registered_company_and_undo_it()
    {
        var companyId = await browser.Portal.WithDbAsync(async db =>
        {
            db.RosterMembers.Add(new RosterMember
            {
                MemberNumber = "SP-BROWSER-1", Name = "鈴木商店", NameKana = "スズキショウテン", NameFolded = RosterRules.Fold("鈴木商店"), KanaFolded = RosterRules.Fold("スズキショウテン"),
                BranchCode = "13101", JoinedOn = new DateOnly(2012, 4, 1), Address = "東京都千代田区神田1-1-1",
            });
            var company = new Company
            {
                Name = "鈴木商店", NameKana = "スズキショウテン", PostalCode = "101-0041", Prefecture = "東京都", CityName = "千代田区", Street = "神田1-1-1",
                Phone = "03-3000-0002", IndustryCode = "I", ContactName = "鈴木 次郎",
            };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            return company.Id;
        });

        var chamber = await browser.NewPageAsync();
        await chamber.SignInAsync(DemoUsers.Chamber);
        await chamber.GotoAsync("/outreach/roster");
        await chamber.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("登録企業と照合する.*鈴木商店") }).ClickAsync();
        await chamber.GetByRole(AriaRole.Textbox, new() { Name = "登録企業を名称またはフリガナで検索" }).FillAsync("すずき");
        await chamber.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        await chamber.GetByLabel(new System.Text.RegularExpressions.Regex("鈴木商店（スズキショウテン）")).CheckAsync();
        await chamber.CheckAtDesktopAndPhoneAsync("91-roster-match");
        await chamber.GetByRole(AriaRole.Button, new() { Name = "照合する" }).ClickAsync();
        await chamber.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/outreach/roster$"));
        await Assertions.Expect(chamber.Locator(".notice")).ToContainTextAsync("鈴木商店 を登録企業「鈴木商店」と照合しました。");

        var verified = await browser.Portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => new { c.MembershipVerified, c.MemberBranchCode }).SingleAsync());
        Assert.Equal((true, "13101"), (verified.MembershipVerified, verified.MemberBranchCode));

        // The match was a mistake: undone from the member's page, after the confirmation says what it does.
        var memberId = await browser.Portal.WithDbAsync(db => db.RosterMembers.Where(m => m.MemberNumber == "SP-BROWSER-1").Select(m => m.Id).SingleAsync());
        await chamber.GotoAsync($"/outreach/roster/{memberId}/match");
        await chamber.GetByRole(AriaRole.Link, new() { Name = "この照合を取り消す" }).ClickAsync();
        await chamber.GetByRole(AriaRole.Heading, new() { Name = "照合の取消し", Level = 1 }).WaitForAsync();
        await Assertions.Expect(chamber.GetByTestId("unmatch-effects")).ToContainTextAsync("「鈴木商店」は、会員（確認済み）ではなくなります。");
        await chamber.CheckAtDesktopAndPhoneAsync("91b-roster-unmatch");
        await chamber.GetByRole(AriaRole.Button, new() { Name = "照合を取り消す" }).ClickAsync();
        await chamber.ArriveAtAsync(new System.Text.RegularExpressions.Regex($"/outreach/roster/{memberId}/match$"));
        await Assertions.Expect(chamber.Locator(".notice")).ToContainTextAsync("鈴木商店 と登録企業「鈴木商店」の照合を取り消しました。");
        var undone = await browser.Portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => new { c.MembershipVerified, c.MemberBranchCode }).SingleAsync());
        Assert.Equal((false, (string?)null), (undone.MembershipVerified, undone.MemberBranchCode));
    }
}
