using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>Each path of consultations and events over HTTP, and who may see what.</summary>
public sealed class ConsultationsAndEventsTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<KeyValuePair<string, string>[]> TeleworkRequestAsync(string description)
    {
        var desk = await _portal.WithDbAsync(db => db.ConsultationDesks.Include(d => d.Topics).SingleAsync(d => d.Code == "TELEWORK-CENTER"));
        var date = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return [new("DeskId", desk.Id.ToString()), new("TopicId", desk.Topics[0].Id.ToString()), new("Description", description),
            new("PreferredMode", "Visit"), new("PreferredDate1", date), new("WantsExpert", "true")];
    }

    private static int IdFrom(HttpResponseMessage response) => int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

    [Fact]
    public async Task A_company_asks_with_an_autosaved_draft_an_official_assigns_an_expert_who_sees_only_their_assignments_and_the_company_sees_the_record()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var fields = await TeleworkRequestAsync("テレワークを導入したいので、専門家の助言をお願いします。");

        // The draft saves as it is typed and comes back when the form is opened again.
        var draft = await company.PostFormAsync("/company/consultations/new", "/company/consultations/draft", [.. fields.Take(2), new("Description", "テレワークを導入したい")]);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("下書きを保存しました", JsonDocument.Parse(await draft.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Contains("テレワークを導入したい</textarea>", await company.GetStringAsync("/company/consultations/new"));
        var refused = await company.PostFormAsync("/company/consultations/new", "/company/consultations/draft", [new("Description", "<script>alert(1)</script>")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // A past date is refused with a message; then the request is submitted and gets a receipt number.
        var past = await company.PostFormAsync("/company/consultations/new", "/company/consultations/new",
            [.. fields.Where(f => f.Key != "PreferredDate1"), new("PreferredDate1", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("明日以降の日付を入力してください", await past.Content.ReadAsStringAsync());
        var submitted = await company.PostFormAsync("/company/consultations/new", "/company/consultations/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = IdFrom(submitted);
        var receipt = await _portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.ReceiptNumber).SingleAsync());
        Assert.Contains(receipt!, await company.GetStringAsync("/company/consultations"));

        // Another company cannot open it; chamber staff and experts reach no desk page.
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/company/consultations/{id}")).StatusCode);
        Assert.DoesNotContain(receipt!, await other.GetStringAsync("/company/consultations"));
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Contains("/account/access-denied", (await chamber.GetAsync($"/consultations/{id}")).Headers.Location!.OriginalString);

        // A second request stays unassigned.
        var second = IdFrom(await company.PostFormAsync("/company/consultations/new", "/company/consultations/new", await TeleworkRequestAsync("採用について相談したいです。")));

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        Assert.Contains(receipt!, await metro.GetStringAsync("/consultations"));
        var expertId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Expert).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/consultations/{id}", $"/consultations/{id}/accept", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/consultations/{id}", $"/consultations/{id}/assign", [new("assigneeId", expertId)])).StatusCode);
        var nobody = await metro.PostFormAsync($"/consultations/{id}", $"/consultations/{id}/assign", [new("assigneeId", "not-an-expert")]);
        Assert.Contains("担当者を選択してください", await nobody.Content.ReadAsStringAsync());
        var when = DateTime.UtcNow.AddHours(9).AddDays(3).ToString("yyyy-MM-dd'T'10:00");
        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/consultations/{id}", $"/consultations/{id}/sessions", [new("scheduledAt", when), new("mode", "Visit")])).StatusCode);
        Assert.Equal(ConsultationStatus.Scheduled, await _portal.WithDbAsync(db => db.ConsultationRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.True(await _portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == DemoUsers.Company && m.Subject.Contains(receipt!))));

        // The expert sees their assignment, not the other request.
        var expert = await _portal.SignedInAsync(DemoUsers.Expert);
        var list = await expert.GetStringAsync("/expert/consultations");
        Assert.Contains(receipt!, list);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/expert/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/expert/consultations/{second}")).StatusCode);
        Assert.Contains("/account/access-denied", (await expert.GetAsync($"/consultations/{id}")).Headers.Location!.OriginalString);

        // The session took place (moved to yesterday); the expert records it for the company.
        var sessionId = await _portal.WithDbAsync(async db =>
        {
            var session = await db.ConsultationSessions.SingleAsync(s => s.RequestId == id);
            session.ScheduledAt = DateTime.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
            return session.Id;
        });
        var recorded = await expert.PostFormAsync($"/expert/consultations/{id}", $"/expert/consultations/{id}/sessions/{sessionId}/record",
            [new("Advice", "在宅勤務規程のひな形を示しました。"), new("NextStep", "試行導入"), new("SharedWithCompany", "true")]);
        Assert.Equal($"/expert/consultations/{id}", recorded.Headers.Location!.OriginalString);
        Assert.Contains("在宅勤務規程のひな形を示しました。", await company.GetStringAsync($"/company/consultations/{id}"));

        // Closed by the official; the company rates it once.
        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/consultations/{id}", $"/consultations/{id}/close", [new("outcome", "Resolved"), new("outcomeNote", "")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await company.PostFormAsync($"/company/consultations/{id}", $"/company/consultations/{id}/rate", [new("rating", "5"), new("ratingComment", "")])).StatusCode);
        var closed = await _portal.WithDbAsync(db => db.ConsultationRequests.SingleAsync(r => r.Id == id));
        Assert.Equal((ConsultationStatus.Closed, 5), (closed.Status, closed.Rating));
        Assert.NotNull(closed.FirstContactAt);
        Assert.NotNull(closed.ClosedAt);
    }

    [Fact]
    public async Task A_company_registers_past_capacity_waits_and_moves_up_when_someone_cancels_and_organisers_keep_to_their_side()
    {
        var seminar = await _portal.WithDbAsync(db => db.PartnershipEvents.SingleAsync(e => e.TitleJa == "テレワーク体験セミナー（新宿）"));
        Assert.Equal(2, seminar.Capacity);
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var page = $"/events/{seminar.Id}";
        foreach (var (name, mail) in new[] { ("一番 参加", "one@example.jp"), ("二番 参加", "two@example.jp"), ("三番 参加", "three@example.jp") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await company.PostFormAsync(page, $"{page}/register", [new("ParticipantName", name), new("ParticipantEmail", mail)])).StatusCode);
        }
        var twice = await company.PostFormAsync(page, $"{page}/register", [new("ParticipantName", "一番 参加"), new("ParticipantEmail", "ONE@example.jp")]);
        Assert.Contains("この方はすでに申し込まれています", await twice.Content.ReadAsStringAsync());
        Assert.Contains("キャンセル待ち 1番目", await company.GetStringAsync("/company/events"));
        Assert.Contains("満員です（キャンセル待ち 1名）", await _portal.CreatePortalClient().GetStringAsync(page));

        // Another company cannot cancel it; the owner can, and the third moves up with a mail.
        var first = await _portal.WithDbAsync(db => db.EventRegistrations.Where(r => r.ParticipantEmail == "one@example.jp").Select(r => r.Id).SingleAsync());
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/company/events", $"/company/events/registrations/{first}/cancel", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await company.PostFormAsync("/company/events", $"/company/events/registrations/{first}/cancel", [])).StatusCode);
        var statuses = await _portal.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == seminar.Id).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Registered, RegistrationStatus.Registered], statuses);
        var promoted = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains("繰り上げ")).SingleAsync());
        Assert.Equal(DemoUsers.Company, promoted.To);
        Assert.Contains("三番 参加", promoted.BodyText);

        // The calendar file.
        var ics = await _portal.CreatePortalClient().GetAsync($"{page}/calendar.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("SUMMARY:テレワーク体験セミナー（新宿）\r\n", text);

        // Public list filtered by organiser.
        var chamberOnly = await _portal.CreatePortalClient().GetStringAsync("/events?organiser=Chamber");
        Assert.Contains("東京テレワーク推進センター見学会", chamberOnly);
        Assert.DoesNotContain("テレワーク体験セミナー（新宿）", chamberOnly);
        Assert.Contains("テレワーク体験セミナー（新宿）", await _portal.CreatePortalClient().GetStringAsync("/events?area=TELEWORK"));
        Assert.DoesNotContain("テレワーク体験セミナー（新宿）", await _portal.CreatePortalClient().GetStringAsync("/events?area=LWB"));

        // Chamber staff cannot change a Metro event; a Metro official cannot set the capacity below the registrations.
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Equal(HttpStatusCode.NotFound, (await chamber.GetAsync($"/events/manage/{seminar.Id}/edit")).StatusCode);
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var form = await metro.GetStringAsync($"/events/manage/{seminar.Id}/edit");
        Assert.Contains("name=\"Version\"", form);
        var start = Partnership.Core.Common.JapanTime.ToJapan(seminar.StartsAt);
        string Local(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm");
        var version = await _portal.WithDbAsync(db => db.PartnershipEvents.Where(e => e.Id == seminar.Id).Select(e => e.Version).SingleAsync());
        var below = await metro.PostFormAsync($"/events/manage/{seminar.Id}/edit", $"/events/manage/{seminar.Id}/edit",
        [
            new("MeasureId", seminar.MeasureId.ToString()), new("Organiser", "Metro"), new("TitleJa", seminar.TitleJa), new("Venue", seminar.Venue!),
            new("StartsAt", Local(start)), new("EndsAt", Local(start.AddHours(2))), new("Capacity", "1"),
            new("RegistrationOpensAt", Local(Partnership.Core.Common.JapanTime.ToJapan(seminar.RegistrationOpensAt))),
            new("RegistrationClosesAt", Local(Partnership.Core.Common.JapanTime.ToJapan(seminar.RegistrationClosesAt))), new("Version", version.ToString()),
        ]);
        Assert.Contains("すでに申込みを受け付けた人数より少なくすることはできません", await below.Content.ReadAsStringAsync());
        Assert.Equal(2, await _portal.WithDbAsync(db => db.PartnershipEvents.Where(e => e.Id == seminar.Id).Select(e => e.Capacity).SingleAsync()));
        Assert.Contains("三番 参加", await metro.GetStringAsync($"/events/manage/{seminar.Id}/registrations"));
    }
}
