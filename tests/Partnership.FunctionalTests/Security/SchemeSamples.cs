using Microsoft.EntityFrameworkCore;
using Partnership.Core.Schemes;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Scheme entries of the sample company for the harness: a draft, and an accepted action plan.</summary>
public static class SchemeSamples
{
    public static Task<(int Draft, int Accepted)> EnsureAsync(PortalFactory portal, int companyId) => portal.WithDbAsync(async db =>
    {
        var schemes = await db.Schemes.Include(s => s.FormVersions).ToDictionaryAsync(s => s.Code);
        var rule = schemes["TELEWORK-RULE"];
        var plan = schemes["WOMEN-PLAN"];
        // Whatever the previous test did to the draft (submitted, withdrawn), start from a fresh one.
        var live = await db.SchemeEntries.Where(e => e.CompanyId == companyId && e.SchemeId == rule.Id && e.LiveKey != null).ToListAsync();
        var draft = live.FirstOrDefault(e => e.Status == EntryStatus.Draft);
        if (draft is null)
        {
            foreach (var old in live)
            {
                old.Status = EntryStatus.Withdrawn;
                old.LiveKey = null;
            }
            draft = new SchemeEntry
            {
                SchemeId = rule.Id, CompanyId = companyId, Status = EntryStatus.Draft, FormVersionId = rule.FormVersions.Max(v => v.Id),
                LiveKey = SchemeEntry.LiveKeyFor(companyId, rule.Id, renewal: false), DraftSavedAt = DateTime.UtcNow,
            };
            db.SchemeEntries.Add(draft);
        }
        var accepted = await db.SchemeEntries.FirstOrDefaultAsync(e => e.CompanyId == companyId && e.SchemeId == plan.Id && e.Status == EntryStatus.Accepted);
        if (accepted is null)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var answers = new FormAnswers
            {
                ["plan_start"] = [today.AddMonths(-6).ToString("yyyy-MM-dd")], ["plan_end"] = [today.AddYears(2).ToString("yyyy-MM-dd")],
                ["targets"] = ["managers"], ["target_managers"] = ["20"], ["actions"] = ["管理職候補の女性社員向け研修を年2回実施します。"], ["labour_bureau"] = ["done"],
            };
            accepted = new SchemeEntry
            {
                SchemeId = plan.Id, CompanyId = companyId, Status = EntryStatus.Accepted, FormVersionId = plan.FormVersions.Max(v => v.Id),
                AnswersJson = answers.ToJson(), LiveKey = SchemeEntry.LiveKeyFor(companyId, plan.Id, renewal: false), Number = "WAP-HARNESS-1", IssuedNumber = "WAP-HARNESS-1",
                SubmittedAt = DateTime.UtcNow, FirstSubmittedAt = DateTime.UtcNow, DecidedAt = DateTime.UtcNow,
                ValidFrom = today.AddMonths(-6), ValidUntil = today.AddYears(2), ListInDirectory = true,
            };
            db.SchemeEntries.Add(accepted);
        }
        await db.SaveChangesAsync();
        return (draft.Id, accepted.Id);
    });
}
