using Microsoft.EntityFrameworkCore;
using Partnership.Core.Companies;
using Partnership.Core.Consultations;
using Partnership.Core.Members;
using Partnership.Core.Outreach;
using Partnership.Core.Submissions;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.IntegrationTests.Companies;
using Partnership.IntegrationTests.Events;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Members;

/// <summary>
/// Verified membership and referrals to roster members on the real database: a company is a member only when its
/// 法人番号 matches a current roster entry; a referral to a member not registered yet attaches when the company
/// registers (full-width input too) and converts when it then asks the referred measure's desk.
/// </summary>
public class MembershipAndReferralTests : DatabaseTest
{
    private const string Chamber = "chamber-1";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await Seed.CompaniesAsync(db);
        db.Users.Add(new AppUser { Id = "owner-new", UserName = "new@example.jp", Email = "new@example.jp", DisplayName = "新規" });
        await db.SaveChangesAsync();
    }

    private static string FullWidth(string digits) => new(digits.Select(c => (char)(c + 0xFEE0)).ToArray());

    private CompanyService Companies(AppDbContext db) =>
        new(db, new MailOutbox(db, Clock), new Partnership.Infrastructure.Identity.CompanyRecipients(db), Clock, [new MembershipVerification(db), new ReferralAttachment(db, Clock)]);

    private ReferralService Referrals(AppDbContext db) => new(db, new SubmissionsUnderMeasures(db), Clock);

    private async Task<RosterImportResult> ImportAsync(params string[][] rows)
    {
        await using var db = Database.CreateContext(TestDatabase.User(Chamber), Clock);
        return await new MemberRosterService(db, Clock).ImportAsync(rows);
    }

    private async Task<int> RosterIdAsync(string memberNumber)
    {
        await using var db = Database.CreateContext();
        return await db.RosterMembers.Where(m => m.MemberNumber == memberNumber).Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task A_self_declared_member_stays_unverified_until_the_roster_has_its_number_and_is_unverified_when_it_leaves()
    {
        Assert.False((await ImportAsync(RosterImportTests.Row(6))).Refused);
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            // The profile ticks 会員 (self-declared), but the roster does not have this 法人番号.
            var created = await Companies(db).CreateAsync("owner-new", CompanyServiceTests.Profile(RosterImportTests.Corporate(5)));
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
        }
        async Task<(bool Declared, bool Verified)> StateAsync()
        {
            await using var db = Database.CreateContext();
            return await db.Companies.Where(c => c.CorporateNumber == RosterImportTests.Corporate(5)).Select(c => new ValueTuple<bool, bool>(c.IsChamberMember, c.MembershipVerified)).SingleAsync();
        }
        Assert.Equal((true, false), await StateAsync());

        Assert.False((await ImportAsync(RosterImportTests.Row(5), RosterImportTests.Row(6))).Refused);
        Assert.Equal((true, true), await StateAsync());

        // The next roster no longer has it: 退会, and the membership no longer counts.
        Assert.Equal(1, (await ImportAsync(RosterImportTests.Row(6))).Left);
        Assert.Equal((true, false), await StateAsync());
        await using var check = Database.CreateContext();
        var search = await Companies(check).SearchAsync(new CompanySearch(null, null, null, null, ChamberMembersOnly: true, After: null));
        Assert.DoesNotContain(search, r => r.CorporateNumber == RosterImportTests.Corporate(5));
    }

    [Fact]
    public async Task The_roster_search_ignores_width_and_kana_and_finds_by_corporate_and_member_number_but_not_members_who_left()
    {
        var left = RosterImportTests.Row(8, "退会商事株式会社");
        Assert.False((await ImportAsync(RosterImportTests.Row(7, "みらい製作所株式会社"), left)).Refused);
        Assert.False((await ImportAsync(RosterImportTests.Row(7, "みらい製作所株式会社"))).Refused);
        await using var db = Database.CreateContext();
        var service = Referrals(db);
        foreach (var text in new[] { "ﾐﾗｲ製作所", "ミライ", "ｍ０００００７", FullWidth(RosterImportTests.Corporate(7)), "  みらい　製作所 " })
        {
            var found = await service.SearchRosterAsync(text);
            Assert.True(found.Count == 1 && found[0].MemberNumber == "M000007", $"「{text}」 found {found.Count}");
            Assert.False(found[0].Registered);
        }
        Assert.Empty(await service.SearchRosterAsync("退会商事"));
        Assert.Empty(await service.SearchRosterAsync(RosterImportTests.Corporate(8)));
    }

    [Fact]
    public async Task The_roster_takes_an_optional_contact_address_and_refuses_one_that_is_not_an_address()
    {
        var refused = await ImportAsync([.. RosterImportTests.Row(4), "info@@mirai"]);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, RosterRules.EmailColumn, "Roster.Import.EmailFormat"), (error.Row, error.Column, error.Code));
        Assert.False((await ImportAsync([.. RosterImportTests.Row(4), "info@mirai.example.jp"])).Refused);
        await using var db = Database.CreateContext();
        Assert.Equal("info@mirai.example.jp", await db.RosterMembers.Select(m => m.ContactEmail).SingleAsync());
    }

    [Fact]
    public async Task A_referral_without_a_member_or_a_channel_is_refused_and_saves_nothing()
    {
        var desk = await DeskAsync();
        await using var db = Database.CreateContext(TestDatabase.User(Chamber), Clock);
        var refused = await Referrals(db).ReferAsync(new ReferralInput(null, [desk.MeasureId], "13104", null, "メモ", false), Chamber);
        Assert.False(refused.Succeeded);
        Assert.Equal(["RosterMemberId", "Channel"], refused.Errors.Select(e => e.Field).ToArray());
        Assert.Equal(0, await db.Referrals.CountAsync());
    }

    [Fact]
    public async Task A_referral_to_an_unregistered_member_attaches_at_registration_with_a_full_width_number_and_converts_after()
    {
        Assert.False((await ImportAsync(RosterImportTests.Row(9, "みらい製作所株式会社"))).Refused);
        var memberId = await RosterIdAsync("M000009");
        await using (var db = Database.CreateContext())
        {
            await db.RosterMembers.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ContactEmail, "info@mirai.example.jp"));
        }
        var desk = await DeskAsync();
        var otherMeasure = await OtherMetroMeasureAsync(desk.Measure!.Key);
        ReferralMail? mailed = null;
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            var referred = await Referrals(db).ReferAsync(
                new ReferralInput(memberId, [desk.MeasureId, otherMeasure], "13104", ReferralChannel.Visit, "訪問時に案内しました。", true), Chamber, m => mailed = m);
            Assert.True(referred.Succeeded, string.Join(",", referred.Errors.Select(e => e.Code)));
            Assert.Equal(2, referred.Value!.Count);
        }
        Assert.Equal("info@mirai.example.jp", mailed!.Email);
        Assert.Equal(RosterImportTests.Corporate(9), mailed.CorporateNumber);
        Assert.Equal(2, mailed.Measures.Count);

        Clock.Advance(TimeSpan.FromDays(3));
        int companyId;
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            var created = await Companies(db).CreateAsync("owner-new", CompanyServiceTests.Profile(FullWidth(RosterImportTests.Corporate(9)), "みらい製作所株式会社"));
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            companyId = created.Value;
        }
        await using (var check = Database.CreateContext())
        {
            Assert.True(await check.Companies.Where(c => c.Id == companyId).Select(c => c.MembershipVerified).SingleAsync());
            var attached = await check.Referrals.ToListAsync();
            Assert.All(attached, r => Assert.Equal((companyId, Clock.GetUtcNow().UtcDateTime), (r.CompanyId!.Value, r.AttachedAt!.Value)));
        }

        Clock.Advance(TimeSpan.FromDays(4));
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            db.ConsultationRequests.Add(new ConsultationRequest
            {
                CompanyId = companyId, RequestedByUserId = "owner-new", DeskId = desk.Id, Description = "相談", Status = ConsultationStatus.Submitted,
                SubmittedAt = Clock.GetUtcNow().UtcDateTime, ContactEmail = "new@example.jp",
            });
            await db.SaveChangesAsync();
            Assert.Equal(1, await Referrals(db).MarkConversionsAsync());
            Assert.Equal(new ReferralFunnel(2, 2, 2, 1, 0), await Referrals(db).FunnelAsync(new ReferralFilter(null, null, null)));
        }
        await using var final = Database.CreateContext();
        var converted = await final.Referrals.SingleAsync(r => r.MeasureId == desk.MeasureId);
        Assert.Equal((Clock.GetUtcNow().UtcDateTime, ConversionKind.Consultation, desk.Code), (converted.ConvertedAt!.Value, converted.ConvertedBy!.Value, converted.ConvertedService));
        Assert.Null((await final.Referrals.SingleAsync(r => r.MeasureId == otherMeasure)).ConvertedAt);
    }

    [Fact]
    public async Task A_referral_converts_through_a_service_that_Metro_linked_to_the_measure()
    {
        Assert.False((await ImportAsync(RosterImportTests.Row(3))).Refused);
        var desk = await DeskAsync();
        var linked = await OtherMetroMeasureAsync(desk.Measure!.Key);
        int companyId;
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            var created = await Companies(db).CreateAsync("owner-new", CompanyServiceTests.Profile(RosterImportTests.Corporate(3)));
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            companyId = created.Value;
            var key = await db.Measures.Where(m => m.Id == linked).Select(m => m.Key).SingleAsync();
            db.MeasureServiceLinks.Add(new Partnership.Core.PlanServices.MeasureServiceLink { MeasureKey = key, Kind = Partnership.Core.PlanServices.ServiceKind.Consultation, ServiceCode = desk.Code });
            await db.SaveChangesAsync();
        }
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            var referred = await Referrals(db).ReferAsync(new ReferralInput(await RosterIdAsync("M000003"), [linked], "13104", ReferralChannel.Phone, null, false), Chamber);
            Assert.True(referred.Succeeded);
        }
        Clock.Advance(TimeSpan.FromDays(1));
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            db.ConsultationRequests.Add(new ConsultationRequest
            {
                CompanyId = companyId, RequestedByUserId = "owner-new", DeskId = desk.Id, Description = "相談", Status = ConsultationStatus.Submitted,
                SubmittedAt = Clock.GetUtcNow().UtcDateTime, ContactEmail = "new@example.jp",
            });
            await db.SaveChangesAsync();
            Assert.Equal(1, await Referrals(db).MarkConversionsAsync());
        }
        await using var check = Database.CreateContext();
        var referral = await check.Referrals.SingleAsync();
        Assert.Equal((ConversionKind.Consultation, desk.Code), (referral.ConvertedBy!.Value, referral.ConvertedService));
    }

    [Fact]
    public async Task Asking_a_desk_linked_to_the_referred_measure_converts_the_referral_at_that_moment_without_a_list_read()
    {
        Assert.False((await ImportAsync(RosterImportTests.Row(4))).Refused);
        var desk = await DeskAsync();
        var linked = await OtherMetroMeasureAsync(desk.Measure!.Key);
        int companyId;
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            var created = await Companies(db).CreateAsync("owner-new", CompanyServiceTests.Profile(RosterImportTests.Corporate(4)));
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            companyId = created.Value;
            var key = await db.Measures.Where(m => m.Id == linked).Select(m => m.Key).SingleAsync();
            db.MeasureServiceLinks.Add(new Partnership.Core.PlanServices.MeasureServiceLink { MeasureKey = key, Kind = Partnership.Core.PlanServices.ServiceKind.Consultation, ServiceCode = desk.Code });
            await db.SaveChangesAsync();
        }
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            Assert.True((await Referrals(db).ReferAsync(new ReferralInput(await RosterIdAsync("M000004"), [linked], "13104", ReferralChannel.Phone, null, false), Chamber)).Succeeded);
        }

        Clock.Advance(TimeSpan.FromDays(5));
        var askedAt = Clock.GetUtcNow().UtcDateTime;
        await using (var db = Database.CreateContext(TestDatabase.User("owner-new"), Clock))
        {
            var topic = await db.ConsultationTopics.Where(t => t.DeskId == desk.Id).Select(t => t.Id).FirstAsync();
            var today = DateOnly.FromDateTime(Partnership.Core.Common.JapanTime.Today(Clock));
            var service = new ConsultationService(db, new MailOutbox(db, Clock), new PlainMail(), Clock, new ReferralConversionsAtSubmission(db));
            var asked = await service.SubmitAsync(companyId, "owner-new", new ConsultationInput(desk.Id, topic, "テレワークの相談です。", ConsultationMode.Online, today.AddDays(3), null, null, true),
                "new@example.jp", "ja");
            Assert.True(asked.Succeeded, string.Join(",", asked.Errors.Select(e => e.Code)));
        }
        // Later reads see the conversion dated when the company asked, though no list was read and the clock moved on.
        Clock.Advance(TimeSpan.FromDays(2));
        await using var check = Database.CreateContext();
        var referral = await check.Referrals.SingleAsync();
        Assert.Equal((askedAt, ConversionKind.Consultation, desk.Code), (referral.ConvertedAt!.Value, referral.ConvertedBy!.Value, referral.ConvertedService));
        Assert.Equal(0, await Referrals(check).MarkConversionsAsync());
    }

    private async Task<ConsultationDesk> DeskAsync()
    {
        await using var db = Database.CreateContext();
        return await db.ConsultationDesks.Include(d => d.Measure).FirstAsync(d => d.Measure!.Side == Partnership.Core.Catalog.MeasureSide.Metro);
    }

    private async Task<int> OtherMetroMeasureAsync(string notKey)
    {
        await using var db = Database.CreateContext();
        return await db.Measures.Where(m => m.Side == Partnership.Core.Catalog.MeasureSide.Metro && m.Key != notKey).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }
}
