using Partnership.Core.Consultations;
using S = Partnership.Core.Consultations.ConsultationStatus;
using A = Partnership.Core.Consultations.ConsultationAction;

namespace Partnership.UnitTests.Consultations;

/// <summary>The request's state machine: every allowed transition goes where it should, every other pair is refused.</summary>
public class ConsultationRulesTests
{
    // Written out independently of the rules' own table: a change there must be a change here.
    private static readonly Dictionary<(S, A), S> Expected = new()
    {
        [(S.Draft, A.Submit)] = S.Submitted,
        [(S.Draft, A.Cancel)] = S.Cancelled,
        [(S.Submitted, A.Redirect)] = S.Submitted,
        [(S.Submitted, A.Accept)] = S.Accepted,
        [(S.Submitted, A.Decline)] = S.Declined,
        [(S.Submitted, A.Cancel)] = S.Cancelled,
        [(S.Accepted, A.Assign)] = S.Assigned,
        [(S.Accepted, A.Close)] = S.Closed,
        [(S.Accepted, A.Cancel)] = S.Cancelled,
        [(S.Assigned, A.Assign)] = S.Assigned,
        [(S.Assigned, A.Schedule)] = S.Scheduled,
        [(S.Assigned, A.Close)] = S.Closed,
        [(S.Assigned, A.Cancel)] = S.Cancelled,
        [(S.Scheduled, A.Assign)] = S.Scheduled,
        [(S.Scheduled, A.Schedule)] = S.Scheduled,
        [(S.Scheduled, A.RecordSession)] = S.Scheduled,
        [(S.Scheduled, A.Close)] = S.Closed,
        [(S.Scheduled, A.Cancel)] = S.Cancelled,
        [(S.Closed, A.Rate)] = S.Closed,
    };

    public static TheoryData<S, A> AllowedPairs()
    {
        var data = new TheoryData<S, A>();
        foreach (var (status, action) in Expected.Keys)
        {
            data.Add(status, action);
        }
        return data;
    }

    public static TheoryData<S, A> RefusedPairs()
    {
        var data = new TheoryData<S, A>();
        foreach (var status in Enum.GetValues<S>())
        {
            foreach (var action in Enum.GetValues<A>())
            {
                if (!Expected.ContainsKey((status, action)))
                {
                    data.Add(status, action);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void An_allowed_action_leads_to_its_status(S from, A action)
    {
        Assert.Equal(Expected[(from, action)], ConsultationRules.Next(from, action));
        Assert.True(ConsultationRules.Allows(from, action));
    }

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public void Any_other_action_is_refused(S from, A action)
    {
        Assert.Null(ConsultationRules.Next(from, action));
        Assert.False(ConsultationRules.Allows(from, action));
    }

    [Fact]
    public void The_rules_table_has_exactly_the_expected_transitions()
    {
        Assert.Equal(Expected.Count, ConsultationRules.All.Count());
    }

    [Theory]
    [InlineData(S.Closed)]
    [InlineData(S.Declined)]
    [InlineData(S.Cancelled)]
    public void Finished_requests_cannot_be_cancelled_or_reopened(S finished)
    {
        Assert.False(ConsultationRules.IsOpen(finished));
        foreach (var action in Enum.GetValues<A>().Where(a => a != A.Rate))
        {
            Assert.Null(ConsultationRules.Next(finished, action));
        }
    }

    [Fact]
    public void Submission_needs_desk_topic_problem_mode_and_a_future_date()
    {
        var desk = new ConsultationDesk { Id = 1, Code = "T", NameJa = "窓口", NameEn = "Desk", OffersExpertDispatch = false, Topics = [new ConsultationTopic { Id = 7, NameJa = "導入", NameEn = "Intro" }] };
        var today = new DateOnly(2026, 4, 1);
        var ok = new ConsultationInput(1, 7, "テレワークを始めたいです。", ConsultationMode.Online, today.AddDays(3), null, null, false);
        Assert.Empty(ConsultationService.ValidateForSubmission(ok, [desk], today));

        var errors = ConsultationService.ValidateForSubmission(ok with { TopicId = 8, Description = " ", PreferredMode = null, PreferredDate1 = today, PreferredDate2 = today.AddDays(-1) }, [desk], today);
        Assert.Contains(errors, e => e.Field == "TopicId");
        Assert.Contains(errors, e => e.Field == "Description" && e.Code == "Validation.Required");
        Assert.Contains(errors, e => e.Field == "PreferredMode");
        Assert.Contains(errors, e => e.Field == "PreferredDate1" && e.Code == "Consultation.DateNotInFuture");
        Assert.Contains(errors, e => e.Field == "PreferredDate2" && e.Code == "Consultation.DateNotInFuture");

        Assert.Contains(ConsultationService.ValidateForSubmission(ok with { PreferredDate1 = null }, [desk], today), e => e.Code == "Consultation.DateRequired");
        Assert.Contains(ConsultationService.ValidateForSubmission(ok with { WantsExpert = true }, [desk], today), e => e.Code == "Consultation.NoExpertAtDesk");
    }
}
