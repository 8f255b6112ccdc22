using Partnership.Core.Companies;
using Partnership.Core.Documents;
using Partnership.Core.Subsidies;
using Partnership.TestKit;

namespace Partnership.UnitTests.Subsidies;

public class SubsidyRulesTests
{
    [Theory]
    [InlineData(1_000_000, 1, 2, 1_500_000, 500_000)]
    [InlineData(1_234_567, 1, 2, 1_500_000, 617_000)]     // 617,283.5 → rounded down to the thousand
    [InlineData(999, 1, 1, 1_500_000, 0)]                 // below a thousand yen: nothing
    [InlineData(10_000_000, 2, 3, 1_500_000, 1_500_000)]  // capped
    [InlineData(2_250_500, 2, 3, 1_500_000, 1_500_000)]   // 1,500,333 → cap
    [InlineData(2_249_999, 2, 3, 1_500_000, 1_499_000)]   // 1,499,999.3 → 1,499,000
    [InlineData(3_000, 2, 3, 1_500_000, 2_000)]
    [InlineData(0, 1, 2, 1_500_000, 0)]
    [InlineData(1_000_000, 1, 2, 1_250, 1_000)]           // a cap that is not a round thousand is rounded down too
    [InlineData(9_000_000_000_000_000, 2, 3, long.MaxValue, 6_000_000_000_000_000)] // no overflow
    public void The_amount_is_rate_times_expenses_capped_and_rounded_down_to_a_thousand_yen(long eligible, int numerator, int denominator, long cap, long expected) =>
        Assert.Equal(expected, SubsidyRules.Amount(eligible, numerator, denominator, cap));

    [Fact]
    public void Expense_lines_are_read_with_full_width_digits_and_commas_and_blank_lines_are_ignored()
    {
        var (items, errors) = SubsidyService.ParseExpenses(
        [
            new("ノートパソコン", "１０", "１２０,０００"),
            new("", "", ""),
            new("Web会議用カメラ", "5", "8000"),
            new("業務用タブレット", "１", "１２８，５００"),
            new("ヘッドセット", "2", "￥9,800円"),
        ]);
        Assert.Empty(errors);
        Assert.Equal([new ExpenseItem("ノートパソコン", 10, 120_000), new ExpenseItem("Web会議用カメラ", 5, 8_000),
            new ExpenseItem("業務用タブレット", 1, 128_500), new ExpenseItem("ヘッドセット", 2, 9_800)], items);
        Assert.Equal(1_388_100, items.Sum(i => i.TotalYen));
    }

    [Theory]
    [InlineData("", "1", "100", "Items[0].Description", "Subsidy.DescriptionRequired")]
    [InlineData("机", "0", "100", "Items[0].Quantity", "Subsidy.QuantityInvalid")]
    [InlineData("机", "1.5", "100", "Items[0].Quantity", "Subsidy.QuantityInvalid")]
    [InlineData("机", "1", "-100", "Items[0].UnitPrice", "Subsidy.UnitPriceInvalid")]
    [InlineData("机", "1", "100000001", "Items[0].UnitPrice", "Subsidy.UnitPriceInvalid")]
    [InlineData("<b>机</b>", "1", "100", "Items[0].Description", "Subsidy.DescriptionInvalid")]
    public void A_wrong_expense_line_is_named_by_its_field(string description, string quantity, string price, string field, string code)
    {
        var (_, errors) = SubsidyService.ParseExpenses([new(description, quantity, price)]);
        var error = Assert.Single(errors);
        Assert.Equal((field, code, "1"), (error.Field, error.Code, error.Args![0]));
    }

    [Fact]
    public void More_than_twenty_lines_are_refused()
    {
        var (_, errors) = SubsidyService.ParseExpenses(Enumerable.Range(0, 21).Select(_ => new ExpenseInput("机", "1", "100")).ToList());
        Assert.Contains(errors, e => e.Code == "Subsidy.TooManyItems");
    }

    private static Company Company(string? municipality = "131041", bool sme = true, int employees = 30) => new()
    {
        Name = "試験", NameKana = "シケン", PostalCode = "", Prefecture = "東京都", CityName = "新宿区", Street = "", Phone = "", IndustryCode = "I", ContactName = "",
        MunicipalityCode = municipality, IsSme = sme, RegularEmployees = employees,
    };

    [Fact]
    public void Eligibility_is_explained_rule_by_rule()
    {
        var window = new SubsidyWindow { RequireTokyo = true, RequireSme = true, MinEmployees = 2, MaxEmployees = 300, PrerequisiteSchemeCode = "TELEWORK-RULE" };
        var passed = SubsidyRules.Eligibility(window, Company(), holdsPrerequisite: true);
        Assert.Equal(["Tokyo", "Sme", "MinEmployees", "MaxEmployees", "Prerequisite"], passed.Select(c => c.Code));
        Assert.All(passed, c => Assert.True(c.Passed));

        var failed = SubsidyRules.Eligibility(window, Company(municipality: null, sme: false, employees: 1), holdsPrerequisite: false);
        Assert.All(failed.Where(c => c.Code != "MaxEmployees"), c => Assert.False(c.Passed));
        Assert.True(failed.Single(c => c.Code == "MaxEmployees").Passed);
    }

    [Fact]
    public void A_window_with_no_rules_has_no_checks_and_takes_anyone()
    {
        var window = new SubsidyWindow { RequireTokyo = false, RequireSme = false };
        Assert.Empty(SubsidyRules.Eligibility(window, Company(municipality: null, sme: false), false));
    }

    public static readonly TheoryData<ApplicationStatus, SubsidyAction, ApplicationStatus> Allowed = new()
    {
        { ApplicationStatus.Draft, SubsidyAction.Submit, ApplicationStatus.Submitted },
        { ApplicationStatus.Submitted, SubsidyAction.StartReview, ApplicationStatus.UnderReview },
        { ApplicationStatus.UnderReview, SubsidyAction.Return, ApplicationStatus.Returned },
        { ApplicationStatus.Returned, SubsidyAction.Resubmit, ApplicationStatus.UnderReview },
        { ApplicationStatus.UnderReview, SubsidyAction.Grant, ApplicationStatus.Granted },
        { ApplicationStatus.UnderReview, SubsidyAction.Refuse, ApplicationStatus.NotGranted },
        { ApplicationStatus.Granted, SubsidyAction.Report, ApplicationStatus.Reported },
        { ApplicationStatus.Reported, SubsidyAction.Confirm, ApplicationStatus.Confirmed },
        { ApplicationStatus.Confirmed, SubsidyAction.Pay, ApplicationStatus.Paid },
        { ApplicationStatus.Waitlisted, SubsidyAction.Promote, ApplicationStatus.Submitted },
        { ApplicationStatus.Draft, SubsidyAction.Queue, ApplicationStatus.Waitlisted },
        { ApplicationStatus.Submitted, SubsidyAction.Withdraw, ApplicationStatus.Withdrawn },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_life_cycle_moves_from_draft_to_payment(ApplicationStatus from, SubsidyAction action, ApplicationStatus to) =>
        Assert.Equal(to, SubsidyRules.Next(from, action));

    [Theory]
    [InlineData(ApplicationStatus.Granted, SubsidyAction.Withdraw)]
    [InlineData(ApplicationStatus.Withdrawn, SubsidyAction.Grant)]
    [InlineData(ApplicationStatus.NotGranted, SubsidyAction.Grant)]
    [InlineData(ApplicationStatus.Draft, SubsidyAction.Grant)]
    [InlineData(ApplicationStatus.Submitted, SubsidyAction.Pay)]
    [InlineData(ApplicationStatus.Granted, SubsidyAction.Confirm)]
    [InlineData(ApplicationStatus.Paid, SubsidyAction.Withdraw)]
    [InlineData(ApplicationStatus.Returned, SubsidyAction.Submit)]
    [InlineData(ApplicationStatus.Returned, SubsidyAction.Queue)]
    [InlineData(ApplicationStatus.Submitted, SubsidyAction.Queue)]
    public void Steps_out_of_turn_are_refused(ApplicationStatus status, SubsidyAction action) =>
        Assert.False(SubsidyRules.Can(status, action));

    [Fact]
    public void Withdrawal_is_possible_exactly_before_a_decision()
    {
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            Assert.Equal(SubsidyRules.BeforeDecision(status), SubsidyRules.Can(status, SubsidyAction.Withdraw));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]            // a Windows executable, whatever its name
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, null)]            // a zip (or .docx)
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]                  // too short to be a PDF
    public void A_document_is_judged_by_its_first_bytes(byte[] head, string? expected) =>
        Assert.Equal(expected, DocumentContent.Sniff(head));

    [Theory]
    [InlineData(nameof(PdfSamples.Plain), PdfVerdict.Plain)]
    [InlineData(nameof(PdfSamples.WithLink), PdfVerdict.Plain)]
    [InlineData(nameof(PdfSamples.EscapedJavaScript), PdfVerdict.Active)]
    [InlineData(nameof(PdfSamples.EscapedLaunch), PdfVerdict.Active)]
    [InlineData(nameof(PdfSamples.ActionInObjectStream), PdfVerdict.Active)]
    [InlineData(nameof(PdfSamples.PageScriptInObjectStream), PdfVerdict.Active)]
    [InlineData(nameof(PdfSamples.Xfa), PdfVerdict.Active)]
    [InlineData(nameof(PdfSamples.EmbeddedFile), PdfVerdict.Active)]
    [InlineData(nameof(PdfSamples.UriOnOpen), PdfVerdict.Active)]
    public void A_pdf_is_judged_by_parsing_it(string sample, PdfVerdict expected) =>
        Assert.Equal(expected, PdfInspection.Judge((byte[])typeof(PdfSamples).GetProperty(sample)!.GetValue(null)!));

    [Theory]
    [InlineData("%PDF-1.7 << /Type /Catalog /Pages 2 0 R >>")]                 // no cross-reference table, no objects
    [InlineData("%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript >> >> endobj\n%%EOF")]
    [InlineData("%PDF-1.7\n見積書\n%%EOF")]
    public void A_pdf_the_parser_cannot_read_is_unreadable(string content) =>
        Assert.Equal(PdfVerdict.Unreadable, PdfInspection.Judge(System.Text.Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void The_window_state_follows_time_and_budget()
    {
        var opens = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var window = new SubsidyWindow { OpensAt = opens, ClosesAt = opens.AddDays(30), BudgetYen = 10_000, ReservedYen = 9_500, Allotment = Allotment.FirstCome };
        Assert.Equal(WindowState.Upcoming, window.StateAt(opens.AddTicks(-1)));
        Assert.Equal(WindowState.BudgetReached, window.StateAt(opens));
        window.ReservedYen = 9_000;
        Assert.Equal(WindowState.Open, window.StateAt(opens));
        Assert.Equal(WindowState.Closed, window.StateAt(opens.AddDays(30)));
        window.ReservedYen = 10_000;
        window.WaitingList = true;
        Assert.Equal(WindowState.Open, window.StateAt(opens));
    }

    [Theory]
    [InlineData(Allotment.FirstCome, false, 120_000L, false)]
    [InlineData(Allotment.FirstCome, true, 120_000L, true)]
    [InlineData(Allotment.Screening, false, null, false)]
    [InlineData(Allotment.Screening, true, null, false)]
    public void First_come_reserves_the_amount_and_screening_only_numbers(Allotment allotment, bool waitingList, long? reserve, bool queue)
    {
        var window = new SubsidyWindow { Id = 7, Allotment = allotment, WaitingList = waitingList };

        Assert.Equal(new ReservationRequest(7, reserve, queue), SubsidyRules.ReservationFor(window, 120_000));
    }

    [Theory]
    [InlineData(ReservationOutcome.Reserved, ApplicationStatus.Submitted)]
    [InlineData(ReservationOutcome.Numbered, ApplicationStatus.Submitted)]
    [InlineData(ReservationOutcome.Queued, ApplicationStatus.Waitlisted)]
    public void The_transition_table_names_the_status_a_reservation_leads_to(ReservationOutcome outcome, ApplicationStatus expected) =>
        Assert.Equal(expected, SubsidyRules.Next(ApplicationStatus.Draft, SubsidyRules.ActionFor(outcome)!.Value));

    [Fact]
    public void A_refused_reservation_leads_to_no_status() =>
        Assert.Null(SubsidyRules.ActionFor(ReservationOutcome.Refused));

    [Fact]
    public void The_receipt_number_is_the_window_prefix_and_six_digits() =>
        Assert.Equal("TW2026-000042", SubsidyRules.ReceiptNumber(new SubsidyWindow { ReceiptCode = "TW2026" }, 42));
}
