using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Members;

/// <summary>
/// The printable invitation letter (ご案内状) of a referral over HTTP: chamber staff print it from the referral list; it
/// is addressed from the roster, lists every measure referred in the same act with its page, and gives the
/// registration link with the 法人番号 filled in. Companies, Metro officials and other branches' managers cannot read it.
/// </summary>
public sealed class ReferralLetterTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Chamber_staff_print_the_letter_of_a_referral_with_its_measures_and_the_registration_link()
    {
        var number = CorporateNumber.CheckDigit("060001000042").ToString(CultureInfo.InvariantCulture) + "060001000042";
        var memberId = await portal.WithDbAsync(async db =>
        {
            var member = new RosterMember
            {
                MemberNumber = "LT-1", CorporateNumber = number, Name = "有楽町レター商事株式会社", NameKana = "ユウラクチョウレターショウジ",
                NameFolded = RosterRules.Fold("有楽町レター商事株式会社"), KanaFolded = RosterRules.Fold("ユウラクチョウレターショウジ"), BranchCode = "13101",
                JoinedOn = new DateOnly(2018, 4, 1), ContactName = "有楽 一子", Address = "東京都千代田区有楽町2-9-9",
            };
            db.RosterMembers.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        var measures = await portal.WithDbAsync(db => db.Measures.Where(m => m.Side == MeasureSide.Metro).OrderBy(m => m.Id).Select(m => new { m.Id, m.TitleJa }).Take(2).ToListAsync());
        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        var saved = await chamber.PostFormAsync($"/outreach/referrals?member={memberId}", "/outreach/referrals",
            [new("RosterMemberId", memberId.ToString()), new("MeasureIds", measures[0].Id.ToString()), new("MeasureIds", measures[1].Id.ToString()),
             new("BranchCode", "13101"), new("Channel", "Visit")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var referralId = await portal.WithDbAsync(db => db.Referrals.Where(r => r.RosterMemberId == memberId).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

        var list = await chamber.GetStringAsync("/outreach/referrals");
        Assert.Contains($"href=\"/outreach/referrals/{referralId}/letter\"", list);
        Assert.Contains("ご案内状を印刷する", list);

        // Read as text: the full-width spaces of the address lines are written as character references.
        var letter = WebUtility.HtmlDecode(await chamber.GetStringAsync($"/outreach/referrals/{referralId}/letter"));
        Assert.Contains("有楽町レター商事株式会社　御中", letter);
        Assert.Contains("有楽 一子　様", letter);
        Assert.Contains("東京都千代田区有楽町2-9-9", letter);
        Assert.Contains("東京商工会議所　千代田支部", letter);
        Assert.Contains("<h1 id=\"letter-title\"", letter);
        // Both measures of the one act of referral, each with its page.
        foreach (var measure in measures)
        {
            Assert.Contains(measure.TitleJa, letter);
            Assert.Contains($"/catalog/measures/{measure.Id}</a>", letter);
        }
        Assert.Contains($"/company/new?corporateNumber={number}</a>", letter);
        Assert.Contains("登録画面には貴社の法人番号が入力済みです。", letter);
        Assert.Contains("src=\"data:image/png;base64,", letter);

        // Neither a company nor a Metro official may print it; a missing referral is not found.
        await (await portal.SignedInAsync(DemoUsers.Company)).AssertRefusedAsync($"/outreach/referrals/{referralId}/letter");
        await (await portal.SignedInAsync(DemoUsers.Metro)).AssertRefusedAsync($"/outreach/referrals/{referralId}/letter");
        Assert.Equal(HttpStatusCode.NotFound, (await chamber.GetAsync("/outreach/referrals/999999/letter")).StatusCode);

        // The manager of another branch does not see the member, so not its letter either.
        const string email = "letter-minato@chamber.example.jp";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, ChamberBranchCode = "13103", IsBranchManager = true, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "branch-pass-1234")).Succeeded);
            await users.AddToRoleAsync(user, Roles.ChamberStaff);
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", IdentitySeeder.DemoAuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var other = await portal.SignedInAsync(email, "branch-pass-1234");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/outreach/referrals/{referralId}/letter")).StatusCode);
    }
}
