using Partnership.Core.Schemes;

namespace Partnership.UnitTests.Schemes;

public class FormDefinitionTests
{
    private static readonly FormDefinition WorkStyle = new()
    {
        Fields =
        [
            new("commitments", FormFieldType.Choices, "宣言する取組", "Commitments", Required: true, Options:
            [
                new("hours", "長時間労働の削減", "Reducing long hours", Compulsory: true),
                new("leave", "年次有給休暇等の取得促進", "Promoting paid leave", Compulsory: true),
                new("flexible", "柔軟な働き方", "Flexible work"),
            ]),
            new("target_overtime", FormFieldType.Number, "月平均所定外労働時間（目標）", "Overtime (target)", Min: 0, Max: 80, RequiredWhen: "commitments:hours", Target: true),
            new("start", FormFieldType.Date, "開始日", "Start", Required: true),
            new("end", FormFieldType.Date, "終了日", "End", Required: true, After: "start"),
            new("actions", FormFieldType.LongText, "取組", "Actions", Required: true, MaxLength: 20),
        ],
    };

    private static FormAnswers Answers(params (string Key, string[] Values)[] pairs) =>
        WorkStyle.Clean(pairs.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Values)));

    private static FormAnswers Complete() => Answers(
        ("commitments", ["hours", "leave"]), ("target_overtime", ["１５"]), ("start", ["2026-04-01"]), ("end", ["2028-03-31"]), ("actions", ["ノー残業デー"]));

    [Fact]
    public void A_complete_form_passes_and_full_width_digits_are_read_as_numbers()
    {
        var answers = Complete();
        Assert.Empty(WorkStyle.Validate(answers));
        Assert.Equal("15", answers.Single("target_overtime"));
    }

    [Fact]
    public void A_missing_compulsory_commitment_is_named_one_by_one()
    {
        var answers = Complete();
        answers["commitments"] = ["flexible"];
        var errors = WorkStyle.Validate(answers);
        Assert.Equal(
            [("a_commitments", "Scheme.MissingCommitment", "hours"), ("a_commitments", "Scheme.MissingCommitment", "leave")],
            errors.Select(e => (e.Field, e.Code, e.Args![0])));
    }

    [Fact]
    public void A_target_is_required_only_when_its_commitment_is_chosen()
    {
        var without = Complete();
        without.Remove("target_overtime");
        Assert.Contains(WorkStyle.Validate(without), e => e is { Field: "a_target_overtime", Code: "Scheme.Required" });

        var withoutHours = Complete();
        withoutHours.Remove("target_overtime");
        withoutHours["commitments"] = ["leave"];
        Assert.DoesNotContain(WorkStyle.Validate(withoutHours), e => e.Field == "a_target_overtime");
    }

    [Theory]
    [InlineData("target_overtime", "abc", "Scheme.NotANumber")]
    [InlineData("target_overtime", "81", "Scheme.NumberRange")]
    [InlineData("target_overtime", "-1", "Scheme.NumberRange")]
    [InlineData("commitments", "no-such-option", "Scheme.UnknownOption")]
    [InlineData("actions", "二十文字を超える長い取組の説明を入力しました", "Scheme.TooLong")]
    [InlineData("start", "2026-02-30", "Scheme.NotADate")]
    [InlineData("actions", "<b>bold</b>", "Scheme.UnsafeText")]
    public void A_value_that_cannot_be_right_is_refused_even_in_a_draft(string key, string value, string code)
    {
        var answers = Complete();
        answers[key] = [value];
        Assert.Contains(WorkStyle.CheckValues(answers), e => e.Field == "a_" + key && e.Code == code);
    }

    [Fact]
    public void An_incomplete_draft_has_no_value_errors_but_cannot_be_submitted()
    {
        var draft = Answers(("commitments", ["hours"]));
        Assert.Empty(WorkStyle.CheckValues(draft));
        var errors = WorkStyle.Validate(draft).Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("a_start", "Scheme.Required"), errors);
        Assert.Contains(("a_actions", "Scheme.Required"), errors);
        Assert.Contains(("a_commitments", "Scheme.MissingCommitment"), errors);
    }

    [Fact]
    public void An_end_date_must_follow_the_start_date()
    {
        var answers = Complete();
        answers["end"] = ["2026-04-01"];
        var error = Assert.Single(WorkStyle.Validate(answers));
        Assert.Equal(("a_end", "Scheme.DateOrder", "start"), (error.Field, error.Code, error.Args![0]));
    }

    [Fact]
    public void Unknown_fields_are_dropped_and_a_single_choice_keeps_one_value()
    {
        var answers = WorkStyle.Clean([new("nonsense", ["x"]), new("start", ["2026-04-01", "2027-04-01"])]);
        Assert.Equal(["start"], answers.Keys);
        Assert.Equal(["2026-04-01"], answers["start"]);
    }

    [Fact]
    public void Moving_a_draft_to_a_new_version_keeps_what_still_fits_and_names_what_does_not()
    {
        var next = new FormDefinition
        {
            Fields =
            [
                WorkStyle.Fields[0] with { Options = [.. WorkStyle.Fields[0].OptionList.Where(o => o.Code != "flexible"), new("health", "健康経営", "Health management")] },
                WorkStyle.Fields[1] with { Type = FormFieldType.Text },
                WorkStyle.Fields[2],
                WorkStyle.Fields[3],
                new("leader", FormFieldType.Text, "推進責任者", "Leader", Required: true),
            ],
        };
        var answers = Complete();
        answers["commitments"] = ["hours", "flexible"];

        var (moved, notes) = next.Migrate(WorkStyle, answers);

        Assert.Equal(["hours"], moved["commitments"]);
        Assert.False(moved.ContainsKey("target_overtime"));
        Assert.False(moved.ContainsKey("actions"));
        Assert.Equal("2026-04-01", moved.Single("start"));
        Assert.Equal(
            new[] { "宣言する取組：柔軟な働き方", "月平均所定外労働時間（目標）", "取組" }.Order(StringComparer.Ordinal),
            notes.Select(n => n.Ja).Order(StringComparer.Ordinal));
        // The new required question is not answered yet: the draft cannot be submitted until it is.
        Assert.Contains(next.Validate(moved), e => e is { Field: "a_leader", Code: "Scheme.Required" });
    }

    [Fact]
    public void A_definition_survives_its_json_form_unchanged()
    {
        var json = WorkStyle.ToJson();
        var back = FormDefinition.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Contains("長時間労働の削減", json);
        Assert.True(back.Fields[0].OptionList[0].Compulsory);
        Assert.Equal("commitments:hours", back.Field("target_overtime")!.RequiredWhen);
    }

    [Fact]
    public void A_definition_with_duplicate_keys_or_options_or_unlabelled_options_is_not_published()
    {
        var broken = new FormDefinition
        {
            Fields =
            [
                new("a", FormFieldType.Choice, "A", "A", Options: [new("x", "X", "X"), new("x", "", "Y")]),
                new("a", FormFieldType.Choices, "A", "A", Options: []),
            ],
        };
        Assert.Equal(
            ["SchemeForm.DuplicateKey", "SchemeForm.DuplicateOption", "SchemeForm.NoOptions", "SchemeForm.OptionLabelMissing"],
            broken.CheckDefinition().Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.Empty(WorkStyle.CheckDefinition());
    }
}
