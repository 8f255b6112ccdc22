using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Partnership.Web.Infrastructure;
using Partnership.DevIdentityProvider;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>
/// The Development business ID provider (OpenIddict, docs/adr/0078) on a loopback port of its own, and the portal on
/// another, configured as in Development: a public client with PKCE, no secret. The provider starts first because the
/// portal reads its metadata address when it starts; the portal's redirect addresses are registered with the provider
/// once the portal's port is known.
/// </summary>
public sealed class BusinessSignInBrowserFixture : BrowserFixture
{
    public const string ProviderName = "開発用ビジネスID";

    private WebApplication? _provider;

    public Uri ProviderAddress => _provider!.Address();

    protected override PortalFactory CreatePortal() => new ProviderPortal(this);

    public override async Task InitializeAsync()
    {
        _provider = await DevProvider.CreateAsync(new DevProviderSettings { Urls = "http://127.0.0.1:0" });
        await _provider.StartAsync();
        await base.InitializeAsync();
        await _provider.AllowPortalAsync(BaseAddress);
        // The portal reads the provider's metadata and keys once, at the first sign-in, and the provider makes its keys
        // on the first request: done here, so that the journey's first click is not the one that waits for both (on a
        // busy machine that took longer than the click's 30 seconds).
        var oidc = Portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(BusinessSignInOptions.Scheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        Assert.NotEmpty(configuration.SigningKeys);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private sealed class ProviderPortal(BusinessSignInBrowserFixture fixture) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Oidc:Authority", fixture.ProviderAddress.ToString());
            builder.UseSetting("Oidc:ClientId", "partnership-portal");
            builder.UseSetting("Oidc:DisplayName", ProviderName);
            builder.UseSetting("Oidc:RequireHttpsMetadata", "false");
        }
    }
}

public sealed class BusinessSignInBrowserTests(BusinessSignInBrowserFixture browser) : IClassFixture<BusinessSignInBrowserFixture>
{
    /// <summary>The demo account whose company the portal does not know yet (DemoBusinessAccount.Demo).</summary>
    private static readonly DemoBusinessAccount NewCompany = DemoBusinessAccount.Demo.Single(a => a.Subject == "gbiz-0002");

    [Fact]
    public async Task A_new_person_signs_in_with_the_provider_confirms_the_filled_company_profile_and_applies_for_a_declaration()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.CheckAtDesktopAndPhoneAsync("80-business-login");
        await page.GetByRole(AriaRole.Button, new() { Name = BusinessSignInBrowserFixture.ProviderName + "でログイン" }).ClickAsync();

        // At the provider: its own sign-in page, on its own address.
        await page.ArriveAtAsync(browser.ProviderAddress + "login?**");
        await page.CheckAtDesktopAndPhoneAsync("81-provider-login");
        await page.GetByRole(AriaRole.Button, new() { Name = $"{NewCompany.Name}（{NewCompany.CompanyName}）としてログイン" }).ClickAsync();

        // Back at the portal: the company profile form, filled from the provider's claims.
        await page.ArriveAtAsync(browser.BaseAddress + "account/external/company");
        Assert.Contains(BusinessSignInBrowserFixture.ProviderName, await page.Locator(".notice").InnerTextAsync());
        Assert.Equal("みらい製作所株式会社", await page.GetByLabel("会社名（屋号）").InputValueAsync());
        Assert.Equal("4011101000999", await page.GetByLabel("法人番号", new() { Exact = true }).InputValueAsync());
        Assert.Equal("100-0005", await page.GetByLabel("郵便番号", new() { Exact = true }).InputValueAsync());
        Assert.Equal("丸の内3-2-2", await page.GetByLabel("町名・番地・建物名").InputValueAsync());
        Assert.Equal("鈴木 花子", await page.GetByLabel("担当者氏名").InputValueAsync());
        await page.CheckAtDesktopAndPhoneAsync("82-business-company-prefilled");

        // What the provider does not know, the person adds; then confirms.
        await page.GetByLabel("会社名のフリガナ").FillAsync("ミライセイサクショ");
        await page.GetByLabel("区市町村（東京都）").SelectOptionAsync(new SelectOptionValue { Label = "千代田区" });
        await page.GetByLabel("電話番号", new() { Exact = true }).FillAsync("０３－３２１２－０００１");
        await page.GetByLabel("業種（日本標準産業分類の大分類）").SelectOptionAsync("E");
        await page.GetByLabel("中小企業基本法上の業種区分").SelectOptionAsync("ManufacturingAndOther");
        await page.GetByLabel("資本金（円）").FillAsync("３０，０００，０００");
        await page.GetByLabel("常時雇用する従業員数").FillAsync("４５");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await page.ArriveAtAsync(browser.BaseAddress + "company");
        await page.Locator(".notice").WaitForAsync();
        var facts = await page.Locator("dl.profile-facts").InnerTextAsync();
        Assert.Contains("みらい製作所株式会社", facts);
        Assert.Contains("4011101000999", facts);
        Assert.Contains("〒100-0005 東京都千代田区丸の内3-2-2", facts);
        await page.CheckAtDesktopAndPhoneAsync("83-business-company-registered");

        // The new company applies for a declaration.
        await page.Locator("nav.site-nav [data-nav=schemes]").ClickAsync();
        await page.ArriveAtAsync(browser.BaseAddress + "company/schemes");
        await page.CheckAtDesktopAndPhoneAsync("84-business-schemes");
        await page.Locator("[data-scheme=TELEWORK-RULE]").GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await page.Locator("#scheme-form").WaitForAsync();
        await page.GetByLabel("テレワークの実施ルール（対象者・頻度・手続）を定める").CheckAsync();
        await page.GetByLabel("テレワーク推進リーダーを任命する").CheckAsync();
        await page.GetByLabel("テレワーク推進リーダーの氏名").FillAsync("鈴木 花子");
        await page.GetByLabel("テレワーク推進リーダーの所属・役職").FillAsync("総務部長");
        await page.GetByLabel("従業員1人当たりの週のテレワーク実施日数（目標）").FillAsync("２");
        await page.GetByLabel("テレワークの実施ルールの概要").FillAsync("全従業員を対象に、週2日までのテレワークを認めます。");
        await page.GetByLabel("受理・認定後、企業名・法人番号・所在地（区市町村）・番号を東京都のホームページ等で公表することに同意します。").CheckAsync();
        await page.CheckAtDesktopAndPhoneAsync("85-business-scheme-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await page.Locator(".notice", new() { HasTextString = "申請を受け付けました" }).WaitForAsync();
        Assert.Equal("審査中", await page.Locator("[data-testid=entry-status]").InnerTextAsync());
        await page.CheckAtDesktopAndPhoneAsync("86-business-scheme-submitted");

        // Signing out ends the provider's session too, and the browser comes back to the portal signed out.
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト", Exact = true }).ClickAsync();
        await page.ArriveAtAsync(browser.BaseAddress.ToString());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "ログイン", Exact = true }).First.IsVisibleAsync());
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = BusinessSignInBrowserFixture.ProviderName + "でログイン" }).ClickAsync();
        await page.ArriveAtAsync(browser.ProviderAddress + "login?**");
    }
}
