using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class SubsidyJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_company_checks_eligibility_fills_expenses_attaches_a_pdf_submits_and_an_official_grants_it()
    {
        var company = await browser.NewPageAsync();
        await company.SignInAsync(DemoUsers.Company);
        await company.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "補助金・助成金", Exact = true }).ClickAsync();
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("50-subsidy-windows");
        await company.Locator("[data-testid=windows]").GetByRole(AriaRole.Link, new() { Name = "テレワーク機器導入経費補助" }).ClickAsync();
        Assert.Contains("満たしています：都内に事業所があること", await company.Locator("[data-testid=eligibility]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("51-subsidy-window");
        await company.GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await company.Locator("#subsidy-form").WaitForAsync();

        // The amount follows what is typed, computed by the server.
        await company.GetByLabel("1行目の品名・内容", new() { Exact = true }).FillAsync("ノートパソコン");
        await company.GetByLabel("1行目の数量", new() { Exact = true }).FillAsync("４");
        await company.GetByLabel("1行目の単価（円）", new() { Exact = true }).FillAsync("150,000");
        await company.Locator("#computed-amount", new() { HasTextString = "300,000円" }).WaitForAsync();
        Assert.Equal("600,000円", await company.Locator("#computed-eligible").InnerTextAsync());

        var pdf = new FilePayload { Name = "見積書.pdf", MimeType = "application/pdf", Buffer = PdfSamples.Plain };
        await company.GetByLabel("書類の種類").SelectOptionAsync(new SelectOptionValue { Label = "見積書" });
        await company.GetByLabel("ファイル").SetInputFilesAsync(pdf);
        await company.GetByRole(AriaRole.Button, new() { Name = "添付する" }).ClickAsync();
        await company.Locator(".notice", new() { HasTextString = "添付しました" }).WaitForAsync();
        await company.GetByLabel("書類の種類").SelectOptionAsync(new SelectOptionValue { Label = "テレワーク導入計画書" });
        await company.GetByLabel("ファイル").SetInputFilesAsync(new FilePayload { Name = "導入計画書.pdf", MimeType = "application/pdf", Buffer = pdf.Buffer });
        await company.GetByRole(AriaRole.Button, new() { Name = "添付する" }).ClickAsync();
        await company.Locator(".notice", new() { HasTextString = "導入計画書.pdf" }).WaitForAsync();
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("52-subsidy-application");

        // Documents first, then the check-your-answers page, from which the application is sent.
        await company.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).ClickAsync();
        await company.ArriveAtAsync(new Regex(@"/company/subsidies/applications/\d+/review$"));
        Assert.Equal("300,000円", await company.Locator("[data-testid=review-requested]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("52b-subsidy-check-your-answers");
        await company.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await company.Locator(".notice", new() { HasTextString = "受付番号は" }).WaitForAsync();
        var receipt = await company.Locator("[data-testid=receipt]").InnerTextAsync();
        Assert.Matches(@"^R\d+-TEL-\d{6}$", receipt);
        Assert.Equal("受付済み", await company.Locator("[data-testid=application-status]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("53-subsidy-receipt");
        // The notice came in the address (ADR 0058); once shown, the address drops it, so a reload does not announce
        // the submission again, while the receipt stays on the page, read from the application.
        await company.WaitForFunctionAsync("() => !location.search.includes('notice=') && !location.search.includes('receipt=')", null, PageChecks.Polled);
        Assert.Matches(@"/company/subsidies/applications/\d+$", company.Url);
        await company.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await company.ArriveAtAsync(new Regex(@"/company/subsidies/applications/\d+$"));
        Assert.Equal(receipt, await company.Locator("[data-testid=receipt]").InnerTextAsync());
        Assert.Equal(0, await company.Locator(".notice", new() { HasTextString = "受付番号は" }).CountAsync());

        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.Locator("nav.site-nav [data-nav=subsidies-manage]").ClickAsync();
        await metro.AssertAccessibleAsync();
        await metro.GetByRole(AriaRole.Link, new() { Name = "テレワーク機器導入経費補助" }).ClickAsync();
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("54-subsidy-queue");
        await metro.GetByRole(AriaRole.Link, new() { Name = receipt }).ClickAsync();
        await metro.GetByLabel("交付を決定する").CheckAsync();
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("55-subsidy-review");
        await metro.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "交付を決定しました" }).WaitForAsync();
        Assert.Equal("300,000円", await metro.Locator("[data-testid=granted]").InnerTextAsync());

        await company.ReloadAsync();
        Assert.Equal("交付決定", await company.Locator("[data-testid=application-status]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("56-subsidy-granted");
    }

    [Fact]
    public async Task An_official_opens_a_window_from_the_form()
    {
        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.GotoAsync("/subsidies/manage/windows/new");
        await metro.AssertAccessibleAsync();
        await metro.GetByLabel("事業名").SelectOptionAsync(new SelectOptionValue { Label = "サテライトオフィス設置補助" });
        await metro.GetByLabel("予算額（円）").FillAsync("20,000,000");
        await metro.GetByLabel("1申請あたりの上限額（円）").FillAsync("30,000,000");
        await metro.GetByLabel("提出書類").FillAsync("見積書|Quotation");
        await metro.GetByRole(AriaRole.Button, new() { Name = "設定する" }).ClickAsync();
        await metro.Locator(".error-summary").WaitForAsync();
        Assert.Contains("上限額は予算額以下にしてください。", await metro.Locator(".error-summary").InnerTextAsync());
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("57-subsidy-window-errors");
        await metro.GetByLabel("1申請あたりの上限額（円）").FillAsync("2,000,000");
        await metro.GetByRole(AriaRole.Button, new() { Name = "設定する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "受付期間を設定しました。" }).WaitForAsync();
        Assert.Equal("受付前", await metro.Locator("[data-testid=window-state]").InnerTextAsync());
    }
}
