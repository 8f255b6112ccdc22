using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Members;

/// <summary>The member roster import on the real database: all or nothing, re-import by 会員番号 or 法人番号, 退会.</summary>
public class RosterImportTests : DatabaseTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await new ReferenceDataSeeder(db).SeedAsync();
    }

    /// <summary>A valid 法人番号 made from a number: its check digit computed.</summary>
    public static string Corporate(int i)
    {
        var base12 = (100_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
        return CorporateNumber.CheckDigit(base12).ToString(CultureInfo.InvariantCulture) + base12;
    }

    public static string[] Row(int i, string? name = null) =>
    [
        Corporate(i), $"M{i:D6}", name ?? $"会員{i}株式会社", "カイイン", (13101 + i % 23).ToString(CultureInfo.InvariantCulture),
        "2015-04-01", i % 2 == 0 ? "山田 花子" : "", "",
    ];

    private async Task<RosterImportResult> ImportAsync(IReadOnlyList<string[]> rows)
    {
        await using var db = Database.CreateContext(TestDatabase.User("chamber-1"), Clock);
        return await new MemberRosterService(db, Clock).ImportAsync(rows);
    }

    private async Task<List<RosterMember>> RosterAsync()
    {
        await using var db = Database.CreateContext();
        return await db.RosterMembers.AsNoTracking().OrderBy(m => m.MemberNumber).ToListAsync();
    }

    [Fact]
    public async Task A_file_with_one_wrong_row_imports_nothing_and_names_the_rows_as_the_spreadsheet_numbers_them()
    {
        var rows = new List<string[]> { Row(1), Row(2), Row(3) };
        rows[1] = [.. rows[1]];
        rows[1][0] = (char)('1' + (rows[1][0][0] - '0') % 9) + rows[1][0][1..]; // another check digit
        rows[2] = [.. rows[2]];
        rows[2][4] = "99999";

        var result = await ImportAsync(rows);

        Assert.True(result.Refused);
        Assert.Equal([(3, "法人番号", "Roster.Import.CorporateNumberCheckDigit"), (4, "支部コード", "Roster.Import.UnknownBranch")],
            result.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Empty(await RosterAsync());
    }

    [Fact]
    public async Task Importing_again_updates_changed_members_adds_nothing_unchanged_and_marks_absent_members_as_left()
    {
        var first = await ImportAsync([.. Enumerable.Range(1, 50).Select(i => Row(i))]);
        Assert.Equal((50, 0, 0, 0), (first.Added, first.Updated, first.Unchanged, first.Left));

        var same = await ImportAsync([.. Enumerable.Range(1, 50).Select(i => Row(i))]);
        Assert.Equal((0, 0, 50, 0), (same.Added, same.Updated, same.Unchanged, same.Left));

        // Member 1 is renamed, member 2 gets a new 会員番号 (found by its 法人番号), 49 and 50 left, 51 joins.
        Clock.Advance(TimeSpan.FromDays(30));
        var next = Enumerable.Range(1, 48).Select(i => Row(i)).Append(Row(51)).ToList();
        next[0] = Row(1, "会員1ホールディングス株式会社");
        next[1] = [.. next[1]];
        next[1][1] = "N-000002";
        var again = await ImportAsync(next);
        Assert.Equal((1, 2, 46, 2), (again.Added, again.Updated, again.Unchanged, again.Left));

        var roster = await RosterAsync();
        Assert.Equal(51, roster.Count);
        Assert.Equal("会員1ホールディングス株式会社", roster.Single(m => m.MemberNumber == "M000001").Name);
        Assert.Equal(Corporate(2), roster.Single(m => m.MemberNumber == "N-000002").CorporateNumber);
        Assert.DoesNotContain(roster, m => m.MemberNumber == "M000002");
        Assert.All(roster.Where(m => m.MemberNumber is "M000049" or "M000050"), m =>
        {
            Assert.Equal(RosterStatus.Left, m.Status);
            Assert.Equal(new DateOnly(2026, 5, 1), m.LeftOn);
        });

        // A member who left and is in the file again is a member again.
        var back = await ImportAsync([.. next, Row(49)]);
        Assert.Equal((0, 1, 49, 0), (back.Added, back.Updated, back.Unchanged, back.Left));
        Assert.Equal(RosterStatus.Current, (await RosterAsync()).Single(m => m.MemberNumber == "M000049").Status);
    }

    [Fact]
    public async Task Full_width_numbers_and_half_width_kana_are_read_as_the_same_member()
    {
        var row = Row(7);
        var fullWidth = string.Concat(row[0].Select(c => (char)(c - '0' + '０')));
        await ImportAsync([[fullWidth, "Ｍ０００００７", row[2], "ｶｲｲﾝ", "１３１０８", "２０１５／４／１", "", ""]]);

        var member = Assert.Single(await RosterAsync());
        Assert.Equal((row[0], "M000007", "カイイン", "13108", new DateOnly(2015, 4, 1)), (member.CorporateNumber, member.MemberNumber, member.NameKana, member.BranchCode, member.JoinedOn));

        var again = await ImportAsync([row]);
        Assert.Equal((0, 0, 1), (again.Added, again.Updated, again.Unchanged));
    }
}
