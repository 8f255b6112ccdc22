using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>Metro officials edit a measure's services and the library in Chromium (docs/adr/0085).</summary>
public class PlanAdminBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Task<int> MeasureIdAsync(string key) =>
        browser.Portal.WithDbAsync(db => db.Measures.Where(m => m.Key == key && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task An_official_links_a_desk_to_a_measure_and_the_measure_page_shows_it()
    {
        var id = await MeasureIdAsync("WOMEN-M03");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        await page.GotoAsync($"/catalog/measures/{id}");
        Assert.Equal(0, await page.Locator("[data-testid=measure-services] a[href='/desks/TELEWORK-CENTER']").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "サービスと案内文の編集" }).ClickAsync();
        await page.ArriveAtAsync($"**/catalog/manage/measures/{id}/services");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("85-measure-services-edit");

        await page.GetByLabel("結び付けるサービス").SelectOptionAsync("Consultation:TELEWORK-CENTER");
        await page.GetByRole(AriaRole.Button, new() { Name = "サービスを結び付ける" }).ClickAsync();
        await page.ArriveAtAsync($"**/catalog/manage/measures/{id}/services");
        Assert.Contains("サービスを結び付けました。", await page.Locator("main").InnerTextAsync());
        Assert.Equal(1, await page.Locator("[data-testid=measure-links] li[data-code=TELEWORK-CENTER]").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "取組のページに戻る" }).ClickAsync();
        await page.ArriveAtAsync($"**/catalog/measures/{id}");
        var desk = page.Locator("[data-testid=measure-services] li[data-kind=consultation]").Filter(new() { Has = page.Locator("a[href='/desks/TELEWORK-CENTER']") });
        Assert.Equal(1, await desk.CountAsync());
        Assert.Contains("相談する", await desk.InnerTextAsync());
    }

    [Fact]
    public async Task A_refused_link_says_why_in_Japanese_next_to_the_list()
    {
        var id = await MeasureIdAsync("TALENT-M05");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        await page.GotoAsync($"/catalog/manage/measures/{id}/services");
        await page.GetByRole(AriaRole.Button, new() { Name = "サービスを結び付ける" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Contains("結び付けるサービスを選択してください。", await page.Locator(".error-summary").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#Service").GetAttributeAsync("aria-invalid"));
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_officials_pages_pass_the_accessibility_scan(int width)
    {
        var id = await MeasureIdAsync("TELEWORK-M06");
        var article = await browser.Portal.WithDbAsync(db => db.LibraryArticles.Where(a => a.Code == "WS-OVERTIME").Select(a => a.Id).SingleAsync());
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync(DemoUsers.Metro);
        foreach (var (path, shot) in new[]
        {
            ($"/catalog/manage/measures/{id}/services", "services"), ("/library/manage", "library-manage"), ("/library/manage/new", "library-new"),
            ($"/library/manage/{article}/edit", "library-edit"), ("/events/manage/new", "event-form"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync($"85-{shot}-{width}");
        }
    }
}
