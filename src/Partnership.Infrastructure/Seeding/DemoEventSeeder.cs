using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Events;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>Development only: a few events from the seed's measures, dated from today so they can be registered for.</summary>
public sealed class DemoEventSeeder(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.PartnershipEvents.AnyAsync(ct))
        {
            return;
        }
        var today = JapanTime.Today(clock);
        async Task AddAsync(string measureKey, OrganiserSide side, string ja, string en, string descriptionJa, string? venue, string? url, int daysAhead, int hour, int hours, int capacity)
        {
            var measureId = await db.Measures.Where(m => m.Key == measureKey && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync(ct);
            var start = today.AddDays(daysAhead).AddHours(hour);
            db.PartnershipEvents.Add(new PartnershipEvent
            {
                MeasureId = measureId, Organiser = side, TitleJa = ja, TitleEn = en, DescriptionJa = descriptionJa, Venue = venue, OnlineUrl = url,
                StartsAt = JapanTime.ToUtc(start), EndsAt = JapanTime.ToUtc(start.AddHours(hours)), Capacity = capacity,
                RegistrationOpensAt = JapanTime.ToUtc(today.AddDays(-7)), RegistrationClosesAt = JapanTime.ToUtc(start.AddDays(-1)),
            });
        }
        await AddAsync("TELEWORK-M04", OrganiserSide.Metro, "テレワーク体験セミナー（新宿）", "Telework hands-on seminar (Shinjuku)",
            "テレワークの導入手順と機器を体験できるセミナーです。", "東京都庁 第一本庁舎 5階 大会議場", null, 21, 14, 2, 2);
        await AddAsync("LWB-M03", OrganiserSide.Joint, "ライフ・ワーク・バランスEXPO", "Life-Work Balance EXPO",
            "認定企業の取組紹介とセミナーを行います。東京商工会議所との共同開催です。", "東京国際フォーラム", "https://example.jp/lwb-expo", 45, 10, 7, 300);
        await AddAsync("TELEWORK-C03", OrganiserSide.Chamber, "東京テレワーク推進センター見学会", "Tour of the Tokyo Telework Promotion Center",
            "会員企業を対象とした見学会です。", "東京テレワーク推進センター（飯田橋）", null, 30, 15, 1, 20);
        await db.SaveChangesAsync(ct);
    }
}
