using System.Globalization;
using System.Text;
using Partnership.Core.Common;
using Partnership.Core.Companies;

namespace Partnership.Core.Members;

/// <summary>An error of one row of a roster file: the row as the spreadsheet numbers it (header = 1), the column's heading, a resource code.</summary>
public sealed record RosterRowError(int Row, string Column, string Code, IReadOnlyList<string>? Args = null);

/// <summary>A checked roster row, normalised: what an entry becomes.</summary>
public sealed record RosterRow(int Row, string MemberNumber, string? CorporateNumber, string Name, string NameKana, string BranchCode,
    DateOnly JoinedOn, string ContactName, string Address, string? ContactEmail = null);

/// <summary>
/// The roster file's columns and the check of every row, with no database (docs/adr/0069-member-roster.md): the
/// whole file is checked first and every error of every row is returned; a file with any error imports nothing.
/// </summary>
public static class RosterRules
{
    public const int MaxImportRows = 100_000;

    /// <summary>The template's header, in order. The last two columns may be left empty.</summary>
    public static readonly IReadOnlyList<string> Columns = ["法人番号", "会員番号", "会員名", "会員名カナ", "支部コード", "入会日", "担当者名", "所在地"];

    /// <summary>
    /// An optional ninth column, the member's contact mail address (referral invitations go there, docs/adr/0084). Read
    /// only when the header names it; files without it import as before.
    /// </summary>
    public const string EmailColumn = "連絡先メールアドレス";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];

    /// <summary>Whether the first row is the template's header (cells trimmed; extra columns to the right are allowed).</summary>
    public static bool IsHeader(string[] cells) =>
        cells.Length >= Columns.Count && Columns.Select((c, i) => (c, i)).All(x => string.Equals((cells[x.i] ?? "").Trim(), x.c, StringComparison.Ordinal));

    /// <summary>
    /// Text folded for search: NFKC (full-width Latin and digits to ASCII, half-width katakana to full-width), hiragana
    /// to katakana, no spaces, upper case. 「とうきょう　ｼｮｳｼﾞ」 and 「トウキョウショウジ」 fold alike.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var normal = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            builder.Append(c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>A 会員番号 as typed: digits and letters to ASCII, no spaces; empty when blank.</summary>
    public static string NormalizeMemberNumber(string? text) => JapaneseInput.NormalizeDigits(text).ToUpperInvariant();

    /// <summary>Checks every data row (<paramref name="rows"/>[0] is spreadsheet row 2).</summary>
    public static (List<RosterRow> Rows, List<RosterRowError> Errors) Validate(IReadOnlyList<string[]> rows, IReadOnlySet<string> branchCodes)
    {
        var valid = new List<RosterRow>(rows.Count);
        var errors = new List<RosterRowError>();
        if (rows.Count == 0)
        {
            errors.Add(new(0, "", "Roster.Import.Empty"));
            return (valid, errors);
        }
        if (rows.Count > MaxImportRows)
        {
            errors.Add(new(0, "", "Spreadsheet.TooManyRows", [MaxImportRows.ToString("N0", CultureInfo.InvariantCulture)]));
            return (valid, errors);
        }
        var memberNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var corporateNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i];
            var row = i + 2;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Cell(int column) => column < cells.Length ? (cells[column] ?? "").Trim() : "";
            var before = errors.Count;
            void Fail(int column, string code, params string[] args) => errors.Add(new(row, Columns[column], code, args));
            foreach (var column in Enumerable.Range(0, Columns.Count))
            {
                if (TextRules.Check(Cell(column)) != TextRules.Problem.None)
                {
                    Fail(column, "Roster.Import.UnsafeText");
                }
            }

            var corporate = CorporateNumber.Normalize(Cell(0));
            if (corporate.Length > 0 && !CorporateNumber.IsValid(corporate))
            {
                Fail(0, corporate.Length == CorporateNumber.Length && corporate.All(char.IsAsciiDigit) ? "Roster.Import.CorporateNumberCheckDigit" : "Roster.Import.CorporateNumberFormat", Cell(0));
            }
            else if (corporate.Length > 0 && !corporateNumbers.TryAdd(corporate, row))
            {
                Fail(0, "Roster.Import.Duplicate", corporateNumbers[corporate].ToString(CultureInfo.InvariantCulture));
            }

            var number = NormalizeMemberNumber(Cell(1));
            if (number.Length == 0)
            {
                Fail(1, "Roster.Import.Required");
            }
            else if (number.Length > RosterMember.MemberNumberMaxLength || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                Fail(1, "Roster.Import.MemberNumberFormat", Cell(1));
            }
            else if (!memberNumbers.TryAdd(number, row))
            {
                Fail(1, "Roster.Import.Duplicate", memberNumbers[number].ToString(CultureInfo.InvariantCulture));
            }

            var name = Cell(2);
            Length(name, 2, RosterMember.NameMaxLength, required: true);
            var kana = JapaneseInput.ToFullWidthKatakana(Cell(3));
            if (kana.Length == 0)
            {
                Fail(3, "Roster.Import.Required");
            }
            else if (!JapaneseInput.IsKatakanaReading(kana) || kana.Length > RosterMember.NameMaxLength)
            {
                Fail(3, "Roster.Import.KanaFormat");
            }

            var branch = JapaneseInput.NormalizeDigits(Cell(4));
            if (branch.Length == 0)
            {
                Fail(4, "Roster.Import.Required");
            }
            else if (!branchCodes.Contains(branch))
            {
                Fail(4, "Roster.Import.UnknownBranch", branch);
            }

            var joined = ParseDate(Cell(5));
            if (Cell(5).Length == 0)
            {
                Fail(5, "Roster.Import.Required");
            }
            else if (joined is null)
            {
                Fail(5, "Roster.Import.DateFormat", Cell(5));
            }
            Length(Cell(6), 6, RosterMember.ContactMaxLength, required: false);
            Length(Cell(7), 7, RosterMember.AddressMaxLength, required: false);
            var email = Cell(8);
            if (email.Length > 0 && (email.Length > RosterMember.EmailMaxLength || TextRules.Check(email) != TextRules.Problem.None
                || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            {
                errors.Add(new(row, EmailColumn, "Roster.Import.EmailFormat", [email]));
            }

            if (errors.Count == before)
            {
                valid.Add(new RosterRow(row, number, corporate.Length == 0 ? null : corporate, name, kana, branch, joined!.Value, Cell(6), Cell(7),
                    email.Length == 0 ? null : email));
            }

            void Length(string text, int column, int max, bool required)
            {
                if (required && text.Length == 0)
                {
                    Fail(column, "Roster.Import.Required");
                }
                else if (text.Length > max)
                {
                    Fail(column, "Roster.Import.TooLong", max.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        return (valid, errors);
    }

    /// <summary>A date as typed (2021-04-01, 2021/4/1, full-width digits) or as an Excel serial day number.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var normal = JapaneseInput.NormalizeDigits(text).Replace('／', '/');
        if (DateOnly.TryParseExact(normal, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (double.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466)
        {
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        }
        return null;
    }
}
