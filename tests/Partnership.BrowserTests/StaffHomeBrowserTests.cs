using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Partnership.Core.Subsidies;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>A Metro official's home in Chromium: from the queue on /me to the application and its decision.</summary>
public class StaffHomeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_official_goes_from_the_home_queue_to_an_application_and_grants_it_with_a_report_due_day()
    {
        // A received application of the demo company in the demo window (as a sent one would be).
        var applicationId = await browser.Portal.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == DemoUsers.Company).Select(u => u.Id).SingleAsync();
            var companyId = await db.CompanyMembers.Where(m => m.UserId == userId).Select(m => m.CompanyId).SingleAsync();
            var window = await db.SubsidyWindows.OrderBy(w => w.Id).FirstAsync();
            var application = new SubsidyApplication
            {
                WindowId = window.Id, CompanyId = companyId, Status = ApplicationStatus.Submitted, LiveKey = SubsidyApplication.LiveKeyFor(companyId, window.Id),
                Expenses = [new ExpenseItem("ノートパソコン", 2, 150_000)], EligibleExpensesYen = 300_000, RequestedYen = 150_000,
                ReceiptNumber = "SH-BROWSER-0001", SubmittedAt = DateTime.UtcNow,
            };
            db.SubsidyApplications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });

        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        var queues = page.GetByTestId("queues-MetroOfficial");
        await Assertions.Expect(queues.GetByRole(AriaRole.Heading, new() { Name = "対応待ちの案件（東京都）" })).ToBeVisibleAsync();
        var received = queues.Locator("li[data-queue=SubsidyApplicationsReceived]");
        await Assertions.Expect(received).ToHaveCountAsync(1);
        await Assertions.Expect(received).ToContainTextAsync("1件");

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("80-staff-home");
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("80-staff-home-390");
        await page.SetViewportSizeAsync(1280, 900);

        await received.GetByRole(AriaRole.Link).ClickAsync();
        await page.ArriveAtAsync("**/subsidies/manage/windows/*?status=Submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = "SH-BROWSER-0001" }).ClickAsync();
        await page.ArriveAtAsync($"**/subsidies/manage/applications/{applicationId}");

        await page.GetByLabel("交付を決定する").CheckAsync();
        await page.GetByLabel("実績報告の期限").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await page.ArriveAtAsync($"**/subsidies/manage/applications/{applicationId}");
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("交付決定");
        await Assertions.Expect(page.GetByTestId("report-due")).ToBeVisibleAsync();

        // Decided: it left the queue.
        await page.GotoAsync("/me");
        await Assertions.Expect(page.GetByTestId("queues-MetroOfficial").Locator("li[data-queue=SubsidyApplicationsReceived]")).ToHaveCountAsync(0);
        var due = await browser.Portal.WithDbAsync(db => db.SubsidyApplications.Where(a => a.Id == applicationId).Select(a => a.ResultReportDueOn).SingleAsync());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), due);
    }
}
