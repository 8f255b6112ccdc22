using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Partnership.BrowserTests;

/// <summary>The steps of a person's first visit that several journeys share: register, confirm the address from the mail, sign in.</summary>
public static class AccountSteps
{
    /// <summary>The first link to <paramref name="path"/> in the newest mail to <paramref name="to"/>, read on the Development mail page.</summary>
    public static async Task<string> MailLinkAsync(IPage page, string to, string path)
    {
        await page.GotoAsync("/dev/mail");
        await page.AssertAccessibleAsync();
        var mail = page.Locator("article.mail-item", new() { Has = page.Locator(".mail-to", new() { HasTextString = to }) }).First;
        var body = await mail.Locator("pre.mail-body").InnerTextAsync();
        var match = Regex.Match(body, @"https?://\S+" + Regex.Escape(path) + @"\S*");
        Assert.True(match.Success, body);
        return match.Value;
    }

    /// <summary>Fills the registration form the page shows and sends it.</summary>
    public static async Task RegisterAsync(IPage page, string name, string email, string password)
    {
        await page.GetByLabel("氏名").FillAsync(name);
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("新しいパスワード（確認）").FillAsync(password);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await page.ArriveAtAsync("**/account/register/sent");
        await page.AssertAccessibleAsync();
    }

    /// <summary>Opens the confirmation link of the mail, then signs in from the page it leads to.</summary>
    public static async Task ConfirmAndSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(await MailLinkAsync(page, email, "/account/confirm-email"));
        Assert.Equal("メールアドレスを確認しました", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ログイン", Exact = true }).Last.ClickAsync();
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
    }
}
