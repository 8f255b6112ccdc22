using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>
/// A company registers for a seminar that fills up and moves up from the waiting list after a cancellation; it asks
/// for a telework consultation with expert dispatch (the draft saves as it types); an official triages and assigns
/// the expert, who records the visit; the company sees it. axe on every page, screenshots saved.
/// </summary>
public class ConsultationsAndEventsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string JapanLocal(DateTime utc, string format) =>
        Partnership.Core.Common.JapanTime.ToJapan(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_company_registers_for_a_seminar_asks_for_a_consultation_and_an_official_and_an_expert_handle_it()
    {
        var company = await browser.NewPageAsync();
        await company.SignInAsync(DemoUsers.Company);

        // Events: the public list, the seminar's page, three participants for two places.
        await company.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "イベント・セミナー" }).ClickAsync();
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("60-events-list");
        await company.GetByRole(AriaRole.Link, new() { Name = "テレワーク体験セミナー（新宿）" }).ClickAsync();
        await company.AssertAccessibleAsync();
        foreach (var (name, mail) in new[] { ("新宿 一郎", "ichiro@seminar.example.jp"), ("新宿 二郎", "jiro@seminar.example.jp"), ("新宿 三郎", "saburo@seminar.example.jp") })
        {
            await company.GetByLabel("参加者氏名").FillAsync(name);
            await company.GetByLabel("参加者のメールアドレス").FillAsync(mail);
            await company.Locator("main form button[type=submit]").ClickAsync();
            await company.Locator(".notice").WaitForAsync();
        }
        Assert.Contains("キャンセル待ちで受け付けました", await company.Locator(".notice").InnerTextAsync());
        Assert.Contains("満員です", await company.GetByTestId("places").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("61-event-full-waiting");

        // A refused registration: the same person twice.
        await company.GetByLabel("参加者氏名").FillAsync("新宿 一郎");
        await company.GetByLabel("参加者のメールアドレス").FillAsync("ichiro@seminar.example.jp");
        await company.Locator("main form button[type=submit]").ClickAsync();
        await company.Locator(".error-summary").WaitForAsync();
        await company.AssertAccessibleAsync();

        // Cancel the first: the third moves up.
        await company.Locator("nav.site-nav [data-nav=my-events]").ClickAsync();
        Assert.Contains("キャンセル待ち 1番目", await company.GetByTestId("my-events").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "キャンセルする 新宿 一郎" }).ClickAsync();
        await company.Locator(".notice").WaitForAsync();
        var rows = await company.GetByTestId("my-events").InnerTextAsync();
        Assert.Contains("キャンセル待ちから繰り上がりました", rows);
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("62-my-events-promoted");

        // Consultation: the draft saves as it is typed and survives a reload.
        var desk = await browser.Portal.WithDbAsync(db => db.ConsultationDesks.Include(d => d.Topics).SingleAsync(d => d.Code == "TELEWORK-CENTER"));
        await company.Locator("nav.site-nav [data-nav=my-consultations]").ClickAsync();
        await company.AssertAccessibleAsync();
        await company.GetByRole(AriaRole.Link, new() { Name = "相談を申し込む" }).ClickAsync();
        await company.GetByLabel("相談窓口", new() { Exact = true }).SelectOptionAsync(desk.Id.ToString());
        await company.GetByLabel("相談のテーマ").SelectOptionAsync(desk.Topics[0].Id.ToString());
        await company.GetByLabel("ご相談の内容").FillAsync("テレワークを導入したいのですが、就業規則の見直しと機器の選び方を相談したいです。");
        await company.Locator("#draft-status", new() { HasTextString = "下書きを保存しました" }).WaitForAsync();
        await company.ReloadAsync();
        Assert.Contains("就業規則の見直し", await company.GetByLabel("ご相談の内容").InputValueAsync());
        await company.GetByLabel("訪問").CheckAsync();
        await company.GetByLabel("第1希望日").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
        await company.GetByLabel("専門家の派遣を希望します").CheckAsync();
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("63-consultation-form");
        await company.GetByRole(AriaRole.Button, new() { Name = "申し込む" }).ClickAsync();
        await company.Locator(".notice").WaitForAsync();
        Assert.Contains("受付番号は", await company.Locator(".notice").InnerTextAsync());
        var requestUrl = company.Url;
        Assert.Contains("はい", await company.Locator("dd", new() { HasTextString = "はい" }).First.InnerTextAsync());
        Assert.True(await browser.Portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Status != Partnership.Core.Consultations.ConsultationStatus.Draft).OrderBy(r => r.Id).Select(r => r.WantsExpert).LastAsync()));
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("64-consultation-received");

        // The official triages, assigns the expert and schedules a visit.
        var official = await browser.NewPageAsync();
        await official.SignInAsync(DemoUsers.Metro);
        await official.Locator("nav.site-nav [data-nav=consultations]").ClickAsync();
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("65-desk-list");
        await official.GetByTestId("consultations").Locator("a").First.ClickAsync();
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("66-desk-request-submitted");
        await official.GetByRole(AriaRole.Button, new() { Name = "受け付ける" }).ClickAsync();
        await official.Locator(".notice").WaitForAsync();
        await official.GetByLabel("担当者").SelectOptionAsync(new SelectOptionValue { Label = "専門家：専門家 デモ相談員" });
        await official.GetByRole(AriaRole.Button, new() { Name = "担当者を決める" }).ClickAsync();
        await official.Locator(".notice").WaitForAsync();
        await official.GetByLabel("相談日時").FillAsync(JapanLocal(DateTime.UtcNow.AddDays(3), "yyyy-MM-dd'T'10:00"));
        await official.GetByRole(AriaRole.Button, new() { Name = "日程を登録する" }).ClickAsync();
        await official.Locator(".notice").WaitForAsync();
        Assert.Equal("日程調整済み", await official.GetByTestId("status").InnerTextAsync());
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("67-desk-request-scheduled");

        // The desks page: measures, topics, experts; a topic added.
        await official.GotoAsync("/consultations");
        await official.GetByRole(AriaRole.Link, new() { Name = "相談窓口と専門家" }).ClickAsync();
        await official.GetByLabel("追加するテーマ（日本語）").First.FillAsync("在宅勤務規程");
        await official.GetByLabel("追加するテーマ（英語）").First.FillAsync("Remote-work rules");
        await official.GetByRole(AriaRole.Button, new() { Name = "テーマを追加する" }).First.ClickAsync();
        await official.Locator(".notice").WaitForAsync();
        Assert.Contains("在宅勤務規程", await official.Locator("main").InnerTextAsync());
        Assert.Contains("専門家 デモ相談員", await official.GetByTestId("experts").InnerTextAsync());
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("67b-desks");

        // The visit took place (the test moves it to yesterday); the expert records it.
        var id = int.Parse(requestUrl.Split('/').Last());
        await browser.Portal.WithDbAsync(async db =>
        {
            var session = await db.ConsultationSessions.SingleAsync(s => s.RequestId == id);
            session.ScheduledAt = DateTime.UtcNow.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        var expert = await browser.NewPageAsync();
        await expert.SignInAsync(DemoUsers.Expert);
        await expert.Locator("nav.site-nav [data-nav=expert]").ClickAsync();
        await expert.AssertAccessibleAsync();
        await expert.GetByTestId("consultations").Locator("a").First.ClickAsync();
        await expert.GetByLabel("助言した内容").FillAsync("在宅勤務規程のひな形と、機器の選び方を説明しました。");
        await expert.GetByLabel("次の対応").FillAsync("1か月の試行導入");
        await expert.AssertAccessibleAsync();
        await expert.ScreenshotAsync("68-expert-record");
        await expert.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
        await expert.Locator(".notice").WaitForAsync();

        // The company sees the expert, the schedule and the record.
        await company.GotoAsync(requestUrl);
        var sessions = await company.GetByTestId("sessions").InnerTextAsync();
        Assert.Contains("在宅勤務規程のひな形", sessions);
        Assert.Contains("専門家 デモ相談員", await company.GetByTestId("assignee").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("69-company-sees-record");

        // The same pages in English.
        await company.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await company.WaitForFunctionAsync("document.documentElement.lang === 'en' && document.readyState === 'complete'");
        Assert.StartsWith("Request C", await company.Locator("h1").InnerTextAsync());
        Assert.Equal("Scheduled", await company.GetByTestId("status").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("70-company-request-en");
        await company.GotoAsync("/company/events");
        Assert.Contains("moved up from the waiting list", await company.GetByTestId("my-events").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("71-my-events-en");
    }
}
