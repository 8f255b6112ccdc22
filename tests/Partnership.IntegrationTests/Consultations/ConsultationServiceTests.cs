using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Mail;
using Partnership.IntegrationTests.Events;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Consultations;

public class ConsultationServiceTests : TwoCompaniesTest
{
    private ConsultationService Service(AppDbContext db) => new(db, new MailOutbox(db, Clock), new PlainMail(), Clock, new Partnership.Core.Submissions.ReferralConversionsAtSubmission(db));

    private async Task<ConsultationInput> TeleworkInputAsync()
    {
        await using var db = Database.CreateContext();
        var desk = await db.ConsultationDesks.Include(d => d.Topics).SingleAsync(d => d.Code == "TELEWORK-CENTER");
        var today = DateOnly.FromDateTime(JapanTime.Today(Clock));
        return new ConsultationInput(desk.Id, desk.Topics[0].Id, "テレワークを導入したいのですが、何から始めればよいか相談したいです。", ConsultationMode.Visit, today.AddDays(7), today.AddDays(8), null, true);
    }

    [Fact]
    public async Task The_six_desks_point_at_their_measures()
    {
        await using var db = Database.CreateContext();
        var desks = await db.ConsultationDesks.Include(d => d.Measure).OrderBy(d => d.Order).ToListAsync();
        Assert.Equal(6, desks.Count);
        Assert.Equal("東京テレワーク推進センターの運営", desks.Single(d => d.Code == "TELEWORK-CENTER").Measure!.TitleJa);
        Assert.StartsWith("（公財）東京しごと財団に「人材確保相談窓口」", desks.Single(d => d.Code == "TALENT").Measure!.TitleJa);
        Assert.All(desks, d => Assert.NotEmpty(db.ConsultationTopics.Where(t => t.DeskId == d.Id)));
    }

    [Fact]
    public async Task A_draft_is_saved_as_typed_then_submitted_triaged_assigned_scheduled_recorded_closed_and_rated_with_lead_times()
    {
        var input = await TeleworkInputAsync();
        int id;
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            var draft = await Service(db).SaveDraftAsync(CompanyA, "owner-a", input with { Description = "テレワーク", PreferredMode = null });
            Assert.True(draft.Succeeded);
            var again = await Service(db).SaveDraftAsync(CompanyA, "owner-a", input with { Description = "テレワークを" });
            Assert.Equal(draft.Value, again.Value);
            Assert.Equal("テレワークを", (await Service(db).DraftAsync(CompanyA, "owner-a"))!.Description);
            var submitted = await Service(db).SubmitAsync(CompanyA, "owner-a", input, "owner-a@example.jp", "ja");
            Assert.True(submitted.Succeeded);
            Assert.Equal(draft.Value, submitted.Value);
            id = submitted.Value;
            Assert.Null(await Service(db).DraftAsync(CompanyA, "owner-a"));
        }
        Clock.Advance(TimeSpan.FromHours(3));
        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            var service = Service(db);
            Assert.True((await service.AcceptAsync(id)).Succeeded);
            Assert.Equal("Consultation.NotAllowedNow", Assert.Single((await service.AcceptAsync(id)).Errors).Code);
            Assert.True((await service.AssignAsync(id, "expert-1", null)).Succeeded);
            Assert.True((await service.ScheduleAsync(id, JapanTime.ToJapan(Clock.GetUtcNow().UtcDateTime).AddDays(2), ConsultationMode.Visit)).Succeeded);
        }
        Clock.Advance(TimeSpan.FromDays(3));
        int sessionId;
        await using (var db = Database.CreateContext(TestDatabase.User("expert-1"), Clock))
        {
            sessionId = await db.ConsultationSessions.Select(s => s.Id).SingleAsync();
            // Another expert cannot record it.
            Assert.Equal(OutcomeStatus.NotFound, (await Service(db).RecordSessionAsync(sessionId, "expert-2", "expert-2", "助言", null, true)).Status);
            Assert.True((await Service(db).RecordSessionAsync(sessionId, "expert-1", "expert-1", "就業規則の改定案を示しました。", "試行導入", true)).Succeeded);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            Assert.True((await Service(db).CloseAsync(id, ConsultationOutcome.Resolved, "試行導入へ")).Succeeded);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-b"), Clock))
        {
            Assert.Equal(OutcomeStatus.NotFound, (await Service(db).RateAsync(id, CompanyB, 5, null)).Status);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            Assert.True((await Service(db).RateAsync(id, CompanyA, 5, "助かりました")).Succeeded);
            Assert.Equal("Consultation.AlreadyRated", Assert.Single((await Service(db).RateAsync(id, CompanyA, 1, null)).Errors).Code);
            Assert.Equal("Consultation.NotAllowedNow", Assert.Single((await Service(db).CancelAsync(id, CompanyA)).Errors).Code);
        }
        await using var check = Database.CreateContext();
        var request = await check.ConsultationRequests.Include(r => r.Sessions).SingleAsync();
        Assert.Equal(ConsultationStatus.Closed, request.Status);
        Assert.Equal($"C2026-{id:D6}", request.ReceiptNumber);
        Assert.True(request.SubmittedAt < request.FirstContactAt && request.FirstContactAt < request.ClosedAt);
        Assert.Equal(TimeSpan.FromHours(3), request.FirstContactAt - request.SubmittedAt);
        Assert.Equal(5, request.Rating);
        Assert.True(Assert.Single(request.Sessions).SharedWithCompany);
        // Accept, schedule and close each told the company.
        Assert.Equal(3, await check.OutboxMessages.CountAsync(m => m.To == "owner-a@example.jp"));
    }

    [Fact]
    public async Task Past_preferred_dates_are_refused_and_nothing_is_submitted()
    {
        var input = await TeleworkInputAsync();
        await using var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock);
        var today = DateOnly.FromDateTime(JapanTime.Today(Clock));
        var outcome = await Service(db).SubmitAsync(CompanyA, "owner-a", input with { PreferredDate1 = today.AddDays(-1) }, "owner-a@example.jp", "ja");
        Assert.Equal("Consultation.DateNotInFuture", Assert.Single(outcome.Errors).Code);
        Assert.Equal(0, await db.ConsultationRequests.CountAsync(r => r.Status != ConsultationStatus.Draft));
    }

    [Fact]
    public async Task A_declined_request_keeps_its_reason_and_a_redirect_moves_it_to_another_desk()
    {
        var input = await TeleworkInputAsync();
        int first;
        int second;
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            first = (await Service(db).SubmitAsync(CompanyA, "owner-a", input, "owner-a@example.jp", "ja")).Value;
            second = (await Service(db).SubmitAsync(CompanyA, "owner-a", input, "owner-a@example.jp", "ja")).Value;
        }
        Assert.NotEqual(first, second);
        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            Assert.Equal("Consultation.ReasonRequired", Assert.Single((await Service(db).DeclineAsync(first, " ")).Errors).Code);
            Assert.True((await Service(db).DeclineAsync(first, "対象外の内容です。")).Succeeded);
            var talent = await db.ConsultationDesks.SingleAsync(d => d.Code == "TELEWORK-DESK");
            Assert.True((await Service(db).RedirectAsync(second, talent.Id)).Succeeded);
            Assert.Equal("Consultation.SameDesk", Assert.Single((await Service(db).RedirectAsync(second, talent.Id)).Errors).Code);
        }
        await using var check = Database.CreateContext();
        var declined = await check.ConsultationRequests.SingleAsync(r => r.Id == first);
        Assert.Equal(ConsultationStatus.Declined, declined.Status);
        Assert.Equal("対象外の内容です。", declined.DeclineReason);
        var redirected = await check.ConsultationRequests.Include(r => r.Desk).SingleAsync(r => r.Id == second);
        Assert.Equal(ConsultationStatus.Submitted, redirected.Status);
        Assert.Equal("TELEWORK-DESK", redirected.Desk!.Code);
        Assert.False(redirected.WantsExpert);
    }
}

public class ConsultationDeskTests : DatabaseTest
{
    [Fact]
    public async Task Officials_add_a_desk_and_a_topic_and_a_closed_desk_takes_no_new_request()
    {
        await using var db = Database.CreateContext(TestDatabase.User("metro"), Clock);
        var (companyA, _) = await Seed.CompaniesAsync(db);
        var service = new ConsultationService(db, new MailOutbox(db, Clock), new PlainMail(), Clock, new Partnership.Core.Submissions.ReferralConversionsAtSubmission(db));
        var measureId = await db.Measures.Where(m => m.Key == "WORKSTYLE-M04").Select(m => m.Id).SingleAsync();

        Assert.Equal("Consultation.DeskCodeInvalid", Assert.Single((await service.AddDeskAsync("bad code!", "窓口", "Desk", measureId, true)).Errors).Code);
        Assert.Equal("Consultation.DeskCodeTaken", Assert.Single((await service.AddDeskAsync("TELEWORK-CENTER", "窓口", "Desk", measureId, true)).Errors).Code);
        var added = await service.AddDeskAsync("workstyle-experts", "働き方改革 専門家派遣", "Work-style reform experts", measureId, true);
        Assert.True(added.Succeeded);
        Assert.True((await service.AddTopicAsync(added.Value, "テレワーク規程", "Telework rules")).Succeeded);
        Assert.Equal("Consultation.TopicExists", Assert.Single((await service.AddTopicAsync(added.Value, "テレワーク規程", "Again")).Errors).Code);

        var desk = (await service.AllDesksAsync()).Single(d => d.Id == added.Value);
        Assert.Equal("WORKSTYLE-EXPERTS", desk.Code);
        Assert.Equal(7, desk.Order);
        var today = DateOnly.FromDateTime(JapanTime.Today(Clock));
        var input = new ConsultationInput(desk.Id, desk.Topics[0].Id, "規程の相談です。", ConsultationMode.Online, today.AddDays(3), null, null, true);

        Assert.True((await service.SetDeskActiveAsync(desk.Id, false)).Succeeded);
        Assert.DoesNotContain(await service.DesksAsync(), d => d.Id == desk.Id);
        var refused = await service.SubmitAsync(companyA, "owner-a", input, "owner-a@example.jp", "ja");
        Assert.Contains(refused.Errors, e => e.Field == "DeskId");

        Assert.True((await service.SetDeskActiveAsync(desk.Id, true)).Succeeded);
        Assert.True((await service.SubmitAsync(companyA, "owner-a", input, "owner-a@example.jp", "ja")).Succeeded);
    }
}
