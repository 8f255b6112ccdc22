using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Audit;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.Core.Reference;
using Partnership.Core.Mail;
using Partnership.Core.Outreach;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Background;
using Partnership.Infrastructure.Identity;

namespace Partnership.Infrastructure.Data;

/// <summary>
/// The portal's one DbContext, Identity and the Data Protection keys included (every node reads the same keys,
/// docs/adr/0041-data-protection-keys-in-the-database.md). Configurations live beside it, one per entity.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<BackgroundLease> BackgroundLeases => Set<BackgroundLease>();
    public DbSet<ProgramArea> ProgramAreas => Set<ProgramArea>();
    public DbSet<PartnershipPlan> PartnershipPlans => Set<PartnershipPlan>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyMember> CompanyMembers => Set<CompanyMember>();
    public DbSet<CompanyInvitation> CompanyInvitations => Set<CompanyInvitation>();
    public DbSet<CompanyJoinRequest> CompanyJoinRequests => Set<CompanyJoinRequest>();
    public DbSet<CompanyEvent> CompanyEvents => Set<CompanyEvent>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<ChamberBranch> ChamberBranches => Set<ChamberBranch>();
    public DbSet<Partnership.Core.Members.RosterMember> RosterMembers => Set<Partnership.Core.Members.RosterMember>();
    public DbSet<MetroBureau> MetroBureaus => Set<MetroBureau>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();
    public DbSet<Scheme> Schemes => Set<Scheme>();
    public DbSet<SchemeFormVersion> SchemeFormVersions => Set<SchemeFormVersion>();
    public DbSet<SchemeEntry> SchemeEntries => Set<SchemeEntry>();
    public DbSet<SchemeSubmission> SchemeSubmissions => Set<SchemeSubmission>();
    public DbSet<SchemeEntryEvent> SchemeEntryEvents => Set<SchemeEntryEvent>();
    public DbSet<SchemeProgressReport> SchemeProgressReports => Set<SchemeProgressReport>();
    public DbSet<SubsidyProgram> SubsidyPrograms => Set<SubsidyProgram>();
    public DbSet<SubsidyWindow> SubsidyWindows => Set<SubsidyWindow>();
    public DbSet<SubsidyApplication> SubsidyApplications => Set<SubsidyApplication>();
    public DbSet<SubsidyDocument> SubsidyDocuments => Set<SubsidyDocument>();
    public DbSet<SubsidyEvent> SubsidyEvents => Set<SubsidyEvent>();
    public DbSet<ConsultationDesk> ConsultationDesks => Set<ConsultationDesk>();
    public DbSet<ConsultationTopic> ConsultationTopics => Set<ConsultationTopic>();
    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();
    public DbSet<ConsultationSession> ConsultationSessions => Set<ConsultationSession>();
    public DbSet<PartnershipEvent> PartnershipEvents => Set<PartnershipEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<OutreachActivity> OutreachActivities => Set<OutreachActivity>();
    public DbSet<OutreachActivityMeasure> OutreachActivityMeasures => Set<OutreachActivityMeasure>();
    public DbSet<OutreachActivityCompany> OutreachActivityCompanies => Set<OutreachActivityCompany>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<PublicityRequest> PublicityRequests => Set<PublicityRequest>();
    public DbSet<CoSponsorshipRequest> CoSponsorshipRequests => Set<CoSponsorshipRequest>();
    public DbSet<Partnership.Core.Dashboards.DashboardFact> DashboardFacts => Set<Partnership.Core.Dashboards.DashboardFact>();
    public DbSet<Partnership.Core.Facts.DashboardDirtyMark> DashboardDirtyMarks => Set<Partnership.Core.Facts.DashboardDirtyMark>();
    public DbSet<Partnership.Core.Dashboards.DashboardStamp> DashboardStamps => Set<Partnership.Core.Dashboards.DashboardStamp>();
    public DbSet<PublicityAttachment> PublicityAttachments => Set<PublicityAttachment>();
    public DbSet<MemberSupportCase> MemberSupportCases => Set<MemberSupportCase>();
    public DbSet<Core.PlanServices.MeasureServiceLink> MeasureServiceLinks => Set<Core.PlanServices.MeasureServiceLink>();
    public DbSet<Core.PlanServices.MeasureOfflineNote> MeasureOfflineNotes => Set<Core.PlanServices.MeasureOfflineNote>();
    public DbSet<Core.Library.LibraryArticle> LibraryArticles => Set<Core.Library.LibraryArticle>();
    public DbSet<Core.Library.LibraryAttachment> LibraryAttachments => Set<Core.Library.LibraryAttachment>();
    public DbSet<Partnership.Core.Notices.Notice> Notices => Set<Partnership.Core.Notices.Notice>();
    public DbSet<Partnership.Core.Reminders.SentReminder> SentReminders => Set<Partnership.Core.Reminders.SentReminder>();

    public Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct = default) =>
        SqliteWriteGate.BeginAsync(Database, ct);

    /// <summary>
    /// Who is acting through this context, for the audit fields and the audit log: set by the request's scope when
    /// it takes the context from the pool (docs/adr/0053-pooled-context-and-lean-submission.md); null means the
    /// interceptors' own default (the system, or the user a test gave them).
    /// </summary>
    public ICurrentUser? Actor { get; set; }

    /// <summary>
    /// True while a request's scope holds this context (<see cref="ScopedContextRental"/>): the scope hands it out
    /// as several services, the container disposes each of them, and only the rental gives it back to the pool.
    /// </summary>
    private bool _heldByScope;

    internal void HoldForScope(ICurrentUser actor)
    {
        Actor = actor;
        _heldByScope = true;
    }

    internal ValueTask ReleaseFromScopeAsync()
    {
        _heldByScope = false;
        return DisposeAsync();
    }

    internal void ReleaseFromScope()
    {
        _heldByScope = false;
        Dispose();
    }

    /// <summary>A pooled context goes back to the pool without the request's actor, and without a write transaction left open.</summary>
    public override void Dispose()
    {
        if (_heldByScope)
        {
            return;
        }
        Actor = null;
        SqliteWriteGate.EndLeftOver(this);
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        if (_heldByScope)
        {
            return ValueTask.CompletedTask;
        }
        Actor = null;
        SqliteWriteGate.EndLeftOver(this);
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC and read back as UTC, on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
