using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Schemes;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>Development only: two demo companies, each owned by one of the demo company accounts.</summary>
public sealed class DemoCompanySeeder(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await RosterAsync(ct);
        await AddAsync("company@demo.example.jp", new Company
        {
            Name = "デモ商事株式会社", NameKana = "デモショウジ", CorporateNumber = Number("010401000001"), PostalCode = "163-8001",
            Prefecture = "東京都", MunicipalityCode = "131041", CityName = "新宿区", Street = "西新宿2-8-1", Phone = "03-5320-0001",
            IndustryCode = "I", SmeCategory = SmeCategory.Wholesale, CapitalYen = 30_000_000, RegularEmployees = 45,
            IsChamberMember = true, MembershipVerified = true, MemberBranchCode = "13104", ChamberMemberNumber = "1234567", ChamberBranchCode = "13104", ContactName = "東京 太郎", ContactDepartment = "総務部",
        }, ct);
        await AddAsync("company2@demo.example.jp", new Company
        {
            Name = "サンプル工業株式会社", NameKana = "サンプルコウギョウ", CorporateNumber = Number("012801000002"), PostalCode = "190-0022",
            Prefecture = "東京都", MunicipalityCode = "132021", CityName = "立川市", Street = "錦町1-2-3", Phone = "042-500-0002",
            IndustryCode = "E", SmeCategory = SmeCategory.ManufacturingAndOther, CapitalYen = 500_000_000, RegularEmployees = 420,
            IsChamberMember = false, ContactName = "多摩 花子", ContactDepartment = "人事部",
        }, ct);
        await AcceptedDeclarationAsync("company2@demo.example.jp", "WORKSTYLE-DECL", ct);
    }

    /// <summary>An accepted, listed declaration, so the public directory has an entry to show.</summary>
    private async Task AcceptedDeclarationAsync(string ownerEmail, string schemeCode, CancellationToken ct)
    {
        var owner = await db.Users.SingleOrDefaultAsync(u => u.Email == ownerEmail, ct);
        var member = owner is null ? null : await db.CompanyMembers.FirstOrDefaultAsync(m => m.UserId == owner.Id, ct);
        var scheme = await db.Schemes.SingleOrDefaultAsync(s => s.Code == schemeCode, ct);
        if (member is null || scheme is null || await db.SchemeEntries.AnyAsync(e => e.CompanyId == member.CompanyId, ct))
        {
            return;
        }
        var form = await db.SchemeFormVersions.Where(v => v.SchemeId == scheme.Id).OrderBy(v => v.Number).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var answers = new FormAnswers
        {
            ["commitments"] = ["hours", "leave", "flexible"],
            ["target_years"] = ["3"],
            ["target_overtime"] = ["15"],
            ["target_leave_rate"] = ["70"],
            ["actions"] = ["ノー残業デーを毎週水曜日に設け、年次有給休暇の計画的付与を導入します。"],
        };
        var number = $"{scheme.NumberPrefix}-{JapanTime.FiscalYearOf(now)}-00001";
        var entry = new SchemeEntry
        {
            SchemeId = scheme.Id, CompanyId = member.CompanyId, Status = EntryStatus.Accepted, FormVersionId = form.Id, AnswersJson = answers.ToJson(),
            LiveKey = SchemeEntry.LiveKeyFor(member.CompanyId, scheme.Id, renewal: false), Number = number, IssuedNumber = number,
            SubmittedAt = now, FirstSubmittedAt = now, DecidedAt = now, ValidFrom = DateOnly.FromDateTime(JapanTime.ToJapan(now)), ListInDirectory = true,
        };
        entry.Submissions.Add(new SchemeSubmission { Sequence = 1, FormVersionId = form.Id, AnswersJson = entry.AnswersJson, SubmittedAt = now, SubmittedBy = member.UserId });
        entry.Events.Add(new SchemeEntryEvent { At = now, Action = "submitted", Side = "company", UserId = member.UserId });
        entry.Events.Add(new SchemeEntryEvent { At = now, Action = "accepted", Side = "metro" });
        db.SchemeEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two roster entries: the first demo company (so its membership is verified) and a member not registered on the
    /// portal, whom chamber staff can refer.
    /// </summary>
    private async Task RosterAsync(CancellationToken ct)
    {
        if (await db.RosterMembers.AnyAsync(ct))
        {
            return;
        }
        db.RosterMembers.AddRange(
            new Core.Members.RosterMember
            {
                MemberNumber = "1234567", CorporateNumber = Number("010401000001"), Name = "デモ商事株式会社", NameKana = "デモショウジ",
                NameFolded = Core.Members.RosterRules.Fold("デモ商事株式会社"), KanaFolded = Core.Members.RosterRules.Fold("デモショウジ"), BranchCode = "13104",
                JoinedOn = new DateOnly(2015, 4, 1), ContactName = "東京 太郎", Address = "東京都新宿区西新宿2-8-1",
            },
            new Core.Members.RosterMember
            {
                MemberNumber = "2345678", CorporateNumber = Number("011001000003"), Name = "みらい製作所株式会社", NameKana = "ミライセイサクショ",
                NameFolded = Core.Members.RosterRules.Fold("みらい製作所株式会社"), KanaFolded = Core.Members.RosterRules.Fold("ミライセイサクショ"), BranchCode = "13104",
                JoinedOn = new DateOnly(2019, 10, 1), ContactName = "未来 一郎", Address = "東京都千代田区丸の内3-2-2",
            });
        await db.SaveChangesAsync(ct);
    }

    private static string Number(string base12) => CorporateNumber.CheckDigit(base12).ToString(System.Globalization.CultureInfo.InvariantCulture) + base12;

    private async Task AddAsync(string ownerEmail, Company company, CancellationToken ct)
    {
        var owner = await db.Users.SingleOrDefaultAsync(u => u.Email == ownerEmail, ct);
        if (owner is null || await db.CompanyMembers.AnyAsync(m => m.UserId == owner.Id, ct))
        {
            return;
        }
        company.ApplySizeRule();
        company.Members.Add(new CompanyMember { UserId = owner.Id, IsOwner = true, JoinedAt = clock.GetUtcNow().UtcDateTime });
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
    }
}
