using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Partnership.TestKit;
using Partnership.Web.Areas.Guide;

namespace Partnership.BrowserTests;

/// <summary>
/// The portal on a real loopback port and Debian's Chromium driven by Playwright (no browser download).
/// Set CHROMIUM_PATH to use another Chromium. One per test class (a portal with a database of its own and a
/// browser), so the classes run side by side; the tests of a class share it and each makes its own data.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly PortalFactory _portal;
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        _portal = CreatePortal();
    }

    protected virtual PortalFactory CreatePortal() => new();

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public PortalFactory Portal => _portal;

    public static string ScreenshotDirectory => Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    public virtual async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: install Debian's 'chromium' package (scripts/test.sh does) or set CHROMIUM_PATH.");
        }
        BaseAddress = _portal.StartOnRealPort();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "ja-JP",
            // Pages at rest for the scan and the screenshot: with motion, a button that takes the focus fades into its
            // focus colours over 0.15 s, and a scan in that moment measured the contrast of a colour half-way there.
            ReducedMotion = ReducedMotion.Reduce,
        });
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        _portal.Dispose();
    }
}

/// <summary>
/// Keeps every axe scan of the run (page name, viewport width, number of violations) and, when the test process ends,
/// merges them into docs/accessibility/axe-results.json, which the accessibility statement shows
/// (docs/adr/0091-accessibility-results-from-the-browser-tests.md). Merged, sorted and dated by
/// <see cref="AxeResults.Merge"/>: a run that changes no result leaves the file as it was.
/// </summary>
internal static class AxeRecorder
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<AxeScan> Scans = new();
    private static string _engine = "";

    static AxeRecorder()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();
    }

    public static string FilePath => Path.Combine(RepositoryPaths.Root, "docs", "accessibility", "axe-results.json");

    public static void Record(Uri address, int width, int violations, string? engine)
    {
        Scans.Enqueue(new AxeScan(AxeResults.PageName(address), width, violations));
        if (!string.IsNullOrEmpty(engine))
        {
            _engine = engine;
        }
    }

    private static void Write()
    {
        if (Scans.IsEmpty)
        {
            return;
        }
        var before = File.Exists(FilePath) ? File.ReadAllText(FilePath) : "";
        var previous = before.Length == 0 ? AxeResultsFile.Empty : AxeResults.Parse(before);
        var today = DateOnly.FromDateTime(Partnership.Core.Common.JapanTime.Today(TimeProvider.System));
        var after = AxeResults.Serialize(AxeResults.Merge(previous, Scans, _engine, today));
        if (after != before)
        {
            // Whole or not at all: a build or a reader at that moment never sees half a file.
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, after);
            File.Move(temporary, FilePath, overwrite: true);
        }
    }
}

public static class PageChecks
{
    /// <summary>The WCAG 2.1 AA tags (JIS X 8341-3:2016 AA) the scan runs.</summary>
    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe-core as Deque's package bundles it (the same version its Playwright runner injects).</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Runs axe at WCAG 2.1 AA (JIS X 8341-3:2016 AA) and fails with every violation listed.
    /// </summary>
    /// <remarks>
    /// A page without frames (every page of the portal: it embeds none) is scanned by <c>axe.run</c> in the page
    /// itself, the engine's classic way. Deque's <c>RunAxe</c> scans frame by frame (<c>runPartial</c>) and
    /// assembles the result in a blank page it opens for the purpose (<c>finishRun</c>); on the 2-core CI machine that
    /// took about 4 s a scan against about 0.5 s for the same rules in the page, over two hundred scans a run
    /// (docs/adr/0059-test-hosts-templates-and-clocks.md). A page with a frame still goes through <c>RunAxe</c>.
    /// Each scan is recorded for the accessibility statement (<see cref="AxeRecorder"/>) unless <paramref name="record"/>
    /// is false: the test of the scan itself spoils a page on purpose.
    /// </remarks>
    public static async Task AssertAccessibleAsync(this IPage page, bool record = true)
    {
        List<string> violations;
        string? version;
        if (page.Frames.Count == 1)
        {
            if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                await page.EvaluateAsync(AxeScript.Value);
            }
            violations = [.. await page.EvaluateAsync<string[]>(
                """
                async tags => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
                }
                """, AxeTags)];
            version = await page.EvaluateAsync<string>("() => axe.version");
        }
        else
        {
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeTags] } });
            violations = [.. result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")];
            version = result.TestEngine?.Version;
        }
        if (record)
        {
            AxeRecorder.Record(new Uri(page.Url), page.ViewportSize?.Width ?? 0, violations.Count, version);
        }
        Assert.True(violations.Count == 0, $"axe violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Waits until the browser is at an address matching <paramref name="url"/> (a glob as Playwright writes them:
    /// <c>**</c> anything, <c>*</c> anything but a slash) and that page has finished loading
    /// (<c>document.readyState</c> is "complete"), so styles and images are there for axe and the screenshot.
    /// </summary>
    public static Task ArriveAtAsync(this IPage page, string url) => ArriveAtAsync(page, Glob(url));

    /// <inheritdoc cref="ArriveAtAsync(IPage, string)"/>
    /// <remarks>
    /// The address and the document's state are both read by polling, on a 100 ms timer. Playwright's waits are
    /// events: <c>WaitForURLAsync</c> reads the address and then listens for the next navigation, so a navigation
    /// that commits between the two is missed and the wait runs out at the right, fully loaded page (seen in CI at
    /// /me after a two-factor sign-in); its load-state wait missed load events the same way. A poll reads the state,
    /// whenever it came about.
    /// </remarks>
    public static async Task ArriveAtAsync(this IPage page, System.Text.RegularExpressions.Regex url)
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            if (url.IsMatch(page.Url) && await LoadedAsync(page) && url.IsMatch(page.Url))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The browser did not arrive at {url} within {ArrivalTimeout.TotalSeconds} s; it is at {page.Url}.");
            }
            await Task.Delay(100);
        }
    }

    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private static async Task<bool> LoadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>(Loaded);
        }
        catch (PlaywrightException)
        {
            // The document went away under the question (a navigation): not there yet.
            return false;
        }
    }

    /// <summary>A Playwright address glob as a regular expression over the whole address.</summary>
    private static System.Text.RegularExpressions.Regex Glob(string glob) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    // Polled on a timer, not on animation frames (Playwright's default): a page the browser does not draw, such as one
    // behind another page of the same browser or under a modal dialog, may get no frame.
    internal static readonly PageWaitForFunctionOptions Polled = new() { PollingInterval = 100 };

    private const string Loaded = "document.readyState === 'complete'";

    /// <summary>
    /// The accessibility scan and a screenshot at desktop width and again at a phone's 390 px (named <paramref name="name"/>
    /// and <paramref name="name"/>-390), then back to desktop.
    /// </summary>
    public static async Task CheckAtDesktopAndPhoneAsync(this IPage page, string name)
    {
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(name);
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(name + "-390");
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots so people can look at the page.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
        await ArriveAsync(page, email, new System.Text.RegularExpressions.Regex("/(me|account/login-2fa)"), "/me or /account/login-2fa");
        if (page.Url.Contains("/account/login-2fa", StringComparison.Ordinal))
        {
            // Staff accounts: the code an authenticator app would show for the demo key.
            await page.GetByLabel("確認コード（6桁）").FillAsync(Totp.Code(Partnership.Infrastructure.Seeding.IdentitySeeder.DemoAuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
            await ArriveAsync(page, email, new System.Text.RegularExpressions.Regex("/me$"), "/me");
        }
    }

    /// <summary>
    /// Waits for the page after a sign-in step (<see cref="ArriveAtAsync(IPage, System.Text.RegularExpressions.Regex)"/>);
    /// when it does not come, says where the browser is and what the page says (and keeps a screenshot).
    /// </summary>
    private static async Task ArriveAsync(IPage page, string email, System.Text.RegularExpressions.Regex address, string url)
    {
        try
        {
            await page.ArriveAtAsync(address);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            await page.ScreenshotAsync("zz-failed-sign-in-" + email.Split('@')[0]);
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Signing in as {email} did not reach {url}; the browser is at {page.Url} and the page says:\n{text}", e);
        }
    }
}
