using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Documents;
using Partnership.Core.Subsidies;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// Subsidy records of the sample company for the harness, put back in their starting state for each test:
/// a draft in the demo window with one of its two documents, and a received application in a screening window.
/// </summary>
public static class SubsidySamples
{
    public sealed record Ids(int WindowId, int DraftId, int DraftDocumentId, int ReceivedWindowId, int ReceivedId, int ReceivedDocumentId);

    public static async Task<Ids> EnsureAsync(PortalFactory portal, int companyId)
    {
        var store = portal.Services.GetRequiredService<IDocumentStore>();
        return await portal.WithDbAsync(async db =>
        {
            var demo = await db.SubsidyWindows.OrderBy(w => w.Id).FirstAsync();
            var screening = await db.SubsidyWindows.FirstOrDefaultAsync(w => w.Allotment == Allotment.Screening && w.BudgetYen == 9_000_000);
            if (screening is null)
            {
                screening = new SubsidyWindow
                {
                    ReceiptCode = "R8-HARNESS",
                    ProgramId = demo.ProgramId, FiscalYear = demo.FiscalYear, OpensAt = demo.OpensAt, ClosesAt = demo.ClosesAt, BudgetYen = 9_000_000, CapYen = 1_000_000,
                    RateNumerator = 2, RateDenominator = 3, Allotment = Allotment.Screening,
                };
                db.SubsidyWindows.Add(screening);
                await db.SaveChangesAsync();
            }
            var draft = await Application(db, store, demo, companyId, ApplicationStatus.Draft);
            var received = await Application(db, store, screening, companyId, ApplicationStatus.Submitted);
            return new Ids(demo.Id, draft.Id, draft.Documents[0].Id, screening.Id, received.Id, received.Documents[0].Id);
        });
    }

    private static async Task<SubsidyApplication> Application(Partnership.Infrastructure.Data.AppDbContext db, IDocumentStore store, SubsidyWindow window, int companyId, ApplicationStatus status)
    {
        var application = await db.SubsidyApplications.Include(a => a.Documents).FirstOrDefaultAsync(a => a.WindowId == window.Id && a.CompanyId == companyId);
        if (application is null)
        {
            application = new SubsidyApplication { WindowId = window.Id, CompanyId = companyId };
            db.SubsidyApplications.Add(application);
        }
        application.Status = status;
        application.LiveKey = SubsidyApplication.LiveKeyFor(companyId, window.Id);
        application.Expenses = [new ExpenseItem("ノートパソコン", 2, 150_000)];
        application.EligibleExpensesYen = 300_000;
        application.RequestedYen = 150_000;
        application.HeldYen = 0;
        if (status != ApplicationStatus.Draft)
        {
            application.ReceiptSeq = 1;
            application.ReceiptNumber = window.ReceiptPrefix + "000001";
            application.SubmittedAt ??= DateTime.UtcNow;
        }
        if (application.Documents.Count == 0)
        {
            var pdf = "%PDF-1.7\n見積書\n%%EOF"u8.ToArray();
            application.Documents.Add(new SubsidyDocument
            {
                Stage = DocumentStage.Application, RequirementCode = "doc1", FileName = "見積書.pdf", ContentType = "application/pdf", SizeBytes = pdf.Length,
                Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)), StorageKey = await store.SaveAsync(new MemoryStream(pdf)),
                UploadedAt = DateTime.UtcNow, UploadedBy = "harness",
            });
        }
        await db.SaveChangesAsync();
        return application;
    }
}
