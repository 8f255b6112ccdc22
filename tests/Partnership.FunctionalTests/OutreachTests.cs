using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>The outreach log, its import and referrals over HTTP, and who may do what.</summary>
public sealed class OutreachTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content)
    {
        var html = await client.GetStringAsync("/outreach/import");
        using var form = new MultipartFormDataContent { { new StringContent(WebPageHelpers.ExtractAntiforgeryToken(html)), WebPageHelpers.AntiforgeryFieldName } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", fileName);
        return await client.PostAsync("/outreach/import", form);
    }

    [Fact]
    public async Task Chamber_staff_log_an_activity_Metro_reads_it_and_companies_see_nothing()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var measureId = await _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M01").OrderByDescending(m => m.Plan!.FiscalYear).Select(m => m.Id).FirstAsync());
        var logged = await chamber.PostFormAsync("/outreach/new", "/outreach/new",
        [
            new("Date", "2021-06-01"), new("Channel", "MailMagazine"), new("MeasureIds", measureId.ToString()), new("BranchCode", "13101"),
            new("Reach", "4321"), new("Note", "メールマガジン6月号"),
        ]);
        Assert.Equal("/outreach", logged.Headers.Location?.OriginalString);

        var list = await chamber.GetStringAsync("/outreach?channel=MailMagazine&branch=13101");
        Assert.Contains("メールマガジン6月号", list);
        Assert.Contains("4,321", list);
        Assert.Contains("/edit", list);

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var metroList = await metro.GetStringAsync("/outreach?area=TELEWORK");
        Assert.Contains("メールマガジン6月号", metroList);
        Assert.DoesNotContain("/edit\"", metroList);
        var csv = await metro.GetStringAsync("/outreach/export.csv");
        Assert.Contains("メールマガジン6月号", csv);
        await metro.AssertRefusedAsync("/outreach/new");

        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await company.AssertRefusedAsync("/outreach");
        await company.AssertRefusedAsync("/outreach/referrals");

        // A missing measure is refused with a message, and nothing is saved.
        var before = await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync());
        var refused = await chamber.PostFormAsync("/outreach/new", "/outreach/new",
            [new("Date", "2021-06-01"), new("Channel", "Tour"), new("BranchCode", "13101"), new("Reach", "5")]);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("周知した取組を1つ以上選んでください。", body);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync()));
    }

    [Fact]
    public async Task An_import_with_a_wrong_row_imports_nothing_and_says_which_row_then_the_corrected_file_imports_once()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        const string header = "日付,経路,施策キー,支部コード,到達数,備考\n";
        var wrong = header + "2021-06-01,メールマガジン,TELEWORK-M01,13101,1200,6月号\n2021-06-02,ラジオ,TELEWORK-M01,13101,10,\n";
        var refused = await UploadAsync(chamber, "outreach.csv", wrong);
        var report = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        // The wrong row is the sheet's third (the header is row 1).
        Assert.Contains("3行目", report);
        Assert.DoesNotContain("2行目", report);
        Assert.Contains("「ラジオ」は周知経路として登録されていません。", report);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync(a => a.ImportKey != null)));

        var right = wrong.Replace("ラジオ", "見学会", StringComparison.Ordinal);
        var imported = await UploadAsync(chamber, "outreach.csv", right);
        Assert.Contains("2 件の活動を取り込みました", await imported.Content.ReadAsStringAsync());
        var again = await UploadAsync(chamber, "outreach.csv", right);
        Assert.Contains("0 件の活動を取り込みました（取込済みのため取り込まなかった行: 2 件）", await again.Content.ReadAsStringAsync());
        Assert.Equal(2, await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync(a => a.ImportKey != null)));

        var xlsx = await chamber.GetAsync("/outreach/import/template.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        await metro.AssertRefusedAsync("/outreach/import");
    }

    [Fact]
    public async Task A_referral_shows_converted_after_the_company_asks_the_measures_desk()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var desk = await _portal.WithDbAsync(db => db.ConsultationDesks.Include(d => d.Topics).SingleAsync(d => d.Code == "TELEWORK-CENTER"));
        var rosterId = await _portal.WithDbAsync(db => db.RosterMembers.Where(m => m.MemberNumber == "1234567").Select(m => m.Id).SingleAsync());
        var referred = await chamber.PostFormAsync($"/outreach/referrals?member={rosterId}", "/outreach/referrals",
            [new("RosterMemberId", rosterId.ToString()), new("MeasureIds", desk.MeasureId.ToString()), new("BranchCode", "13104"), new("Channel", "Desk"),
             new("Note", "テレワーク推進センターを案内しました。")]);
        Assert.Equal("/outreach/referrals", referred.Headers.Location?.OriginalString);
        Assert.Contains("未成約", await chamber.GetStringAsync("/outreach/referrals?converted=false"));

        // The company asks the measure's desk through the portal: the referral converts at that moment.
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var date = JapanTime.Today(TimeProvider.System).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var asked = await company.PostFormAsync("/company/consultations/new", "/company/consultations/new",
            [new("DeskId", desk.Id.ToString()), new("TopicId", desk.Topics[0].Id.ToString()), new("Description", "テレワークの相談"),
             new("PreferredMode", "Visit"), new("PreferredDate1", date)]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var page = await metro.GetStringAsync("/outreach/referrals?converted=true");
        Assert.Contains("成約（", page);
        Assert.Contains("相談の申込み", page);
    }

    [Fact]
    public async Task A_publicity_request_is_accepted_and_its_publication_counts_once_in_the_log_and_the_official_sees_it()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var measureId = await _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M01").OrderByDescending(m => m.Plan!.FiscalYear).Select(m => m.Id).FirstAsync());
        var asked = await metro.PostFormAsync("/outreach/publicity", "/outreach/publicity",
        [
            new("MeasureId", measureId.ToString()), new("Title", "テレワーク助成金の募集開始"), new("Reason", "会員企業へ周知をお願いします。"),
            new("WishedFrom", "2021-06-01"), new("WishedTo", "2021-06-30"), new("WishedChannels", "MailMagazine"), new("WishedChannels", "Newspaper"),
        ]);
        var page = asked.Headers.Location!.OriginalString;
        Assert.StartsWith("/outreach/publicity/", page);

        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Equal(page, (await chamber.PostFormAsync(page, page + "/accept", [])).Headers.Location?.OriginalString);
        var before = await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync());
        var published = await chamber.PostFormAsync(page, page + "/publications",
            [new("Date", "2021-06-10"), new("Channel", "MailMagazine"), new("Issue", "6月号"), new("Title", "テレワーク助成金のご案内"), new("Reach", "15000"), new("BranchCode", "13101")]);
        Assert.Equal(page, published.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync()));

        var seen = await metro.GetStringAsync(page);
        Assert.Contains("受諾", seen);
        Assert.Contains("テレワーク助成金のご案内", seen);
        Assert.Contains("15,000", seen);
        Assert.Contains("テレワーク助成金のご案内", await chamber.GetStringAsync("/outreach?channel=MailMagazine"));

        // Another official's request is not reached; a company reaches none.
        var otherId = await _portal.WithDbAsync(async db =>
        {
            var r = new Partnership.Core.Outreach.PublicityRequest { RequestedByUserId = "someone-else", MeasureId = measureId, Title = "他の依頼", RequestedAt = DateTime.UtcNow };
            db.PublicityRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await metro.GetAsync($"/outreach/publicity/{otherId}")).StatusCode);
        Assert.DoesNotContain("他の依頼", await metro.GetStringAsync("/outreach/publicity"));
        await (await _portal.SignedInAsync(DemoUsers.Company)).AssertRefusedAsync("/outreach/publicity");
    }

    [Fact]
    public async Task A_co_hosting_request_is_approved_with_conditions_and_both_sides_see_the_result()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var measureId = await _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M04").OrderByDescending(m => m.Plan!.FiscalYear).Select(m => m.Id).FirstAsync());
        var asked = await metro.PostFormAsync("/outreach/cosponsorship", "/outreach/cosponsorship",
        [
            new("Kind", "CoHosting"), new("MeasureId", measureId.ToString()), new("EventTitle", "テレワーク体験セミナー（共催）"),
            new("EventDate", "2030-07-01"), new("Venue", "東京商工会議所"), new("Description", "会員企業向けのセミナーです。"),
        ]);
        var page = asked.Headers.Location!.OriginalString;
        Assert.StartsWith("/outreach/cosponsorship/", page);

        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Equal(page, (await chamber.PostFormAsync(page, page + "/approve", [new("answer", "会員向けメールマガジンで告知します。")])).Headers.Location?.OriginalString);
        var again = await chamber.PostFormAsync(page, page + "/decline", [new("answer", "辞退します。")]);
        Assert.Contains("この依頼には既に回答しています。", await again.Content.ReadAsStringAsync());
        Assert.Equal(page, (await metro.PostFormAsync(page, page + "/result", [new("participants", "80"), new("memberParticipants", "30")])).Headers.Location?.OriginalString);

        foreach (var side in new[] { metro, chamber })
        {
            var record = await side.GetStringAsync(page);
            Assert.Contains("承認", record);
            Assert.Contains("会員向けメールマガジンで告知します。", record);
            Assert.Contains("結果を記録しました。", record);
        }
        await (await _portal.SignedInAsync(DemoUsers.Company)).AssertRefusedAsync(page);
    }
}
