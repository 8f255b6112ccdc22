using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.Core.Home;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.UnitTests.Home;

public class ToDoRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly DateTime Now = new(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(EntryStatus.Draft, null, false, NextStep.FinishDraft)]
    [InlineData(EntryStatus.Returned, null, false, NextStep.Correct)]
    [InlineData(EntryStatus.Submitted, null, false, NextStep.None)]
    [InlineData(EntryStatus.Accepted, null, false, NextStep.None)]           // no end of validity: nothing to renew
    [InlineData(EntryStatus.Accepted, "2027-12-31", false, NextStep.None)]   // far from its end
    [InlineData(EntryStatus.Accepted, "2027-03-06", false, NextStep.Renew)]  // exactly 90 days before its end
    [InlineData(EntryStatus.Accepted, "2027-03-07", false, NextStep.None)]   // one day before the window opens
    [InlineData(EntryStatus.Accepted, "2027-01-31", true, NextStep.None)]    // a renewal is already started
    [InlineData(EntryStatus.Expired, "2026-11-30", false, NextStep.Renew)]
    [InlineData(EntryStatus.Rejected, null, false, NextStep.None)]
    [InlineData(EntryStatus.Withdrawn, null, false, NextStep.None)]
    public void A_scheme_entry_asks_for_what_the_company_can_do_next(EntryStatus status, string? validUntil, bool renewalStarted, NextStep expected) =>
        Assert.Equal(expected, ToDoRules.ForScheme(status, validUntil is null ? null : DateOnly.Parse(validUntil, System.Globalization.CultureInfo.InvariantCulture), 90, renewalStarted, Today));

    [Theory]
    [InlineData(ApplicationStatus.Draft, 1, NextStep.FinishDraft)]
    [InlineData(ApplicationStatus.Draft, -1, NextStep.None)]       // the window has closed: the draft can no longer be sent
    [InlineData(ApplicationStatus.Returned, -1, NextStep.Correct)]
    [InlineData(ApplicationStatus.Granted, -1, NextStep.SubmitReport)]
    [InlineData(ApplicationStatus.Submitted, 1, NextStep.None)]
    [InlineData(ApplicationStatus.Reported, 1, NextStep.None)]
    [InlineData(ApplicationStatus.Paid, 1, NextStep.None)]
    public void A_subsidy_application_asks_for_a_draft_a_correction_or_the_result_report(ApplicationStatus status, int windowClosesInDays, NextStep expected) =>
        Assert.Equal(expected, ToDoRules.ForSubsidy(status, Now.AddDays(windowClosesInDays), Now));

    [Fact]
    public void A_consultation_asks_only_for_its_draft_and_an_event_only_before_it_starts()
    {
        Assert.Equal(NextStep.FinishDraft, ToDoRules.ForConsultation(ConsultationStatus.Draft));
        Assert.Equal(NextStep.None, ToDoRules.ForConsultation(ConsultationStatus.Submitted));
        Assert.Equal(NextStep.Attend, ToDoRules.ForEvent(RegistrationStatus.Registered, Now.AddHours(1), Now));
        Assert.Equal(NextStep.None, ToDoRules.ForEvent(RegistrationStatus.Registered, Now.AddHours(-1), Now));
        Assert.Equal(NextStep.None, ToDoRules.ForEvent(RegistrationStatus.Waiting, Now.AddHours(1), Now));
        Assert.Equal(NextStep.None, ToDoRules.ForEvent(RegistrationStatus.Cancelled, Now.AddHours(1), Now));
    }
}
