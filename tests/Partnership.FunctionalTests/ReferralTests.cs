using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Outreach;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>
/// Verified membership and referrals to roster members over HTTP: chamber staff see verified members only, a company
/// sees its own membership as unverified until the roster has it, and the referral form finds any current roster
/// member, keeps what was typed on a refusal and records referrals to members not yet registered.
/// </summary>
public sealed class ReferralTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private Task<int> CompanyOfAsync(string email) => _portal.WithDbAsync(db => db.CompanyMembers
        .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.CompanyId).SingleAsync());

    [Fact]
    public async Task Chamber_staff_see_verified_members_only_and_a_self_declared_member_sees_it_is_unverified()
    {
        var verified = await CompanyOfAsync(DemoUsers.Company);
        var declared = await CompanyOfAsync(DemoUsers.OtherCompany);
        // The second demo company ticks 会員 without being in the roster: self-declared only.
        await _portal.WithDbAsync(db => db.Companies.Where(c => c.Id == declared).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsChamberMember, true)));

        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var profile = await chamber.GetAsync($"/companies/{verified}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("確認済みの会員です", await profile.Content.ReadAsStringAsync());
        await chamber.AssertRefusedAsync($"/companies/{declared}");
        var list = await chamber.GetStringAsync("/companies");
        Assert.Contains("デモ商事株式会社", list);
        Assert.DoesNotContain("サンプル工業株式会社", list);

        var company = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        var own = await company.GetStringAsync("/company");
        Assert.Contains("会員（未確認）", own);
        Assert.Contains("会員として扱われません", own);
    }

    [Fact]
    public async Task Chamber_staff_find_an_unregistered_member_by_a_half_width_reading_and_a_refused_referral_keeps_what_was_typed()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var found = await chamber.GetStringAsync("/outreach/referrals?q=" + Uri.EscapeDataString("ﾐﾗｲ"));
        Assert.Contains("みらい製作所株式会社", found);
        Assert.Contains("ポータル未登録", found);
        var memberId = await _portal.WithDbAsync(db => db.RosterMembers.Where(m => m.MemberNumber == "2345678").Select(m => m.Id).SingleAsync());
        var measureId = await _portal.WithDbAsync(db => db.ConsultationDesks.Where(d => d.Code == "TELEWORK-CENTER").Select(d => d.MeasureId).SingleAsync());
        var form = $"/outreach/referrals?q=%EF%BE%90%EF%BE%97%EF%BD%B2&member={memberId}";

        // No channel: refused with a Japanese message; the measure ticked and the note stay.
        var refused = await chamber.PostFormAsync(form, "/outreach/referrals",
            [new("RosterMemberId", memberId.ToString()), new("MeasureIds", measureId.ToString()), new("BranchCode", "13104"), new("Note", "窓口で案内しました。")]);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("誘導の方法を選択してください。", page);
        Assert.Contains("窓口で案内しました。", page);
        Assert.Contains($"value=\"{measureId}\" checked", page);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Referrals.CountAsync(r => r.RosterMemberId == memberId)));

        // No member chosen: refused with the roster message.
        var noMember = await chamber.PostFormAsync(form, "/outreach/referrals",
            [new("MeasureIds", measureId.ToString()), new("BranchCode", "13104"), new("Channel", "Desk")]);
        Assert.Contains("会員名簿から誘導する会員を検索して選択してください。", await noMember.Content.ReadAsStringAsync());

        var saved = await chamber.PostFormAsync(form, "/outreach/referrals",
            [new("RosterMemberId", memberId.ToString()), new("MeasureIds", measureId.ToString()), new("BranchCode", "13104"), new("Channel", "Desk"),
             new("Note", "窓口で案内しました。")]);
        Assert.Equal("/outreach/referrals", saved.Headers.Location?.OriginalString);
        var referral = await _portal.WithDbAsync(db => db.Referrals.SingleAsync(r => r.RosterMemberId == memberId));
        Assert.Equal((null, ReferralChannel.Desk, false), (referral.CompanyId, referral.Channel, referral.AlreadyTakenUp));
        var list = await chamber.GetStringAsync("/outreach/referrals");
        Assert.Contains("みらい製作所株式会社", list);
        Assert.Matches("data-testid=\"funnel-unregistered\">1<", list);
    }

    [Fact]
    public async Task A_company_cannot_search_the_roster_or_refer()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await company.AssertRefusedAsync("/outreach/referrals?q=" + Uri.EscapeDataString("みらい"));
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var page = await metro.GetStringAsync("/outreach/referrals?q=" + Uri.EscapeDataString("みらい"));
        Assert.DoesNotContain("みらい製作所株式会社", page);
        Assert.DoesNotContain("data-testid=\"referral-form\"", page);
    }
}
