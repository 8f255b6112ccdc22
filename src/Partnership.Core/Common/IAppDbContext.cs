using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Partnership.Core.Audit;
using Partnership.Core.Catalog;
using Partnership.Core.Companies;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.Core.Reference;
using Partnership.Core.Mail;
using Partnership.Core.Members;
using Partnership.Core.Outreach;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Core.Common;

/// <summary>
/// The data the area services use. Implemented by the one AppDbContext in Infrastructure; area services use
/// it directly (no repositories, see docs/adr/0002-dbcontext-not-repositories.md).
/// </summary>
public interface IAppDbContext
{
    DbSet<ProgramArea> ProgramAreas { get; }
    DbSet<PartnershipPlan> PartnershipPlans { get; }
    DbSet<Measure> Measures { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<Company> Companies { get; }
    DbSet<CompanyMember> CompanyMembers { get; }
    DbSet<CompanyInvitation> CompanyInvitations { get; }
    DbSet<CompanyJoinRequest> CompanyJoinRequests { get; }
    DbSet<CompanyEvent> CompanyEvents { get; }
    DbSet<Municipality> Municipalities { get; }
    DbSet<Industry> Industries { get; }
    DbSet<ChamberBranch> ChamberBranches { get; }
    DbSet<RosterMember> RosterMembers { get; }
    DbSet<MetroBureau> MetroBureaus { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Scheme> Schemes { get; }
    DbSet<SchemeFormVersion> SchemeFormVersions { get; }
    DbSet<SchemeEntry> SchemeEntries { get; }
    DbSet<SchemeSubmission> SchemeSubmissions { get; }
    DbSet<SchemeEntryEvent> SchemeEntryEvents { get; }
    DbSet<SchemeProgressReport> SchemeProgressReports { get; }
    DbSet<SubsidyProgram> SubsidyPrograms { get; }
    DbSet<SubsidyWindow> SubsidyWindows { get; }
    DbSet<SubsidyApplication> SubsidyApplications { get; }
    DbSet<SubsidyDocument> SubsidyDocuments { get; }
    DbSet<SubsidyEvent> SubsidyEvents { get; }
    DbSet<ConsultationDesk> ConsultationDesks { get; }
    DbSet<ConsultationTopic> ConsultationTopics { get; }
    DbSet<ConsultationRequest> ConsultationRequests { get; }
    DbSet<ConsultationSession> ConsultationSessions { get; }
    DbSet<PartnershipEvent> PartnershipEvents { get; }
    DbSet<EventRegistration> EventRegistrations { get; }
    DbSet<OutreachActivity> OutreachActivities { get; }
    DbSet<OutreachActivityMeasure> OutreachActivityMeasures { get; }
    DbSet<OutreachActivityCompany> OutreachActivityCompanies { get; }
    DbSet<Referral> Referrals { get; }
    DbSet<PublicityRequest> PublicityRequests { get; }
    DbSet<CoSponsorshipRequest> CoSponsorshipRequests { get; }
    DbSet<Dashboards.DashboardFact> DashboardFacts { get; }
    DbSet<Facts.DashboardDirtyMark> DashboardDirtyMarks { get; }
    DbSet<Dashboards.DashboardStamp> DashboardStamps { get; }
    DbSet<PublicityAttachment> PublicityAttachments { get; }
    DbSet<MemberSupportCase> MemberSupportCases { get; }
    DbSet<PlanServices.MeasureServiceLink> MeasureServiceLinks { get; }
    DbSet<PlanServices.MeasureOfflineNote> MeasureOfflineNotes { get; }
    DbSet<Library.LibraryArticle> LibraryArticles { get; }
    DbSet<Library.LibraryAttachment> LibraryAttachments { get; }
    DbSet<Notices.Notice> Notices { get; }
    DbSet<Reminders.SentReminder> SentReminders { get; }

    /// <summary>For the few operations that need an explicit transaction (event registrations, the subsidy budget).</summary>
    DatabaseFacade Database { get; }

    /// <summary>
    /// Begins a transaction that writes. On SQLite the writers of this process queue for it in arrival order
    /// instead of polling SQLite's lock (docs/adr/0052-sqlite-write-gate.md); elsewhere it is a plain transaction.
    /// </summary>
    Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct = default);

    /// <summary>For bulk paths that save in batches and let go of what they saved.</summary>
    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
