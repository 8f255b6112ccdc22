using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class HostileInputBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Script_typed_into_a_form_comes_back_as_text_and_never_runs()
    {
        const string payload = "\"></textarea><img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync(DemoUsers.Metro);
        await page.GotoAsync("/catalog/areas/smoothbiz");
        await page.GetByRole(AriaRole.Link, new() { Name = "スムーズビズに関連するイベントの開催" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "この取組を編集" }).ClickAsync();

        await page.GetByLabel("名称（日本語）").FillAsync(payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();

        Assert.Contains("HTMLのタグは使用できません", await page.Locator(".error-summary").InnerTextAsync());
        Assert.Equal(payload, await page.GetByLabel("名称（日本語）").InputValueAsync());
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, dialogs);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("20-hostile-input-refused");
    }
}
