using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Subsidies;

/// <summary>
/// When the database cannot take more (every pooled connection busy past the wait), a submission fails fast with
/// 503, Retry-After and a page that says nothing was received; nothing of it is written, and the next try gets
/// the first receipt number (docs/operations.md, "Timeouts and pools").
/// </summary>
public sealed class OverloadTests : IDisposable
{
    private const int PoolSize = 4;

    private sealed class SmallPoolPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MaxPoolSize", PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Database:PoolWaitSeconds", "1");
        }
    }

    private readonly SmallPoolPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    private static string VersionOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;

    private static readonly byte[] Pdf = PdfSamples.Plain;

    [PostgreSqlFact]
    public async Task A_submission_that_finds_the_pool_exhausted_answers_503_and_writes_nothing()
    {
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var company = _portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await company.SignInAsync(DemoUsers.Company)).StatusCode);
        var started = await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", []);
        var page = started.Headers.Location!.OriginalString;
        var draft = await company.GetStringAsync(page);
        await company.PostFormAsync(page, page + "/autosave",
            [new("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", "2"), new("Items[0].UnitPrice", "150000"), new("version", VersionOf(draft))]);
        foreach (var requirement in new[] { "doc1", "doc2" })
        {
            var token = WebPageHelpers.ExtractAntiforgeryToken(await company.GetStringAsync(page));
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            using var upload = new MultipartFormDataContent
            {
                { new StringContent(token), WebPageHelpers.AntiforgeryFieldName },
                { new StringContent(requirement), "requirement" },
                { file, "file", requirement + ".pdf" },
            };
            Assert.Equal(HttpStatusCode.Redirect, (await company.PostAsync(page + "/documents", upload)).StatusCode);
        }
        var html = await company.GetStringAsync(page);
        var form = new Dictionary<string, string>
        {
            ["version"] = VersionOf(html),
            [WebPageHelpers.AntiforgeryFieldName] = WebPageHelpers.ExtractAntiforgeryToken(html),
        };

        // Every connection of the portal's pool taken (the test host shares the process, so the same connection
        // string draws from the same pool), for as long as the submission waits.
        var connectionString = _portal.Services.GetRequiredService<DatabaseSettings>().EffectiveConnectionString;
        var held = new List<Npgsql.NpgsqlConnection>();
        HttpResponseMessage busy;
        try
        {
            for (var i = 0; i < PoolSize; i++)
            {
                var connection = new Npgsql.NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                held.Add(connection);
            }
            busy = await company.PostAsync(page + "/submit", new FormUrlEncodedContent(form));
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), busy.Headers.RetryAfter?.Delta);
        var body = await busy.Content.ReadAsStringAsync();
        Assert.Contains("ただいま大変混み合っています", body);
        Assert.Contains("受付番号は発行されていません", body);
        var (application, window, events) = await _portal.WithDbAsync(async db => (
            await db.SubsidyApplications.AsNoTracking().SingleAsync(),
            await db.SubsidyWindows.AsNoTracking().SingleAsync(),
            await db.SubsidyEvents.CountAsync(e => e.Action == "submitted")));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.ReceiptNumber);
        Assert.Equal(0, window.ReservedYen);
        Assert.Equal(0, window.LastReceiptSeq);
        Assert.Equal(0, events);

        // The same form, sent again once the database has room, is received with the first number.
        var again = await company.PostAsync(page + "/submit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Matches(@"receipt=R\d+-TEL-000001", again.Headers.Location!.OriginalString);
    }
}
