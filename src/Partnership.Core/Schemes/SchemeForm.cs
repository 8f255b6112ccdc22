using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Partnership.Core.Common;

namespace Partnership.Core.Schemes;

public enum FormFieldType
{
    /// <summary>Several options (the commitments a company chooses); some options may be compulsory.</summary>
    Choices = 1,
    /// <summary>One option.</summary>
    Choice = 2,
    /// <summary>A number, possibly with decimals, in a range.</summary>
    Number = 3,
    /// <summary>One line of text.</summary>
    Text = 4,
    /// <summary>Several lines of text.</summary>
    LongText = 5,
    /// <summary>A calendar date (yyyy-MM-dd).</summary>
    Date = 6,
}

/// <summary>An option of a choice field, in both languages. <see cref="Compulsory"/>: every entry must choose it.</summary>
public sealed record FormOption(string Code, string Ja, string En, bool Compulsory = false)
{
    public string Label(CultureInfo culture) => JapanTime.IsJapanese(culture) ? Ja : En;
}

/// <summary>
/// One question of a scheme's form. <see cref="RequiredWhen"/> ("commitments:hours") makes a field required
/// only when that option is chosen, e.g. the target for reducing overtime when the company commits to it.
/// <see cref="After"/> names a date field this one must follow. <see cref="Target"/> marks a numeric target
/// that progress reports measure.
/// </summary>
public sealed record FormField(
    string Key,
    FormFieldType Type,
    string Ja,
    string En,
    bool Required = false,
    string? HelpJa = null,
    string? HelpEn = null,
    decimal? Min = null,
    decimal? Max = null,
    int? MaxLength = null,
    string? UnitJa = null,
    string? UnitEn = null,
    string? RequiredWhen = null,
    string? After = null,
    bool Target = false,
    IReadOnlyList<FormOption>? Options = null)
{
    public const int DefaultTextLength = 200;
    public const int DefaultLongTextLength = 2000;

    public IReadOnlyList<FormOption> OptionList => Options ?? [];
    public string Label(CultureInfo culture) => JapanTime.IsJapanese(culture) ? Ja : En;
    public string? Help(CultureInfo culture) => JapanTime.IsJapanese(culture) ? HelpJa : HelpEn;
    public string? Unit(CultureInfo culture) => JapanTime.IsJapanese(culture) ? UnitJa : UnitEn;
    public int TextLimit => MaxLength ?? (Type == FormFieldType.LongText ? DefaultLongTextLength : DefaultTextLength);
    public FormOption? Option(string code) => OptionList.FirstOrDefault(o => o.Code == code);
}

/// <summary>A removed answer when a draft moves to a newer form version, in both languages for the notice.</summary>
public sealed record MigrationNote(string Ja, string En)
{
    public string Text(CultureInfo culture) => JapanTime.IsJapanese(culture) ? Ja : En;
}

/// <summary>
/// What a company typed into a scheme's form: each field key with its values (several for a Choices field).
/// Stored as JSON on the entry and frozen in each submission.
/// </summary>
public sealed class FormAnswers : Dictionary<string, List<string>>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        // Stored as typed (readable Japanese in the database); never written into HTML from here.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public FormAnswers()
        : base(StringComparer.Ordinal)
    {
    }

    public FormAnswers(IEnumerable<KeyValuePair<string, List<string>>> values)
        : base(values, StringComparer.Ordinal)
    {
    }

    public string? Single(string key) => TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> All(string key) => TryGetValue(key, out var values) ? values : [];

    public string ToJson() => JsonSerializer.Serialize(new SortedDictionary<string, List<string>>(this, StringComparer.Ordinal), Json);

    public static FormAnswers FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : new FormAnswers(JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, Json) ?? []);
}

/// <summary>
/// A scheme's form: its questions in order. Each published version is kept unchanged; a new version is a new
/// definition. Validation and the move of a draft to a newer version are pure functions here.
/// </summary>
public sealed class FormDefinition
{
    public const string FieldPrefix = "a_";
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IReadOnlyList<FormField> Fields { get; init; } = [];

    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The name of a field in the posted form.</summary>
    public static string InputName(string key) => FieldPrefix + key;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FormDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<FormDefinition>(json, Json) ?? throw new InvalidDataException("Empty form definition.");

    /// <summary>
    /// Keeps only known fields, trims text, normalises full-width digits in numbers and drops empty values. No
    /// rule is enforced here: <see cref="CheckValues"/> says what is wrong with what remains.
    /// </summary>
    public FormAnswers Clean(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted)
    {
        var answers = new FormAnswers();
        foreach (var (key, raw) in posted)
        {
            if (Field(key) is not { } field)
            {
                continue;
            }
            var values = raw
                .Select(v => field.Type == FormFieldType.Number ? Amounts.Normalize(v) : (v ?? "").Trim())
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (field.Type != FormFieldType.Choices && values.Count > 1)
            {
                values = values.Take(1).ToList();
            }
            if (values.Count > 0)
            {
                answers[key] = values;
            }
        }
        return answers;
    }

    /// <summary>
    /// What is wrong with the values given, field by field: unsafe text, an option the field does not offer,
    /// a number that is not one or out of range, text too long, a date that is not one. A draft with any of
    /// these is not saved; a draft may still be incomplete.
    /// </summary>
    public IReadOnlyList<FieldError> CheckValues(FormAnswers answers)
    {
        var errors = new List<FieldError>();
        foreach (var field in Fields)
        {
            var name = InputName(field.Key);
            var values = answers.All(field.Key);
            if (values.Count == 0)
            {
                continue;
            }
            if (values.Any(v => TextRules.Check(v) != TextRules.Problem.None))
            {
                errors.Add(new FieldError(name, "Scheme.UnsafeText"));
                continue;
            }
            switch (field.Type)
            {
                case FormFieldType.Choices or FormFieldType.Choice:
                    if (values.Any(v => field.Option(v) is null))
                    {
                        errors.Add(new FieldError(name, "Scheme.UnknownOption"));
                    }
                    break;
                case FormFieldType.Number:
                    if (!decimal.TryParse(values[0], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    {
                        errors.Add(new FieldError(name, "Scheme.NotANumber"));
                    }
                    else if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
                    {
                        errors.Add(new FieldError(name, "Scheme.NumberRange", [Format(field.Min), Format(field.Max)]));
                    }
                    break;
                case FormFieldType.Text or FormFieldType.LongText:
                    if (values[0].Length > field.TextLimit)
                    {
                        errors.Add(new FieldError(name, "Scheme.TooLong", [field.TextLimit.ToString(CultureInfo.InvariantCulture)]));
                    }
                    break;
                case FormFieldType.Date:
                    if (ParseDate(values[0]) is not { } date || date.Year < 2000 || date.Year > 2100)
                    {
                        errors.Add(new FieldError(name, "Scheme.NotADate"));
                    }
                    break;
            }
        }
        return errors;
    }

    /// <summary>
    /// Every rule of the form against the answers: the values (<see cref="CheckValues"/>) and completeness —
    /// required questions, compulsory commitments, the least number of choices, the order of dates. An empty
    /// list means the entry may be submitted.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(FormAnswers answers)
    {
        var errors = CheckValues(answers).ToList();
        var wrong = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var name = InputName(field.Key);
            var values = answers.All(field.Key);
            var required = field.Required || (field.RequiredWhen is { } when && IsChosen(answers, when));
            if (values.Count == 0 && required)
            {
                errors.Add(new FieldError(name, "Scheme.Required"));
            }
            if (wrong.Contains(name))
            {
                continue;
            }
            if (field.Type == FormFieldType.Choices)
            {
                errors.AddRange(field.OptionList.Where(o => o.Compulsory && !values.Contains(o.Code))
                    .Select(o => new FieldError(name, "Scheme.MissingCommitment", [o.Code])));
                if (values.Count > 0 && field.Min is { } least && values.Count < least)
                {
                    errors.Add(new FieldError(name, "Scheme.TooFewChoices", [least.ToString(CultureInfo.InvariantCulture)]));
                }
            }
            if (field.Type == FormFieldType.Date && field.After is { } earlierKey
                && ParseDate(values.FirstOrDefault()) is { } date && ParseDate(answers.Single(earlierKey)) is { } earlier && date <= earlier)
            {
                errors.Add(new FieldError(name, "Scheme.DateOrder", [earlierKey]));
            }
        }
        return errors;
    }

    /// <summary>
    /// Moves answers given on an older version to this one: kept where the field (same key, same type) and
    /// the option still exist; everything else is dropped and named in the notes, so the company is told.
    /// </summary>
    public (FormAnswers Answers, IReadOnlyList<MigrationNote> Notes) Migrate(FormDefinition from, FormAnswers answers)
    {
        var kept = new FormAnswers();
        var notes = new List<MigrationNote>();
        foreach (var (key, values) in answers)
        {
            var old = from.Field(key);
            var current = Field(key);
            if (old is null)
            {
                continue;
            }
            if (current is null || current.Type != old.Type)
            {
                notes.Add(new MigrationNote(old.Ja, old.En));
                continue;
            }
            var remaining = new List<string>();
            foreach (var value in values)
            {
                if (current.Type is FormFieldType.Choices or FormFieldType.Choice && current.Option(value) is null)
                {
                    var option = old.Option(value);
                    notes.Add(new MigrationNote($"{old.Ja}：{option?.Ja ?? value}", $"{old.En}: {option?.En ?? value}"));
                    continue;
                }
                remaining.Add(value);
            }
            if (remaining.Count > 0)
            {
                kept[key] = remaining;
            }
        }
        return (kept, notes);
    }

    /// <summary>Checks a definition an official is about to publish: keys unique, options present and unique.</summary>
    public IReadOnlyList<FieldError> CheckDefinition()
    {
        var errors = new List<FieldError>();
        if (Fields.Count == 0)
        {
            errors.Add(new FieldError("", "SchemeForm.NoFields"));
        }
        if (Fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() != Fields.Count)
        {
            errors.Add(new FieldError("", "SchemeForm.DuplicateKey"));
        }
        foreach (var field in Fields.Where(f => f.Type is FormFieldType.Choices or FormFieldType.Choice))
        {
            if (field.OptionList.Count == 0)
            {
                errors.Add(new FieldError(field.Key, "SchemeForm.NoOptions"));
            }
            if (field.OptionList.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count() != field.OptionList.Count)
            {
                errors.Add(new FieldError(field.Key, "SchemeForm.DuplicateOption"));
            }
            if (field.OptionList.Any(o => string.IsNullOrWhiteSpace(o.Ja) || string.IsNullOrWhiteSpace(o.En)))
            {
                errors.Add(new FieldError(field.Key, "SchemeForm.OptionLabelMissing"));
            }
        }
        return errors;
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(JapaneseInput.NormalizeDigits(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static bool IsChosen(FormAnswers answers, string when)
    {
        var parts = when.Split(':', 2);
        return parts.Length == 2 && answers.All(parts[0]).Contains(parts[1]);
    }

    private static string Format(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
