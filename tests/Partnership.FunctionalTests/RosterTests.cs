using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Members;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>The member roster over HTTP: chamber staff import it whole; companies and Metro officials cannot read it.</summary>
public sealed class RosterTests : IDisposable
{
    private const string Header = "法人番号,会員番号,会員名,会員名カナ,支部コード,入会日,担当者名,所在地\n";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var html = await client.GetStringAsync("/outreach/roster/import");
        using var form = new MultipartFormDataContent { { new StringContent(WebPageHelpers.ExtractAntiforgeryToken(html)), WebPageHelpers.AntiforgeryFieldName } };
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.PostAsync("/outreach/roster/import", form);
    }

    [Fact]
    public async Task Chamber_staff_import_the_roster_all_or_nothing_and_again_without_duplicates()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        // Row 3 has a 法人番号 whose check digit is wrong: the report names row 3 and nothing is saved.
        var wrong = Header + "８０００－０２０－１３０００１,A-1,東京商工株式会社,とうきょうしょうこう,13101,2015-04-01,山田 花子,\n"
                           + "9000020130001,A-2,丸の内商事株式会社,マルノウチショウジ,13101,2016/4/1,,\n";
        var refused = await UploadAsync(chamber, "roster.csv", Encoding.UTF8.GetBytes(wrong));
        var report = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("3行目", report);
        Assert.Contains("チェックデジットが一致しません", report);
        // The demo roster holds two members (one of them the demo member company); the refused file added nothing.
        Assert.Equal(2, await _portal.WithDbAsync(db => db.RosterMembers.CountAsync()));

        var right = wrong.Replace("9000020130001,A-2", "1010001000006,A-2", StringComparison.Ordinal);
        var imported = await UploadAsync(chamber, "roster.csv", Encoding.UTF8.GetBytes(right));
        Assert.Contains("追加 2 件、更新 0 件、変更なし 0 件、退会 2 件", await imported.Content.ReadAsStringAsync());
        var again = await UploadAsync(chamber, "roster.csv", Encoding.UTF8.GetBytes(Header + right.Split('\n')[1] + "\n"));
        Assert.Contains("追加 0 件、更新 0 件、変更なし 1 件、退会 1 件", await again.Content.ReadAsStringAsync());
        var first = await _portal.WithDbAsync(db => db.RosterMembers.SingleAsync(m => m.MemberNumber == "A-1"));
        Assert.Equal(("8000020130001", "トウキョウショウコウ", RosterStatus.Current), (first.CorporateNumber, first.NameKana, first.Status));
        Assert.Equal(RosterStatus.Left, await _portal.WithDbAsync(db => db.RosterMembers.Where(m => m.MemberNumber == "A-2").Select(m => m.Status).SingleAsync()));

        var list = await chamber.GetStringAsync("/outreach/roster");
        Assert.Contains("東京商工株式会社", list);
        Assert.Contains("会員 1 件、退会 3 件", list);
        var template = await chamber.GetAsync("/outreach/roster/import/template.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_company_and_a_Metro_official_cannot_read_or_import_the_roster()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await company.AssertRefusedAsync("/outreach/roster");
        await company.AssertRefusedAsync("/outreach/roster/import");
        await company.AssertRefusedAsync("/outreach/roster/import/template.csv");
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        await metro.AssertRefusedAsync("/outreach/roster");
        await metro.AssertRefusedAsync("/outreach/roster/import");
    }
}
