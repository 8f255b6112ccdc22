using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Partnership.Core.Catalog;
using Partnership.Core.Companies;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;

namespace Partnership.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The data layer: the DbContext on the configured provider, its interceptors, the outbox and the seeders.</summary>
    public static IServiceCollection AddPartnershipData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddSingleton(settings);
        // Contexts come from a pool with options built once; a request's scope takes one and tells it who is acting
        // (the interceptors are shared, their per-save state kept per context): docs/adr/0053-pooled-context-and-lean-submission.md.
        services.AddSingleton(sp => new AuditableEntityInterceptor(new SystemUser(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditLogInterceptor(new SystemUser(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConnectionGauge>();
        services.AddSingleton<ISpreadsheetReader>(Spreadsheets.BoundedSpreadsheetReader.Instance);
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
        {
            settings.Configure(options);
            options.AddInterceptors(new SearchTextInterceptor(), sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<AuditLogInterceptor>(), new DashboardDirtyInterceptor(),
                sp.GetRequiredService<ConnectionGauge>());
        });
        // One rental per scope; the context it holds is handed out as AppDbContext and as IAppDbContext, and goes back
        // to the pool once, when the rental is disposed (see ScopedContextRental).
        services.AddScoped<ScopedContextRental>();
        services.AddScoped(sp => sp.GetRequiredService<ScopedContextRental>().Context);
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<ScopedContextRental>().Context);
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<OutboxService>();
        services.AddScoped<CatalogService>();
        services.AddScoped<Core.PlanServices.PlanServiceReader>();
        services.AddScoped<Core.PlanServices.PlanServiceEditor>();
        services.AddScoped<Core.Library.LibraryEditor>();
        services.AddScoped<Core.Library.LibraryService>();
        services.AddScoped<Core.Search.SearchService>();
        services.AddScoped<Core.Search.ISearchIndex, Search.ProviderSearchIndex>();
        services.AddScoped<CompanyService>();
        services.AddScoped<Partnership.Core.Events.EventService>();
        services.AddScoped<Partnership.Core.Consultations.ConsultationService>();
        services.AddScoped<Partnership.Core.Members.MemberRosterService>();
        services.AddScoped<ICompanySavedFollower, Partnership.Core.Members.MembershipVerification>();
        services.AddScoped<ICompanySavedFollower, Partnership.Core.Outreach.ReferralAttachment>();
        services.AddScoped<Partnership.Core.Outreach.OutreachService>();
        services.AddScoped<Partnership.Core.Outreach.ISubmissionsUnderMeasures, Partnership.Core.Submissions.SubmissionsUnderMeasures>();
        services.AddScoped<Partnership.Core.Outreach.IReferralConversions, Partnership.Core.Submissions.ReferralConversionsAtSubmission>();
        services.AddScoped<Partnership.Core.Outreach.ReferralService>();
        services.AddScoped<Partnership.Core.Outreach.MemberMatchService>();
        services.AddScoped<Partnership.Core.Outreach.PublicityService>();
        services.AddScoped<Partnership.Core.Outreach.MemberSupportService>();
        services.AddScoped<Partnership.Core.Outreach.CoSponsorshipService>();
        services.AddScoped<Partnership.Core.Outreach.OutreachChoices>();
        services.AddScoped<Partnership.Core.Audit.AuditLogService>();
        services.AddMemoryCache();
        services.AddScoped<Partnership.Core.Reference.IReferenceLists, Partnership.Core.Reference.ReferenceLists>();
        services.AddScoped<Partnership.Core.Reference.ReferenceDataService>();
        services.AddScoped<Partnership.Core.Dashboards.DashboardFacts>();
        services.AddScoped<Partnership.Core.Dashboards.DashboardReader>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<Partnership.Infrastructure.Background.BackgroundLeaseStore>();
        services.AddScoped<Partnership.Infrastructure.Identity.StaffService>();
        services.AddScoped<Partnership.Infrastructure.Identity.AuditPeople>();
        services.AddScoped<Partnership.Infrastructure.Identity.ChamberStaff>();
        services.AddScoped<Partnership.Infrastructure.Identity.UserDirectory>();
        services.AddScoped<Partnership.Infrastructure.Identity.AccountService>();
        services.AddScoped<Partnership.Infrastructure.Identity.ExternalAccountService>();
        services.AddScoped<Partnership.Infrastructure.Identity.AuthenticatorCodes>();
        services.AddScoped<Partnership.Infrastructure.Identity.PasswordWork>();
        services.AddScoped<Partnership.Core.Schemes.SchemeService>();
        services.AddScoped<Partnership.Core.Home.CompanyRecordsService>();
        services.AddScoped<Partnership.Core.Home.StaffHomeService>();
        services.AddScoped<Partnership.Core.Notices.NoticeService>();
        services.AddScoped<Partnership.Core.Schemes.SchemeReviewService>();
        services.AddScoped<Partnership.Core.Schemes.DirectoryService>();
        services.AddScoped<Partnership.Core.Schemes.SchemeExpiryService>();
        services.AddScoped<Partnership.Core.Mail.ICompanyRecipients, Partnership.Infrastructure.Identity.CompanyRecipients>();
        services.AddScoped<Partnership.Core.Mail.IUserRecipients, Partnership.Infrastructure.Identity.UserRecipients>();
        services.AddScoped<Partnership.Core.Reminders.ReminderService>();
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<SchemeSeeder>();
        services.AddScoped<SubsidySeeder>();
        services.AddScoped<Partnership.Core.Subsidies.ISubmissionStore>(sp => new Partnership.Infrastructure.Subsidies.SubmissionStore(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), settings.Limits));
        services.AddScoped<Partnership.Core.Subsidies.SubsidyService>();
        services.AddScoped<Partnership.Core.Subsidies.SubsidyReviewService>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoCompanySeeder>();
        services.AddScoped<ConsultationDeskSeeder>();
        services.AddScoped<PlanServicesSeeder>();
        services.AddScoped<DemoEventSeeder>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
