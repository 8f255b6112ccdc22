using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Real seeded records to fill route parameters and forms with.</summary>
public sealed class SampleData(PortalFactory portal, int measureId, int companyId, int ownerMemberId, long outboxMessageId, string staffUserId, int draftEntryId, int acceptedEntryId, SubsidySamples.Ids subsidy)
{
    /// <summary>The sample company's subsidy records: a draft with a document, and a received application in another window.</summary>
    public SubsidySamples.Ids Subsidy { get; } = subsidy;

    /// <summary>A draft of the sample company (telework rule), made fresh for each test that loads the samples.</summary>
    public int DraftEntryId { get; } = draftEntryId;

    /// <summary>An accepted action plan of the sample company, with progress reports and a certificate.</summary>
    public int AcceptedEntryId { get; } = acceptedEntryId;

    public int MeasureId { get; } = measureId;

    /// <summary>The demo company owned by the Company principal.</summary>
    public int CompanyId { get; } = companyId;

    /// <summary>That company's owner membership.</summary>
    public int OwnerMemberId { get; } = ownerMemberId;

    /// <summary>A message in the outbox (one is queued when there is none, before any request is measured).</summary>
    public long OutboxMessageId { get; } = outboxMessageId;

    /// <summary>A staff account for the administrators' actions that is none of the principals.</summary>
    public string StaffUserId { get; } = staffUserId;

    public static async Task<SampleData> LoadAsync(PortalFactory portal)
    {
        var measureId = await portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M01" && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync());
        var owner = await portal.WithDbAsync(db => db.CompanyMembers
            .Where(m => m.IsOwner && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Company))
            .Select(m => new { m.Id, m.CompanyId }).SingleAsync());
        var outboxMessageId = await portal.WithDbAsync(async db =>
        {
            if (!await db.OutboxMessages.AnyAsync())
            {
                new Partnership.Infrastructure.Mail.MailOutbox(db, TimeProvider.System).Enqueue("harness@example.jp", "件名", "本文");
                await db.SaveChangesAsync();
            }
            return await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        string staffUserId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Partnership.Infrastructure.Identity.AppUser>>();
            var expert = await users.FindByEmailAsync("harness-expert@example.jp");
            if (expert is null)
            {
                expert = new Partnership.Infrastructure.Identity.AppUser { UserName = "harness-expert@example.jp", Email = "harness-expert@example.jp", EmailConfirmed = true, DisplayName = "専門家 試験" };
                await users.CreateAsync(expert, "harness-pass-9753");
                await users.AddToRoleAsync(expert, Partnership.Core.Common.Roles.Expert);
            }
            staffUserId = expert.Id;
        }
        var (draft, accepted) = await SchemeSamples.EnsureAsync(portal, owner.CompanyId);
        var subsidy = await SubsidySamples.EnsureAsync(portal, owner.CompanyId);
        return new SampleData(portal, measureId, owner.CompanyId, owner.Id, outboxMessageId, staffUserId, draft, accepted, subsidy);
    }

    public string CompanyVersionOf(int companyId) =>
        portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    /// <summary>The measure's current version, read at the moment of the request (it changes with every edit).</summary>
    public string MeasureVersion() =>
        portal.WithDbAsync(db => db.Measures.Where(m => m.Id == MeasureId).Select(m => m.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    /// <summary>A scheme entry's current version, read at the moment of the request.</summary>
    public string EntryVersion(int entryId) =>
        portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == entryId).Select(e => e.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public string ApplicationVersion(int applicationId) =>
        portal.WithDbAsync(db => db.SubsidyApplications.Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public int CurrentFormVersion(string schemeCode) =>
        portal.WithDbAsync(db => db.SchemeFormVersions.Where(v => v.Scheme!.Code == schemeCode).MaxAsync(v => v.Number)).GetAwaiter().GetResult();

    public int LatestFiscalYear() =>
        portal.WithDbAsync(db => db.PartnershipPlans.MaxAsync(p => p.FiscalYear)).GetAwaiter().GetResult();
}
