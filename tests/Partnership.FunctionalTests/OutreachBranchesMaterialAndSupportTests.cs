using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>
/// The rest of outreach over HTTP: material attached to publicity requests, branch managers who change their branch's
/// records (and only those), and the case log of support for members' own initiatives.
/// </summary>
public sealed class OutreachBranchesMaterialAndSupportTests : IDisposable
{
    private const string Password = "branch-pass-1234";
    private static readonly byte[] Pdf = PdfSamples.Plain;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>A chamber account with two-factor sign-in set up (as staff must have), in a branch.</summary>
    private async Task<string> ChamberUserAsync(string email, string branch, bool manager = false)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, ChamberBranchCode = branch, IsBranchManager = manager, CreatedAt = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ChamberStaff);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", IdentitySeeder.DemoAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
        return user.Id;
    }

    private Task<int> MeasureIdAsync(string key) =>
        _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == key).OrderByDescending(m => m.Plan!.FiscalYear).Select(m => m.Id).FirstAsync());

    private Task<string> UserIdAsync(string email) => _portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private int StoredFiles() => Directory.Exists(_portal.DocumentsDirectory)
        ? Directory.GetFiles(_portal.DocumentsDirectory, "*", SearchOption.AllDirectories).Length : 0;

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string formPage, string action, IEnumerable<(string Name, string Value)> fields,
        params (string Name, byte[] Content, string Type)[] files)
    {
        var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync(formPage));
        using var form = new MultipartFormDataContent { { new StringContent(token), WebPageHelpers.AntiforgeryFieldName } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (name, content, type) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return await client.PostAsync(action, form);
    }

    [Fact]
    public async Task An_official_attaches_a_leaflet_the_chamber_downloads_it_under_its_Japanese_name_and_a_company_never_reaches_it()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var measureId = await MeasureIdAsync("TELEWORK-M01");
        (string, string)[] fields = [("MeasureId", measureId.ToString()), ("Title", "テレワーク助成金の周知（資料あり）"), ("Reason", "チラシを添付します。")];
        var asked = await PostMultipartAsync(metro, "/outreach/publicity", "/outreach/publicity", fields,
            ("助成金チラシ.pdf", Pdf, "application/pdf"), ("ポスター", Png, "image/png"));
        var page = asked.Headers.Location!.OriginalString;
        Assert.StartsWith("/outreach/publicity/", page);
        var attachments = await _portal.WithDbAsync(db => db.PublicityAttachments.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["助成金チラシ.pdf", "ポスター.png"], attachments.Select(a => a.FileName));
        Assert.Equal(2, StoredFiles());

        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var details = await chamber.GetStringAsync(page);
        Assert.Contains("助成金チラシ.pdf", details);
        var download = await chamber.GetAsync($"{page}/attachments/{attachments[0].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("助成金チラシ.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E5%8A%A9", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await company.AssertRefusedAsync($"{page}/attachments/{attachments[0].Id}");
        // Another official's request: its material is not reached either.
        var otherId = await _portal.WithDbAsync(async db =>
        {
            var other = new PublicityRequest { RequestedByUserId = "someone-else", MeasureId = measureId, Title = "他の依頼", RequestedAt = DateTime.UtcNow };
            db.PublicityRequests.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await metro.GetAsync($"/outreach/publicity/{otherId}/attachments/{attachments[0].Id}")).StatusCode);

        // More material later while the request is open; once declined, none.
        var added = await PostMultipartAsync(metro, page, page + "/attachments", [], ("追加資料.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "image/jpeg"));
        Assert.Equal(page, added.Headers.Location?.OriginalString);
        Assert.Equal(3, await _portal.WithDbAsync(db => db.PublicityAttachments.CountAsync()));
        Assert.Equal(page, (await chamber.PostFormAsync(page, page + "/decline", [new("reason", "今月号は締め切りました。")])).Headers.Location?.OriginalString);
        var closed = await PostMultipartAsync(metro, page, page + "/attachments", [], ("後から.pdf", Pdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("辞退された依頼には資料を追加できません。", await closed.Content.ReadAsStringAsync());
        Assert.Equal(3, StoredFiles());
    }

    [Fact]
    public async Task A_refused_file_saves_neither_the_request_nor_any_file_and_says_why_in_Japanese_keeping_what_was_typed()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var measureId = await MeasureIdAsync("TELEWORK-M01");
        (string, string)[] fields = [("MeasureId", measureId.ToString()), ("Title", "添付の誤りの試験"), ("Reason", "内容を確認してください。")];
        var before = await _portal.WithDbAsync(db => db.PublicityRequests.CountAsync());

        var exe = await PostMultipartAsync(metro, "/outreach/publicity", "/outreach/publicity", fields,
            ("正しいチラシ.pdf", Pdf, "application/pdf"), ("見積書.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03], "application/pdf"));
        var body = await exe.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        Assert.Contains("「見積書.pdf」はPDF、PNG、JPEGのいずれでもないため受け付けられません", body);
        Assert.Contains("value=\"添付の誤りの試験\"", body);

        var active = await PostMultipartAsync(metro, "/outreach/publicity", "/outreach/publicity", fields,
            ("script.pdf", PdfSamples.EscapedJavaScript, "application/pdf"));
        Assert.Contains("「script.pdf」はスクリプト、外部プログラムの起動、埋め込みファイル、自動で開くWebページ、XFAフォームのいずれかを含むPDFのため受け付けられません。", await active.Content.ReadAsStringAsync());

        var six = Enumerable.Range(1, 6).Select(i => ($"資料{i}.pdf", Pdf, "application/pdf")).ToArray();
        var tooMany = await PostMultipartAsync(metro, "/outreach/publicity", "/outreach/publicity", fields, six);
        Assert.Contains("添付資料は1件の依頼につき5件までです。", await tooMany.Content.ReadAsStringAsync());

        Assert.Equal(before, await _portal.WithDbAsync(db => db.PublicityRequests.CountAsync()));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.PublicityAttachments.CountAsync()));
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task An_ordinary_chamber_user_changes_only_their_own_entries_and_a_branch_manager_their_branchs_after_an_administrator_says_so()
    {
        var measureId = await MeasureIdAsync("TELEWORK-M01");
        (string, string)[] activity(string branch, string note) =>
            [("Date", "2021-06-01"), ("Channel", "Tour"), ("MeasureIds", measureId.ToString()), ("BranchCode", branch), ("Reach", "35"), ("Note", note)];
        var author = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Equal("/outreach", (await author.PostFormAsync("/outreach/new", "/outreach/new",
            [.. activity("13101", "千代田支部の見学会").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))])).Headers.Location?.OriginalString);
        var id = await _portal.WithDbAsync(db => db.OutreachActivities.Where(a => a.Note == "千代田支部の見学会").Select(a => a.Id).SingleAsync());

        var colleagueId = await ChamberUserAsync("colleague@example.jp", "13101");
        await ChamberUserAsync("other-manager@example.jp", "13102", manager: true);
        var colleague = await _portal.SignedInAsync("colleague@example.jp", Password);
        var otherManager = await _portal.SignedInAsync("other-manager@example.jp", Password);
        foreach (var client in new[] { colleague, otherManager })
        {
            await client.AssertRefusedAsync($"/outreach/{id}/edit");
            await PortalClients.AssertRefusedAsync(await client.PostFormAsync("/outreach", $"/outreach/{id}/delete", []));
            Assert.DoesNotContain($"/outreach/{id}/edit", await client.GetStringAsync("/outreach"));
        }
        Assert.Equal(1, await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync(a => a.Id == id)));
        // The other branch's manager opens the list on their own branch.
        Assert.Contains("data-testid=\"branch-manager-note\"", await otherManager.GetStringAsync("/outreach"));
        Assert.Contains("<option value=\"13102\" selected=\"selected\">", await otherManager.GetStringAsync("/outreach"));

        // An administrator makes the colleague the manager of 千代田支部.
        var admin = await _portal.SignedInAsync(DemoUsers.Admin);
        var set = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{colleagueId}/chamber", [new("branchCode", "13101"), new("isBranchManager", "true")]);
        Assert.Equal("/admin/staff", set.Headers.Location?.OriginalString);
        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == colleagueId).Select(u => u.IsBranchManager).SingleAsync()));
        var needsBranch = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{colleagueId}/chamber", [new("branchCode", ""), new("isBranchManager", "true")]);
        Assert.Equal("/admin/staff", needsBranch.Headers.Location?.OriginalString);
        Assert.Equal("13101", await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == colleagueId).Select(u => u.ChamberBranchCode).SingleAsync()));

        var list = await colleague.GetStringAsync("/outreach");
        Assert.Contains($"/outreach/{id}/edit", list);
        Assert.Contains("<option value=\"13101\" selected=\"selected\">", list);
        var version = await _portal.WithDbAsync(db => db.OutreachActivities.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        // A manager keeps another's record in the branch: moving it to 中央支部 is refused and nothing changes.
        var moved = await colleague.PostFormAsync($"/outreach/{id}/edit", $"/outreach/{id}/edit",
            [.. activity("13102", "移動の試み").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), new("Version", version.ToString())]);
        Assert.Contains("管理している支部以外へ記録を移すことはできません。", await moved.Content.ReadAsStringAsync());
        Assert.Equal("千代田支部の見学会", await _portal.WithDbAsync(db => db.OutreachActivities.Where(a => a.Id == id).Select(a => a.Note).SingleAsync()));
        var corrected = await colleague.PostFormAsync($"/outreach/{id}/edit", $"/outreach/{id}/edit",
            [.. activity("13101", "千代田支部の見学会（支部で修正）").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), new("Version", version.ToString())]);
        Assert.Equal("/outreach", corrected.Headers.Location?.OriginalString);
        Assert.Equal("/outreach", (await colleague.PostFormAsync("/outreach", $"/outreach/{id}/delete", [])).Headers.Location?.OriginalString);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.OutreachActivities.CountAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Chamber_staff_record_support_of_a_members_initiative_the_due_follow_up_is_listed_Metro_reads_and_a_company_is_refused()
    {
        var companyId = await _portal.WithDbAsync(db => db.Companies.Where(c => c.IsChamberMember).Select(c => c.Id).FirstAsync());
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        (string, string)[] form = [("CompanyId", companyId.ToString()), ("Date", "2021-06-01"), ("AreaCode", "WOMEN"), ("BranchCode", "13104"),
            ("Advice", "社内の女性管理職研修の企画を助言しました。"), ("FollowUpOn", "2021-07-01")];
        var recorded = await chamber.PostFormAsync("/outreach/support/new", "/outreach/support/new", [.. form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        Assert.Equal($"/outreach/support/companies/{companyId}", recorded.Headers.Location?.OriginalString);
        var due = await chamber.GetStringAsync("/outreach/support?due=true");
        Assert.Contains("社内の女性管理職研修の企画を助言しました。", due);
        Assert.Contains("期日到来", due);

        // Without advice: refused with a message, nothing saved, the rest kept.
        var refused = await chamber.PostFormAsync("/outreach/support/new", "/outreach/support/new",
            [.. form.Where(f => f.Item1 != "Advice").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("error-summary", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await _portal.WithDbAsync(db => db.MemberSupportCases.CountAsync()));

        // The follow-up done: the case leaves the due list.
        var supportCase = await _portal.WithDbAsync(db => db.MemberSupportCases.SingleAsync());
        var done = await chamber.PostFormAsync($"/outreach/support/{supportCase.Id}/edit", $"/outreach/support/{supportCase.Id}/edit",
            [.. form.Where(f => f.Item1 != "CompanyId").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), new("FollowedUpOn", "2021-07-02"), new("Version", supportCase.Version.ToString())]);
        Assert.Equal($"/outreach/support/companies/{companyId}", done.Headers.Location?.OriginalString);
        Assert.DoesNotContain("社内の女性管理職研修", await chamber.GetStringAsync("/outreach/support?due=true"));

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var read = await metro.GetStringAsync($"/outreach/support/companies/{companyId}");
        Assert.Contains("社内の女性管理職研修の企画を助言しました。", read);
        Assert.DoesNotContain("/edit", read);
        await metro.AssertRefusedAsync("/outreach/support/new");
        await metro.AssertRefusedAsync($"/outreach/support/{supportCase.Id}/edit");
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await company.AssertRefusedAsync("/outreach/support");
        await company.AssertRefusedAsync($"/outreach/support/companies/{companyId}");
    }

    [Fact]
    public async Task The_same_form_sent_twice_is_one_publicity_request_with_its_files_stored_once_and_one_support_case()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var key = Guid.NewGuid().ToString();
        (string, string)[] fields = [("MeasureId", (await MeasureIdAsync("TELEWORK-M01")).ToString()), ("Title", "二度押しの試験"), ("SubmissionKey", key)];
        var first = await PostMultipartAsync(metro, "/outreach/publicity", "/outreach/publicity", fields, ("チラシ.pdf", Pdf, "application/pdf"));
        var second = await PostMultipartAsync(metro, "/outreach/publicity", "/outreach/publicity", fields, ("チラシ.pdf", Pdf, "application/pdf"));
        Assert.StartsWith("/outreach/publicity/", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.PublicityRequests.CountAsync(r => r.Title == "二度押しの試験")));
        Assert.Equal(1, StoredFiles());

        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var companyId = await _portal.WithDbAsync(db => db.Companies.Where(c => c.IsChamberMember).Select(c => c.Id).FirstAsync());
        KeyValuePair<string, string>[] form = [new("CompanyId", companyId.ToString()), new("Date", "2021-06-01"), new("AreaCode", "TELEWORK"), new("BranchCode", "13104"),
            new("Advice", "在宅勤務規程の整備を助言しました。"), new("SubmissionKey", Guid.NewGuid().ToString())];
        var once = await chamber.PostFormAsync("/outreach/support/new", "/outreach/support/new", form);
        var twice = await chamber.PostFormAsync("/outreach/support/new", "/outreach/support/new", form);
        Assert.Equal(once.Headers.Location, twice.Headers.Location);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.MemberSupportCases.CountAsync()));
    }
}
