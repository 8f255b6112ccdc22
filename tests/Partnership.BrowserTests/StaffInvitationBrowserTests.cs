using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class StaffInvitationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_invites_an_official_who_sets_up_an_authenticator_signs_in_with_a_code_and_reaches_the_review_pages()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoUsers.Admin);
        await admin.Locator("nav.site-nav [data-nav=admin-staff]").ClickAsync();
        await admin.GetByLabel("氏名").FillAsync("都庁 三郎");
        await admin.GetByLabel("メールアドレス").FillAsync("saburo@metro.example.jp");
        await admin.GetByLabel("役割", new() { Exact = true }).SelectOptionAsync("MetroOfficial");
        await admin.GetByLabel("局", new() { Exact = true }).SelectOptionAsync("産業労働局");
        await admin.GetByLabel("部・課").FillAsync("雇用就業部");
        await admin.AssertAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "招待のメールを送る" }).ClickAsync();
        await admin.Locator(".notice").WaitForAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("50-admin-staff");

        await admin.GotoAsync("/dev/mail");
        var body = await admin.Locator("article.mail-item", new() { Has = admin.Locator(".mail-to", new() { HasTextString = "saburo@metro.example.jp" }) })
            .First.Locator("pre.mail-body").InnerTextAsync();
        var link = Regex.Match(body, @"https?://\S+/staff-invitations/\S+").Value;

        var official = await browser.NewPageAsync();
        await official.GotoAsync(link);
        await official.AssertAccessibleAsync();
        await official.GetByLabel("パスワード", new() { Exact = true }).FillAsync("saburo-pass-2468");
        await official.GetByLabel("新しいパスワード（確認）").FillAsync("saburo-pass-2468");
        await official.GetByRole(AriaRole.Button, new() { Name = "パスワードを設定する" }).ClickAsync();
        await official.ArriveAtAsync("**/account/two-factor");
        await official.AssertAccessibleAsync();

        // The review pages are closed until two-factor sign-in is set up.
        await official.GotoAsync("/catalog/manage");
        Assert.EndsWith("/account/two-factor", official.Url);

        // The key and its QR code come only after the password is confirmed (ADR 0066).
        Assert.Equal(0, await official.Locator("[data-testid=shared-key]").CountAsync());
        await official.ScreenshotAsync("51-two-factor-password");
        await official.SetViewportSizeAsync(390, 844);
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("51-two-factor-password-390");
        await official.SetViewportSizeAsync(1280, 900);
        await official.GetByLabel("現在のパスワード").FillAsync("saburo-pass-2468");
        await official.GetByRole(AriaRole.Button, new() { Name = "パスワードを確認して設定を始める" }).ClickAsync();
        await official.Locator("[data-testid=shared-key]").WaitForAsync();
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("51-two-factor-setup");
        await official.SetViewportSizeAsync(390, 844);
        await official.AssertAccessibleAsync();
        await official.ScreenshotAsync("51-two-factor-setup-390");
        await official.SetViewportSizeAsync(1280, 900);

        var key = (await official.Locator("[data-testid=shared-key]").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        await official.GetByLabel("確認コード（6桁）").FillAsync(Totp.Code(key));
        await official.GetByRole(AriaRole.Button, new() { Name = "確認して設定する" }).ClickAsync();
        await official.Locator("[data-testid=recovery-codes]").WaitForAsync();
        Assert.Equal(10, await official.Locator("[data-testid=recovery-codes] li").CountAsync());
        await official.AssertAccessibleAsync();

        await official.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        // Wait for the sign-out to land: a sign-in form fetched before it carries a token for the signed-in user.
        await official.GetByRole(AriaRole.Link, new() { Name = "ログイン", Exact = true }).WaitForAsync();
        await official.GotoAsync("/account/login");
        await official.GetByLabel("メールアドレス").FillAsync("saburo@metro.example.jp");
        await official.GetByLabel("パスワード").FillAsync("saburo-pass-2468");
        await official.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
        await official.ArriveAtAsync("**/account/login-2fa**");
        await official.AssertAccessibleAsync();
        await official.GetByLabel("確認コード（6桁）").FillAsync(Totp.Code(key));
        await official.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
        await official.ArriveAtAsync("**/me");

        await official.Locator("nav.site-nav [data-nav=manage-catalog]").ClickAsync();
        Assert.Equal("施策カタログの管理", await official.Locator("h1").InnerTextAsync());
        await official.AssertAccessibleAsync();
    }
}
