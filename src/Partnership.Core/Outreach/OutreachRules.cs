using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

/// <summary>What an activity is made of, typed by a chamber user or read from one row of an import file.</summary>
/// <remarks><see cref="Scope"/>: the members the logging user sees (a branch manager's branch, docs/adr/0087); a company outside it is refused.</remarks>
public sealed record ActivityInput(DateOnly? Date, OutreachChannel? Channel, IReadOnlyList<int> MeasureIds, string? BranchCode, int? Reach, IReadOnlyList<int> CompanyIds, string? Note,
    Members.MemberScope? Scope = null);

/// <summary>
/// One refusal in an import file: the row as the spreadsheet numbers it (the header is row 1, the first data row 2; 0:
/// the whole file), the column, a message code and its arguments.
/// </summary>
public sealed record ImportRowError(int Row, string Column, string Code, IReadOnlyList<string>? Args = null);

/// <summary>What the import rules need to know about the catalog and the branches.</summary>
public sealed record ImportReference(IReadOnlyDictionary<string, int> MeasureIdsByKey, IReadOnlySet<string> BranchCodes);

/// <summary>A row that passed every rule, ready to be saved, with its idempotence key.</summary>
public sealed record ImportedRow(int Row, DateOnly Date, OutreachChannel Channel, IReadOnlyList<int> MeasureIds, string BranchCode, int Reach, string Note, string ImportKey);

/// <summary>
/// The rules of an outreach activity and of the import file. The file's columns, in order:
/// 日付 (yyyy-MM-dd or yyyy/MM/dd), 経路 (a channel's code or Japanese name), 施策キー (measure keys such as
/// TELEWORK-M05, separated by ";"), 支部コード, 到達数, 備考.
/// </summary>
public static class OutreachRules
{
    public const int MaxImportRows = 20_000;
    public const int MaxMeasuresPerActivity = 20;
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly IReadOnlyList<string> Columns = ["日付", "経路", "施策キー", "支部コード", "到達数", "備考"];

    /// <summary>The channel names an import file may use besides the codes (the names the chamber writes).</summary>
    public static readonly IReadOnlyDictionary<string, OutreachChannel> ChannelNames = new Dictionary<string, OutreachChannel>(StringComparer.OrdinalIgnoreCase)
    {
        ["メールマガジン"] = OutreachChannel.MailMagazine,
        ["東商新聞"] = OutreachChannel.Newspaper,
        ["経営指導員による資料配布"] = OutreachChannel.AdvisorHandout,
        ["セミナー"] = OutreachChannel.Seminar,
        ["見学会"] = OutreachChannel.Tour,
        ["窓口"] = OutreachChannel.Desk,
        ["ウェブサイト"] = OutreachChannel.Website,
        ["その他"] = OutreachChannel.Other,
    };

    /// <summary>The field rules shared by the form and the import (existence of measures and branches is checked by the caller).</summary>
    /// <summary>
    /// Who may change or delete a chamber record (an activity, a publication, a support case): the person who recorded
    /// it, and the manager of the branch it belongs to (支部の管理者). Headquarters is a branch like the others: its
    /// manager manages headquarters' records, not the wards' (docs/adr/0033-branch-managers.md).
    /// </summary>
    public static bool MayChange(string recordedByUserId, string recordBranchCode, ChamberEditor editor) =>
        recordedByUserId == editor.UserId
        || (editor.IsBranchManager && !string.IsNullOrEmpty(editor.BranchCode) && editor.BranchCode == recordBranchCode);

    /// <summary>A branch manager changing another person's record keeps it in their branch (moving it out would lose it).</summary>
    public static bool MayMoveTo(string recordedByUserId, string newBranchCode, ChamberEditor editor) =>
        recordedByUserId == editor.UserId || newBranchCode == editor.BranchCode;

    /// <summary>
    /// A free-text field of a chamber or Metro record, trimmed: required or not, at most <paramref name="max"/>
    /// characters, no markup or forbidden characters (<see cref="TextRules.CheckField"/>). Adds at most one error.
    /// </summary>
    public static void CheckText(List<FieldError> errors, string field, string? value, int max, bool required) =>
        TextRules.CheckField(errors, field, value, max, required);

    public static List<FieldError> Check(ActivityInput input, DateOnly todayInJapan)
    {
        var errors = new List<FieldError>();
        if (input.Date is not { } date)
        {
            errors.Add(new("Date", "Validation.Required"));
        }
        else if (date < Earliest || date > todayInJapan)
        {
            errors.Add(new("Date", "Outreach.DateOutOfRange"));
        }
        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add(new("Channel", "Validation.RequiredChoice"));
        }
        if (input.MeasureIds.Count == 0)
        {
            errors.Add(new("MeasureIds", "Outreach.MeasureRequired"));
        }
        else if (input.MeasureIds.Count > MaxMeasuresPerActivity)
        {
            errors.Add(new("MeasureIds", "Outreach.TooManyMeasures"));
        }
        if (string.IsNullOrWhiteSpace(input.BranchCode))
        {
            errors.Add(new("BranchCode", "Validation.Required"));
        }
        if (input.Reach is not { } reach)
        {
            errors.Add(new("Reach", "Validation.Required"));
        }
        else if (reach < 0 || reach > OutreachActivity.MaxReach)
        {
            errors.Add(new("Reach", "Outreach.ReachOutOfRange"));
        }
        var note = input.Note ?? "";
        if (note.Length > OutreachActivity.NoteMaxLength)
        {
            errors.Add(new("Note", "Validation.TooLong"));
        }
        else if (TextRules.Check(note) is var problem && problem != TextRules.Problem.None)
        {
            errors.Add(new("Note", problem == TextRules.Problem.Markup ? "Validation.Markup" : "Validation.ForbiddenCharacters"));
        }
        return errors;
    }

    /// <summary>
    /// Checks every row of a file (cells as read, header excluded, blank rows kept so the numbers are the sheet's) and
    /// returns either every error, row by row, or every row ready to save. Nothing is saved unless there is no error
    /// at all. Blank rows are passed over.
    /// </summary>
    public static (IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportRowError> Errors) Validate(IReadOnlyList<string[]> rows, ImportReference reference, DateOnly todayInJapan)
    {
        var errors = new List<ImportRowError>();
        var valid = new List<ImportedRow>();
        if (rows.All(r => r.All(string.IsNullOrWhiteSpace)))
        {
            errors.Add(new(0, "", "Outreach.Import.Empty"));
            return (valid, errors);
        }
        if (rows.Count > MaxImportRows)
        {
            errors.Add(new(0, "", "Outreach.Import.TooManyRows", [MaxImportRows.ToString(CultureInfo.InvariantCulture)]));
            return (valid, errors);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            // As the spreadsheet shows it: the header is row 1.
            var number = i + 2;
            var cells = rows[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Cell(int c) => c < cells.Length ? (cells[c] ?? "").Trim() : "";
            string Code(int c) => c < cells.Length ? JapaneseInput.NormalizeDigits(cells[c]) : "";
            var before = errors.Count;
            if (cells.Length > Columns.Count && cells.Skip(Columns.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                errors.Add(new(number, "", "Outreach.Import.TooManyColumns", [Columns.Count.ToString(CultureInfo.InvariantCulture)]));
            }
            foreach (var (cell, c) in cells.Select((cell, c) => (cell, c)))
            {
                if (TextRules.Check(cell) != TextRules.Problem.None)
                {
                    errors.Add(new(number, c < Columns.Count ? Columns[c] : "", "Outreach.Import.UnsafeText"));
                }
            }
            if (errors.Count > before)
            {
                continue;
            }

            DateOnly? date = null;
            var dateText = Code(0).Replace('/', '-');
            if (dateText.Length == 0)
            {
                errors.Add(new(number, Columns[0], "Outreach.Import.Required"));
            }
            else if (!DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && !TryExcelSerial(dateText, out d))
            {
                errors.Add(new(number, Columns[0], "Outreach.Import.DateInvalid", [Cell(0)]));
            }
            else if (d < Earliest || d > todayInJapan)
            {
                errors.Add(new(number, Columns[0], "Outreach.Import.DateOutOfRange", [Cell(0)]));
            }
            else
            {
                date = d;
            }

            OutreachChannel? channel = null;
            var channelText = Cell(1);
            if (channelText.Length == 0)
            {
                errors.Add(new(number, Columns[1], "Outreach.Import.Required"));
            }
            else if (ChannelNames.TryGetValue(channelText, out var named))
            {
                channel = named;
            }
            else if (!channelText.All(char.IsDigit) && Enum.TryParse<OutreachChannel>(channelText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                channel = parsed;
            }
            else
            {
                errors.Add(new(number, Columns[1], "Outreach.Import.ChannelUnknown", [channelText]));
            }

            var measureIds = new List<int>();
            var keys = Code(2).Split([';', '；', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => k.ToUpperInvariant()).Distinct().ToList();
            if (keys.Count == 0)
            {
                errors.Add(new(number, Columns[2], "Outreach.Import.Required"));
            }
            else if (keys.Count > MaxMeasuresPerActivity)
            {
                errors.Add(new(number, Columns[2], "Outreach.Import.TooManyMeasures", [MaxMeasuresPerActivity.ToString(CultureInfo.InvariantCulture)]));
            }
            else
            {
                foreach (var key in keys)
                {
                    if (reference.MeasureIdsByKey.TryGetValue(key, out var id))
                    {
                        measureIds.Add(id);
                    }
                    else
                    {
                        errors.Add(new(number, Columns[2], "Outreach.Import.MeasureUnknown", [key]));
                    }
                }
            }

            var branch = Code(3);
            if (branch.Length == 0)
            {
                errors.Add(new(number, Columns[3], "Outreach.Import.Required"));
            }
            else if (!reference.BranchCodes.Contains(branch))
            {
                errors.Add(new(number, Columns[3], "Outreach.Import.BranchUnknown", [branch]));
            }

            int? reach = null;
            var reachText = Amounts.Normalize(Code(4), ["人", "名"]);
            if (reachText.Length == 0)
            {
                errors.Add(new(number, Columns[4], "Outreach.Import.Required"));
            }
            else if (!reachText.All(char.IsAsciiDigit) || !int.TryParse(reachText, NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r > OutreachActivity.MaxReach)
            {
                errors.Add(new(number, Columns[4], "Outreach.Import.ReachInvalid", [Cell(4)]));
            }
            else
            {
                reach = r;
            }

            var note = cells.Length > 5 ? (cells[5] ?? "").Trim() : "";
            if (note.Length > OutreachActivity.NoteMaxLength)
            {
                errors.Add(new(number, Columns[5], "Outreach.Import.NoteTooLong", [OutreachActivity.NoteMaxLength.ToString(CultureInfo.InvariantCulture)]));
            }

            if (errors.Count == before)
            {
                var content = string.Join('\u001f', date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), channel!.Value.ToString(),
                    string.Join(';', keys.Order(StringComparer.Ordinal)), branch, reach!.Value.ToString(CultureInfo.InvariantCulture), note);
                var occurrence = seen[content] = seen.GetValueOrDefault(content) + 1;
                valid.Add(new ImportedRow(number, date.Value, channel.Value, measureIds, branch, reach.Value, note, ImportKey(content, occurrence)));
            }
        }
        return errors.Count > 0 ? ([], errors) : (valid, errors);
    }

    /// <summary>
    /// The idempotence key of a row: the SHA-256 of its normalised content and of how many identical rows came
    /// before it in the same file, so two identical rows are two activities, and the same file imported again adds none.
    /// </summary>
    public static string ImportKey(string content, int occurrence) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\u001e{occurrence}")));

    /// <summary>Spreadsheets that keep a date as a number: days since 1899-12-30.</summary>
    private static bool TryExcelSerial(string text, out DateOnly date)
    {
        date = default;
        if (text.Length is < 4 or > 6 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        date = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(int.Parse(text, CultureInfo.InvariantCulture)));
        return true;
    }

    /// <summary>
    /// The conversion rule of a referral: the first submission of the company under the referred measure at or
    /// after the referral converts it; earlier submissions do not count (the company was already on its way).
    /// </summary>
    public static (DateTime At, ConversionKind By)? Conversion(DateTime referredAt, IEnumerable<(DateTime? At, ConversionKind By)> submissions) =>
        submissions.Where(s => s.At is { } at && at >= referredAt)
            .Select(s => ((DateTime At, ConversionKind By)?)(s.At!.Value, s.By))
            .OrderBy(s => s!.Value.At)
            .FirstOrDefault();
}
