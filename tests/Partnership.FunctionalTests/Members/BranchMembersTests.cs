using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Core.Members;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Members;

/// <summary>
/// Who sees which of the Chamber's members (docs/adr/0087-branch-scope-and-manual-match.md): a ward branch's manager
/// sees their branch's members only — in the roster, the member company list, a company's profile and the referral
/// form — while head-office staff see all. Each test makes its own members and users in the shared portal.
/// </summary>
public sealed class BranchMembersTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "branch-pass-1234";

    /// <summary>A chamber account with two-factor sign-in set up (as staff must have), in a branch.</summary>
    private async Task ChamberUserAsync(string email, string? branch, bool manager)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, ChamberBranchCode = branch, IsBranchManager = manager, CreatedAt = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ChamberStaff);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", IdentitySeeder.DemoAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    private Task<int> RosterMemberAsync(string number, string name, string kana, string branch) => portal.WithDbAsync(async db =>
    {
        var member = new RosterMember
        {
            MemberNumber = number, Name = name, NameKana = kana, NameFolded = RosterRules.Fold(name), KanaFolded = RosterRules.Fold(kana), BranchCode = branch,
            JoinedOn = new DateOnly(2020, 4, 1), Address = "東京都千代田区丸の内1-1-1",
        };
        db.RosterMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    private Task<int> DemoCompanyAsync() => portal.WithDbAsync(db => db.CompanyMembers
        .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Company)).Select(m => m.CompanyId).SingleAsync());

    [Fact]
    public async Task A_branch_manager_sees_and_refers_only_their_branch_members_and_head_office_sees_all()
    {
        var mine = await RosterMemberAsync("BS-A-1", "千代田スコープ商会", "チヨダスコープショウカイ", "13101");
        var theirs = await RosterMemberAsync("BS-B-1", "中央スコープ商会", "チュウオウスコープショウカイ", "13102");
        var measureId = await portal.WithDbAsync(db => db.ConsultationDesks.Where(d => d.Code == "TELEWORK-CENTER").Select(d => d.MeasureId).SingleAsync());
        // The demo member company is verified by a roster entry of branch 13104, not the manager's 13101.
        var demo = await DemoCompanyAsync();
        await ChamberUserAsync("scope-manager@chamber.example.jp", "13101", manager: true);
        var manager = await portal.SignedInAsync("scope-manager@chamber.example.jp", Password);

        var roster = await manager.GetStringAsync("/outreach/roster");
        Assert.Contains("千代田スコープ商会", roster);
        Assert.DoesNotContain("中央スコープ商会", roster);
        Assert.DoesNotContain("デモ商事株式会社", roster);
        // Asking for the other branch by the filter shows nothing of it either.
        Assert.DoesNotContain("中央スコープ商会", await manager.GetStringAsync("/outreach/roster?branch=13102"));

        var search = await manager.GetStringAsync("/outreach/referrals?q=" + Uri.EscapeDataString("スコープ"));
        Assert.Contains("千代田スコープ商会", search);
        Assert.DoesNotContain("中央スコープ商会", search);
        // The other branch's member by a direct URL: not offered.
        Assert.DoesNotContain("中央スコープ商会", await manager.GetStringAsync($"/outreach/referrals?member={theirs}"));
        Assert.Contains("千代田スコープ商会", await manager.GetStringAsync($"/outreach/referrals?member={mine}"));

        // Referring the other branch's member by a forged post is refused and saves nothing.
        var refused = await manager.PostFormAsync("/outreach/referrals", "/outreach/referrals",
            [new("RosterMemberId", theirs.ToString()), new("MeasureIds", measureId.ToString()), new("BranchCode", "13101"), new("Channel", "Desk")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("会員名簿から誘導する会員を検索して選択してください。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.Referrals.CountAsync(r => r.RosterMemberId == theirs)));
        var referred = await manager.PostFormAsync("/outreach/referrals", "/outreach/referrals",
            [new("RosterMemberId", mine.ToString()), new("MeasureIds", measureId.ToString()), new("BranchCode", "13101"), new("Channel", "Desk")]);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Referrals.CountAsync(r => r.RosterMemberId == mine)));

        // The registered member of another branch: not in the company list, its profile refused.
        Assert.DoesNotContain("デモ商事株式会社", await manager.GetStringAsync("/companies"));
        await manager.AssertRefusedAsync($"/companies/{demo}");

        // Head office (the demo chamber account: no branch, not a manager) sees every branch.
        var head = await portal.SignedInAsync(DemoUsers.Chamber);
        var all = await head.GetStringAsync("/outreach/referrals?q=" + Uri.EscapeDataString("スコープ"));
        Assert.Contains("千代田スコープ商会", all);
        Assert.Contains("中央スコープ商会", all);
        Assert.Contains("中央スコープ商会", await head.GetStringAsync("/outreach/roster?branch=13102"));
        Assert.Contains("デモ商事株式会社", await head.GetStringAsync("/companies"));
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/companies/{demo}")).StatusCode);

        // The manager of the demo company's branch sees it; headquarters' manager sees all.
        await ChamberUserAsync("scope-shinjuku@chamber.example.jp", "13104", manager: true);
        var shinjuku = await portal.SignedInAsync("scope-shinjuku@chamber.example.jp", Password);
        Assert.Equal(HttpStatusCode.OK, (await shinjuku.GetAsync($"/companies/{demo}")).StatusCode);
        await ChamberUserAsync("scope-hq@chamber.example.jp", MemberScope.HeadOffice, manager: true);
        var hq = await portal.SignedInAsync("scope-hq@chamber.example.jp", Password);
        Assert.Contains("中央スコープ商会", await hq.GetStringAsync("/outreach/referrals?q=" + Uri.EscapeDataString("スコープ")));
    }

    /// <summary>A registered company verified as a member of <paramref name="branch"/> (as a roster import leaves it).</summary>
    private Task<int> MemberCompanyAsync(string name, string kana, string branch) => portal.WithDbAsync(async db =>
    {
        var company = new Partnership.Core.Companies.Company
        {
            Name = name, NameKana = kana, PostalCode = "100-0005", Prefecture = "東京都", MunicipalityCode = null, CityName = "千代田区",
            Street = "丸の内1-1-1", Phone = "03-3000-0002", IndustryCode = "E", ContactName = "担当 太郎", MembershipVerified = true, MemberBranchCode = branch,
        };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    [Fact]
    public async Task A_branch_manager_lists_only_referrals_to_their_branch_members_and_names_only_them_on_activities_and_support_cases()
    {
        var mine = await RosterMemberAsync("BR-A-1", "千代田誘導一覧商会", "チヨダユウドウイチランショウカイ", "13101");
        var theirs = await RosterMemberAsync("BR-B-1", "中央誘導一覧商会", "チュウオウユウドウイチランショウカイ", "13102");
        var myCompany = await MemberCompanyAsync("千代田選択肢工業", "チヨダセンタクシコウギョウ", "13101");
        var theirCompany = await MemberCompanyAsync("中央選択肢工業", "チュウオウセンタクシコウギョウ", "13102");
        var measureId = await portal.WithDbAsync(db => db.ConsultationDesks.Where(d => d.Code == "TELEWORK-CENTER").Select(d => d.MeasureId).SingleAsync());
        var head = await portal.SignedInAsync(DemoUsers.Chamber);
        foreach (var (member, branch) in new[] { (mine, "13101"), (theirs, "13102") })
        {
            var referred = await head.PostFormAsync($"/outreach/referrals?member={member}", "/outreach/referrals",
                [new("RosterMemberId", member.ToString()), new("MeasureIds", measureId.ToString()), new("BranchCode", branch), new("Channel", "Desk")]);
            Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        }
        await ChamberUserAsync("list-manager@chamber.example.jp", "13101", manager: true);
        var manager = await portal.SignedInAsync("list-manager@chamber.example.jp", Password);

        // The referral list (rows, summary and funnel come from one scoped query): only the manager's branch's members.
        var list = await manager.GetStringAsync("/outreach/referrals");
        Assert.Contains("千代田誘導一覧商会", list);
        Assert.DoesNotContain("中央誘導一覧商会", list);
        // Filtering by the other branch shows none of its referrals either.
        Assert.DoesNotContain("中央誘導一覧商会", await manager.GetStringAsync("/outreach/referrals?branch=13102"));
        var all = await head.GetStringAsync("/outreach/referrals");
        Assert.Contains("千代田誘導一覧商会", all);
        Assert.Contains("中央誘導一覧商会", all);

        // The member pickers of the activity and support forms offer the manager's branch's members only; head office all.
        foreach (var form in new[] { "/outreach/new", "/outreach/support/new" })
        {
            var offered = await manager.GetStringAsync(form);
            Assert.Contains("千代田選択肢工業", offered);
            Assert.DoesNotContain("中央選択肢工業", offered);
            Assert.Contains("中央選択肢工業", await head.GetStringAsync(form));
        }

        // A forged post naming the other branch's member: refused with the message, nothing saved.
        (string, string)[] activity(int company, string note) =>
            [("Date", "2021-06-01"), ("Channel", "Tour"), ("MeasureIds", measureId.ToString()), ("BranchCode", "13101"), ("Reach", "12"), ("CompanyIds", company.ToString()), ("Note", note)];
        var refused = await manager.PostFormAsync("/outreach/new", "/outreach/new", [.. activity(theirCompany, "他支部の会員を含む見学会").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("担当する支部の会員企業から選択してください。", refusedPage);
        Assert.DoesNotContain("中央選択肢工業", refusedPage);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutreachActivities.CountAsync(a => a.Note == "他支部の会員を含む見学会")));
        var logged = await manager.PostFormAsync("/outreach/new", "/outreach/new", [.. activity(myCompany, "自支部の会員の見学会").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        Assert.Equal("/outreach", logged.Headers.Location?.OriginalString);

        (string, string)[] support(int company) => [("CompanyId", company.ToString()), ("Date", "2021-06-01"), ("AreaCode", "WOMEN"), ("BranchCode", "13101"),
            ("Advice", "他支部の会員への助言の試み"), ("SubmissionKey", Guid.NewGuid().ToString())];
        var supportRefused = await manager.PostFormAsync("/outreach/support/new", "/outreach/support/new", [.. support(theirCompany).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, supportRefused.StatusCode);
        Assert.Contains("担当する支部の会員企業から選択してください。", await supportRefused.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.MemberSupportCases.CountAsync(c => c.CompanyId == theirCompany)));
        // Head office names any branch's member.
        var headSupport = await head.PostFormAsync("/outreach/support/new", "/outreach/support/new", [.. support(theirCompany).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        Assert.Equal($"/outreach/support/companies/{theirCompany}", headSupport.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Chamber_staff_match_a_sole_proprietor_to_a_registered_company_by_hand_which_verifies_it_and_attaches_its_referrals()
    {
        var memberId = await RosterMemberAsync("SP-MATCH-1", "佐藤はり灸院", "サトウハリキュウイン", "13102");
        var companyId = await RegisteredWithoutNumberAsync("佐藤はり灸院", "サトウハリキュウイン", "銀座1-1-1", "03-3000-0001", "N", "佐藤 一郎");
        var demo = await DemoCompanyAsync();
        var measureId = await portal.WithDbAsync(db => db.ConsultationDesks.Where(d => d.Code == "TELEWORK-CENTER").Select(d => d.MeasureId).SingleAsync());
        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        // A referral made before the match waits for the member to be on the portal.
        var referred = await chamber.PostFormAsync($"/outreach/referrals?member={memberId}", "/outreach/referrals",
            [new("RosterMemberId", memberId.ToString()), new("MeasureIds", measureId.ToString()), new("BranchCode", "13102"), new("Channel", "Desk")]);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);

        Assert.Contains($"href=\"/outreach/roster/{memberId}/match\"", await chamber.GetStringAsync("/outreach/roster?branch=13102"));
        var page = $"/outreach/roster/{memberId}/match?q=" + Uri.EscapeDataString("ｻﾄｳ");
        var found = await chamber.GetStringAsync(page);
        Assert.Contains($"value=\"{companyId}\"", found);

        // Nothing chosen, or a company with a 法人番号: refused with a message, nothing matched.
        var none = await chamber.PostFormAsync(page, $"/outreach/roster/{memberId}/match", [new("q", "ｻﾄｳ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("照合する登録企業を選択してください。", await none.Content.ReadAsStringAsync());
        var numbered = await chamber.PostFormAsync(page, $"/outreach/roster/{memberId}/match", [new("q", "ｻﾄｳ"), new("companyId", demo.ToString())]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, numbered.StatusCode);
        Assert.Contains("選んだ企業は照合できません。", await numbered.Content.ReadAsStringAsync());
        Assert.Null(await portal.WithDbAsync(db => db.RosterMembers.Where(m => m.Id == memberId).Select(m => m.MatchedCompanyId).SingleAsync()));

        // The manager of another branch cannot reach the entry.
        await ChamberUserAsync("match-chiyoda@chamber.example.jp", "13101", manager: true);
        var other = await portal.SignedInAsync("match-chiyoda@chamber.example.jp", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PostFormAsync("/outreach/roster", $"/outreach/roster/{memberId}/match", [new("companyId", companyId.ToString())])).StatusCode);

        var matched = await chamber.PostFormAsync(page, $"/outreach/roster/{memberId}/match", [new("q", "ｻﾄｳ"), new("companyId", companyId.ToString())]);
        Assert.Equal("/outreach/roster", matched.Headers.Location?.OriginalString);
        var company = await portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => new { c.MembershipVerified, c.MemberBranchCode }).SingleAsync());
        Assert.Equal((true, "13102"), (company.MembershipVerified, company.MemberBranchCode));
        var referral = await portal.WithDbAsync(db => db.Referrals.SingleAsync(r => r.RosterMemberId == memberId));
        Assert.Equal(companyId, referral.CompanyId);
        Assert.NotNull(referral.AttachedAt);
        // The match is in the audit log with who made it.
        var chamberId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync());
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(RosterMember) && a.EntityId == memberId.ToString() && a.Action == "modified")
            .Select(a => new { a.UserId, a.Changes }).ToListAsync());
        Assert.Contains(audit, a => a.UserId == chamberId && a.Changes.Contains("MatchedCompanyId", StringComparison.Ordinal));

        // A referral made after the match goes to the matched company at once, as one to a member with a 法人番号 does.
        var later = await portal.WithDbAsync(db => db.Measures.Where(m => m.Side == Partnership.Core.Catalog.MeasureSide.Metro && m.Id != measureId)
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var referredAfter = await chamber.PostFormAsync($"/outreach/referrals?member={memberId}", "/outreach/referrals",
            [new("RosterMemberId", memberId.ToString()), new("MeasureIds", later.ToString()), new("BranchCode", "13102"), new("Channel", "Desk")]);
        Assert.Equal(HttpStatusCode.Redirect, referredAfter.StatusCode);
        Assert.Equal(companyId, await portal.WithDbAsync(db => db.Referrals.Where(r => r.RosterMemberId == memberId && r.MeasureId == later).Select(r => r.CompanyId).SingleAsync()));

        // Now a verified member: head office sees it among the members; a second match is refused.
        Assert.Contains("佐藤はり灸院", await chamber.GetStringAsync("/companies?q=" + Uri.EscapeDataString("佐藤はり")));
        Assert.Contains("照合済み", await chamber.GetStringAsync(page));
        var again = await chamber.PostFormAsync("/outreach/roster", $"/outreach/roster/{memberId}/match", [new("companyId", companyId.ToString())]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Chamber_staff_undo_a_match_by_hand_after_confirming_waiting_referrals_detach_and_converted_ones_keep_their_conversion()
    {
        var memberId = await RosterMemberAsync("SP-UNDO-1", "鈴木表具店", "スズキヒョウグテン", "13102");
        var companyId = await RegisteredWithoutNumberAsync("鈴木表具店", "スズキヒョウグテン", "銀座2-2-2", "03-3000-0003", "E", "鈴木 二郎");
        var measures = await portal.WithDbAsync(db => db.Measures.Where(m => m.Side == Partnership.Core.Catalog.MeasureSide.Metro).OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync());
        var head = await portal.SignedInAsync(DemoUsers.Chamber);
        var referred = await head.PostFormAsync($"/outreach/referrals?member={memberId}", "/outreach/referrals",
            [new("RosterMemberId", memberId.ToString()), new("MeasureIds", measures[0].ToString()), new("MeasureIds", measures[1].ToString()), new("BranchCode", "13102"), new("Channel", "Desk")]);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        var matched = await head.PostFormAsync($"/outreach/roster/{memberId}/match?q=" + Uri.EscapeDataString("スズキ"), $"/outreach/roster/{memberId}/match",
            [new("companyId", companyId.ToString())]);
        Assert.Equal("/outreach/roster", matched.Headers.Location?.OriginalString);
        // The company then asked for the first measure's service: that referral converted after the match.
        var convertedAt = new DateTime(2026, 5, 1, 1, 0, 0, DateTimeKind.Utc);
        await portal.WithDbAsync(db => db.Referrals.Where(r => r.RosterMemberId == memberId && r.MeasureId == measures[0])
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ConvertedAt, convertedAt).SetProperty(r => r.ConvertedBy, Partnership.Core.Outreach.ConversionKind.Consultation)));

        var page = $"/outreach/roster/{memberId}/unmatch";
        Assert.Contains($"href=\"{page}\"", await head.GetStringAsync($"/outreach/roster/{memberId}/match"));
        var confirm = await head.GetStringAsync(page);
        Assert.Contains("鈴木表具店", confirm);
        Assert.Contains("まだ成約していない誘導 1 件は", confirm);
        Assert.Contains("成約済みの誘導 1 件は", confirm);

        // Without the antiforgery token, from the manager of another branch, or for another company than the one shown: refused, nothing changed.
        var anonymousForm = await head.PostAsync(page, new FormUrlEncodedContent([new("companyId", companyId.ToString())]));
        Assert.Equal(HttpStatusCode.BadRequest, anonymousForm.StatusCode);
        await ChamberUserAsync("unmatch-chiyoda@chamber.example.jp", "13101", manager: true);
        var other = await portal.SignedInAsync("unmatch-chiyoda@chamber.example.jp", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/outreach/roster", page, [new("companyId", companyId.ToString())])).StatusCode);
        var stale = await head.PostFormAsync(page, page, [new("companyId", (companyId + 100000).ToString())]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ほかの職員が先に変更しました", await stale.Content.ReadAsStringAsync());
        Assert.Equal(companyId, await portal.WithDbAsync(db => db.RosterMembers.Where(m => m.Id == memberId).Select(m => m.MatchedCompanyId).SingleAsync()));
        Assert.True(await portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.MembershipVerified).SingleAsync()));

        var undone = await head.PostFormAsync(page, page, [new("companyId", companyId.ToString())]);
        Assert.Equal($"/outreach/roster/{memberId}/match", undone.Headers.Location?.OriginalString);
        var entry = await portal.WithDbAsync(db => db.RosterMembers.Where(m => m.Id == memberId).Select(m => new { m.MatchedCompanyId, m.MatchedAt }).SingleAsync());
        Assert.Null(entry.MatchedCompanyId);
        Assert.Null(entry.MatchedAt);
        var company = await portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => new { c.MembershipVerified, c.MemberBranchCode }).SingleAsync());
        Assert.Equal((false, (string?)null), (company.MembershipVerified, company.MemberBranchCode));
        var referrals = await portal.WithDbAsync(db => db.Referrals.Where(r => r.RosterMemberId == memberId).OrderBy(r => r.MeasureId).ToListAsync());
        // The converted referral keeps its company and conversion; the other waits for the member again.
        Assert.Equal((companyId, convertedAt), (referrals[0].CompanyId, referrals[0].ConvertedAt));
        Assert.NotNull(referrals[0].AttachedAt);
        Assert.Equal(((int?)null, (DateTime?)null), (referrals[1].CompanyId, referrals[1].AttachedAt));
        // The match and its undo are both in the audit log with who made them.
        var chamberId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync());
        Assert.Equal(2, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(RosterMember) && a.EntityId == memberId.ToString()
            && a.Action == "modified" && a.UserId == chamberId && a.Changes.Contains("MatchedCompanyId"))));

        // Nothing left to undo: the confirmation goes back to the match page, and a second post says so and changes nothing.
        Assert.Equal($"/outreach/roster/{memberId}/match", (await head.GetAsync(page)).Headers.Location?.OriginalString);
        var again = await head.PostFormAsync($"/outreach/roster/{memberId}/match", page, [new("companyId", companyId.ToString())]);
        Assert.Equal($"/outreach/roster/{memberId}/match", again.Headers.Location?.OriginalString);
        Assert.DoesNotContain("鈴木表具店", await head.GetStringAsync("/companies?q=" + Uri.EscapeDataString("鈴木表具")));
    }

    /// <summary>A company registered on the portal without a 法人番号 (a sole proprietor), in Chūō ward.</summary>
    private Task<int> RegisteredWithoutNumberAsync(string name, string kana, string street, string phone, string industry, string contact) =>
        portal.WithDbAsync(async db =>
        {
            var company = new Partnership.Core.Companies.Company
            {
                Name = name, NameKana = kana, PostalCode = "104-0061", Prefecture = "東京都", MunicipalityCode = null, CityName = "中央区",
                Street = street, Phone = phone, IndustryCode = industry, ContactName = contact,
            };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            return company.Id;
        });
}
