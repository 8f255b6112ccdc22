using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

public sealed partial class CompanyJourneyTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    public static KeyValuePair<string, string>[] ProfileForm(string corporateNumber = "8000020130001", string kana = "ﾄｳｷｮｳｼｮｳｼﾞ") =>
    [
        new("Name", "東京商事株式会社"), new("NameKana", kana), new("CorporateNumber", corporateNumber),
        new("PostalCode", "１６３－８００１"), new("Prefecture", "東京都"), new("MunicipalityCode", "131041"), new("Street", "西新宿２－８－１"),
        new("Phone", "０３－５３２０－１２３４"), new("IndustryCode", "L"), new("SmeCategory", "Service"), new("CapitalYen", "１０,０００,０００"),
        new("RegularEmployees", "４"), new("ContactName", "東京 太郎"), new("ContactDepartment", "総務部"),
    ];

    private async Task<string> LatestMailLinkAsync(string to, string pathStart)
    {
        var body = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == to).OrderByDescending(m => m.Id).Select(m => m.BodyText).FirstAsync());
        var match = Regex.Match(body, "http://localhost(" + Regex.Escape(pathStart) + @"\S*)");
        Assert.True(match.Success, $"No {pathStart} link in: {body}");
        return match.Groups[1].Value;
    }

    private async Task<HttpClient> RegisterAndConfirmAsync(string email, string password = "new-pass-2468", string? returnUrl = null)
    {
        var client = _portal.CreatePortalClient();
        var registered = await client.PostFormAsync("/account/register", "/account/register",
            [new("DisplayName", "新規 登録"), new("Email", email), new("Password", password), new("ConfirmPassword", password), new("ReturnUrl", returnUrl ?? "")]);
        Assert.Equal("/account/register/sent", registered.Headers.Location!.OriginalString);

        // Sign-in waits for the confirmation.
        var early = await client.SignInAsync(email, password);
        Assert.Contains("メールアドレスの確認が済んでいません", await early.Content.ReadAsStringAsync());

        var confirm = await client.GetAsync(await LatestMailLinkAsync(email, "/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("メールアドレスを確認しました", await confirm.Content.ReadAsStringAsync());
        Assert.Equal("/me", (await client.SignInAsync(email, password)).Headers.Location!.OriginalString);
        return client;
    }

    [Fact]
    public async Task A_new_user_registers_confirms_and_registers_a_company_typed_in_full_width()
    {
        var client = await RegisterAndConfirmAsync("owner@new.example.jp");
        Assert.Contains("会社の情報を登録してください", await client.GetStringAsync("/company"));

        var created = await client.PostFormAsync("/company/new", "/company/new", ProfileForm());
        Assert.Equal("/company", created.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync("/company");
        Assert.Contains("東京商事株式会社", page);
        Assert.Contains("トウキョウショウジ", page);
        Assert.Contains("〒163-8001 東京都新宿区西新宿2-8-1", page);
        Assert.Contains("小規模企業者", page);
        Assert.Contains("サービス業：資本金50,000,000円以下または常時雇用する従業員100人以下", page);
        var company = await _portal.WithDbAsync(db => db.Companies.SingleAsync(c => c.CorporateNumber == "8000020130001"));
        Assert.Equal(("03-5320-1234", 10_000_000L, 4), (company.Phone, company.CapitalYen!.Value, company.RegularEmployees));
    }

    [Fact]
    public async Task Every_invalid_field_is_explained_next_to_it_what_was_typed_stays_and_nothing_is_saved()
    {
        var client = await RegisterAndConfirmAsync("typo@new.example.jp");
        var form = ProfileForm("8000020130002", "カブシキガイシャトウキョウ").Where(f => f.Key is not ("Phone" or "PostalCode"))
            .Append(new("Phone", "03-12")).Append(new("PostalCode", "163-80011")).ToArray();
        var response = await client.PostFormAsync("/company/new", "/company/new", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("法人番号に誤りがあります", html);
        Assert.Contains("法人の種類を含めないでください", html);
        Assert.Contains("電話番号は0から始まる10桁または11桁", html);
        Assert.Contains("郵便番号は「123-4567」の形式", html);
        Assert.Contains("value=\"8000020130002\"", html);
        Assert.Contains("href=\"#CorporateNumber\"", html);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Companies.CountAsync(c => c.Name == "東京商事株式会社")));
    }

    [Fact]
    public async Task A_corporate_number_already_registered_is_refused_with_how_to_join_that_company()
    {
        var existing = await _portal.WithDbAsync(db => db.Companies.Select(c => c.CorporateNumber).FirstAsync(n => n != null));
        var client = await RegisterAndConfirmAsync("second@new.example.jp");
        var response = await client.PostFormAsync("/company/new", "/company/new", ProfileForm(existing!));
        Assert.Contains("既に登録されています。その会社の管理者に、招待のメールを送るよう依頼してください。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_owner_invites_a_co_worker_who_registers_from_the_mail_and_joins()
    {
        var owner = _portal.CreatePortalClient();
        await owner.SignInAsync(DemoUsers.Company);
        var invited = await owner.PostFormAsync("/company/members", "/company/members/invite", [new("Email", "coworker@demo.example.jp")]);
        Assert.Equal("/company/members", invited.Headers.Location!.OriginalString);

        var invitation = await LatestMailLinkAsync("coworker@demo.example.jp", "/invitations/");
        var anonymousView = await _portal.CreatePortalClient().GetStringAsync(invitation);
        Assert.Contains("デモ商事株式会社 から、coworker@demo.example.jp 宛てに招待が届いています。", anonymousView);

        var coworker = await RegisterAndConfirmAsync("coworker@demo.example.jp", returnUrl: invitation);
        var joined = await coworker.PostFormAsync(invitation, invitation + "/accept", []);
        Assert.Equal("/company", joined.Headers.Location!.OriginalString);
        Assert.Contains("デモ商事株式会社", await coworker.GetStringAsync("/company"));

        var members = await owner.GetStringAsync("/company/members");
        Assert.Contains("coworker@demo.example.jp", members);
        var history = await owner.GetStringAsync("/company/history");
        Assert.Contains("利用者を招待", history);
        Assert.Contains("利用者が参加", history);
    }

    [Fact]
    public async Task Another_company_cannot_open_or_change_this_company_by_id()
    {
        var (companyId, ownerMemberId) = await _portal.WithDbAsync(async db =>
        {
            var owner = await db.CompanyMembers.Where(m => m.IsOwner && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Company)).SingleAsync();
            return (owner.CompanyId, owner.Id);
        });
        var other = _portal.CreatePortalClient();
        await other.SignInAsync(DemoUsers.OtherCompany);

        var open = await other.GetAsync($"/companies/{companyId}");
        Assert.StartsWith("/account/access-denied", open.Headers.Location!.PathAndQuery);
        Assert.StartsWith("/account/access-denied", (await other.GetAsync("/companies")).Headers.Location!.PathAndQuery);
        var remove = await other.PostFormAsync("/company", $"/company/members/{ownerMemberId}/remove", []);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        var promote = await other.PostFormAsync("/company", $"/company/members/{ownerMemberId}/make-owner", []);
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
        Assert.True(await _portal.WithDbAsync(db => db.CompanyMembers.AnyAsync(m => m.Id == ownerMemberId && m.IsOwner)));

        // Its own company is open to it.
        var ownId = await _portal.WithDbAsync(db => db.CompanyMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.OtherCompany)).Select(m => m.CompanyId).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/companies/{ownId}")).StatusCode);
    }

    [Fact]
    public async Task Chamber_staff_see_member_companies_only_and_Metro_officials_see_all()
    {
        var ids = await _portal.WithDbAsync(db => db.Companies.ToDictionaryAsync(c => c.IsChamberMember, c => c.Id));
        var chamber = _portal.CreatePortalClient();
        await chamber.SignInAsync(DemoUsers.Chamber);
        Assert.Equal(HttpStatusCode.OK, (await chamber.GetAsync($"/companies/{ids[true]}")).StatusCode);
        Assert.StartsWith("/account/access-denied", (await chamber.GetAsync($"/companies/{ids[false]}")).Headers.Location!.PathAndQuery);
        var list = await chamber.GetStringAsync("/companies");
        Assert.Contains("デモ商事株式会社", list);
        Assert.DoesNotContain("サンプル工業株式会社", list);

        var metro = _portal.CreatePortalClient();
        await metro.SignInAsync(DemoUsers.Metro);
        var all = await metro.GetStringAsync("/companies?size=Large");
        Assert.Contains("サンプル工業株式会社", all);
        Assert.DoesNotContain("デモ商事株式会社", all);
    }
}
