using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Infrastructure;
using Partnership.Infrastructure.Background;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.Web.Api;
using Partnership.Web.Authorization;
using Serilog;
using Serilog.Formatting.Compact;

namespace Partnership.Web.Infrastructure;

/// <summary>The portal's services and request pipeline, kept out of Program.cs so they read in one place.</summary>
public static class PortalSetup
{
    public const string AuthCookieName = ".Partnership.Auth";
    public const string AntiforgeryCookieName = ".Partnership.Antiforgery";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        // Refuses the start with a message when a setting Production needs is missing (docs/adr/0062-production-start.md).
        var mode = PortalMode.From(configuration, environment);
        services.AddSingleton(mode);
        // Only the public host (and localhost, for the health probe) passes the host filter: a forged Host header is a 400.
        // An AllowedHosts setting of the operator's own wins.
        if (configuration["AllowedHosts"] is null or "" or "*")
        {
            services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [.. mode.AllowedHosts]);
        }
        var dataDirectory = ResolveDataDirectory(configuration, environment);
        var secureCookies = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(dataDirectory, "logs", "portal-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31));

        services.AddPartnershipData(DatabaseSettings.FromConfiguration(configuration, dataDirectory));
        // Keys in the database by default, so every node reads the same keys: a cookie or a form from one node is
        // accepted by the others, and sign-ins survive restarts (docs/adr/0041-data-protection-keys-in-the-database.md).
        // DataProtection:Keys=FileSystem keeps them in <DataDirectory>/keys instead (one node only).
        var dataProtection = services.AddDataProtection().SetApplicationName("partnership-portal");
        if (string.Equals(configuration["DataProtection:Keys"], "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        else
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
        }
        // At rest the keys are encrypted with a certificate; Production refuses to start without one (docs/adr/0064).
        if (DataProtectionCertificate.Load(configuration, environment) is { } certificates)
        {
            dataProtection.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate(certificates.Readable);
        }
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, WebCurrentUser>();
        services.AddSingleton<PortalLinks>();
        services.AddScoped<Partnership.Web.Areas.Companies.Controllers.CompanyPages>();
        services.AddScoped<Partnership.Web.Areas.Schemes.Controllers.SchemePages>();
        services.AddScoped<Partnership.Web.Areas.Dashboards.Controllers.DashboardTables>();
        services.AddScoped<Partnership.Web.Authorization.OwnCompany>();
        services.AddSingleton<Partnership.Core.Schemes.ISchemeMail, SchemeMailComposer>();
        services.AddSingleton<Partnership.Core.Reminders.IReminderMail, ReminderMailComposer>();
        services.AddSingleton<Partnership.Core.Subsidies.ISubsidyMail, SubsidyMailComposer>();
        // Uploaded documents outside the web root; every node must reach the same folder (docs/operations.md).
        services.AddSingleton<Partnership.Core.Documents.IDocumentStore>(new Partnership.Infrastructure.Documents.FileDocumentStore(
            configuration["Documents:Path"] is { Length: > 0 } documents ? documents : Path.Combine(dataDirectory, "documents")));
        services.AddScoped<ServiceMail>();
        services.AddScoped<Partnership.Web.Areas.Consultations.Controllers.ConsultationPages>();
        services.AddScoped<Partnership.Core.Events.IEventMail>(sp => sp.GetRequiredService<ServiceMail>());
        services.AddScoped<Partnership.Core.Consultations.IConsultationMail>(sp => sp.GetRequiredService<ServiceMail>());

        services.AddIdentity<AppUser, IdentityRole>(IdentityPolicy.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            // Identity's authenticator, each code accepted once (docs/adr/0066-authenticator-codes-accepted-once.md).
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();
        // Every request of a signed-in session checks the account's security stamp, so sign-out, a new password, a new
        // authenticator key, a role change or deactivation ends the session at once on every node (ADR 0065).
        // Portal:SessionCheckSeconds > 0 checks less often, and lets a copied cookie live that long after sign-out.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Portal:SessionCheckSeconds", 0))));
        // The check itself is one query for the account's stamp; the principal is kept while the stamp is (ADR 0053).
        services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secureCookies;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            // A signed-in session ends after Portal:SessionSeconds without a request (30 minutes); pages warn first.
            options.ExpireTimeSpan = TimeSpan.FromSeconds(configuration.GetValue("Portal:SessionSeconds", 1800));
            options.SlidingExpiration = true;
        });
        // Company users' sign-in with a business ID provider, when the Oidc section names one (docs/adr/0077).
        services.AddBusinessSignIn(configuration, secureCookies);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SecurePolicy = secureCookies;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Japanese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Japanese first: only the user's own choice (the cookie) switches to English, not the browser.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<InputSafetyFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(_ => t["Binding.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["Binding.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => t["Binding.Required"]);
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => t["Binding.Invalid"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Binding.Invalid"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["Binding.Invalid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding.Invalid"]);
            messages.SetValueIsInvalidAccessor(_ => t["Binding.Invalid"]);
            messages.SetValueMustBeANumberAccessor(_ => t["Binding.Number"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding.Number"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Binding.Required"]);
        });

        // Japanese text goes into pages as it is, not as &#x...; escapes (still HTML-encoded where it must be).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Bad query values on the open-data API are a 400 for the caller, not an exception.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddPortalRateLimits(configuration);
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddScoped<IAuthorizationHandler, CompanyAccessHandler>();
        services.AddSingleton<IAuthorizationHandler, CompanyMembershipHandler>();
        services.AddScoped<IAuthorizationHandler, ChamberRecordHandler>();

        services.Configure<SmtpOptions>(configuration.GetSection("Mail:Smtp"));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        // One background loop per node: the outbox on every node (each message claimed by one sender), the expiry
        // work on the one node holding its lease (docs/adr/0042-outbox-and-background-leases.md).
        services.AddSingleton(BackgroundNode.Create(configuration["Portal:NodeName"]));
        services.AddSingleton(new BackgroundOptions(
            TimeSpan.FromSeconds(configuration.GetValue("Background:TickSeconds", 1.0)),
            TimeSpan.FromSeconds(configuration.GetValue("Background:LeaseSeconds", 60))));
        services.AddSingleton<IBackgroundJob>(new OutboxJob(TimeSpan.FromSeconds(configuration.GetValue("Mail:PollSeconds", 5))));
        services.AddSingleton<IBackgroundJob>(new SchemeExpiryJob(TimeSpan.FromMinutes(configuration.GetValue("Schemes:ExpiryCheckMinutes", 60))));
        services.AddSingleton<IBackgroundJob>(new ReminderJob(TimeSpan.FromMinutes(configuration.GetValue("Reminders:CheckMinutes", 60.0))));
        services.AddSingleton<IBackgroundJob>(new DashboardRefreshJob(TimeSpan.FromSeconds(configuration.GetValue("Dashboards:RefreshSeconds", 5))));
        services.AddSingleton<IBackgroundJob>(new ReceiptFollowUpJob(TimeSpan.FromSeconds(configuration.GetValue("Subsidies:FollowUpSweepSeconds", 30))));
        services.AddSingleton<BackgroundRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundRunner>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // No request holds a thread and a connection for minutes: past this it is cancelled (its transaction rolls
        // back) and answered 503 with Retry-After (docs/operations.md, "Timeouts and pools").
        services.AddRequestTimeouts(o => o.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(configuration.GetValue("Portal:RequestTimeoutSeconds", 60)),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        services.AddOpenApi("v1", o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        // Behind a TLS-terminating proxy Kestrel has no HTTPS address to find the port from: name it.
        services.AddHttpsRedirection(o => o.HttpsPort = configuration.GetValue("Portal:HttpsPort", 443));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the reverse proxies named in Portal:TrustedProxies are believed, e.g. "127.0.0.1,10.0.1.0/24"; not loopback by
            // default: X-Forwarded-For picks the rate limiter's partition, so a sender it is not from could pick its own.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // With both lists empty the middleware would believe every sender: with no proxy named, no header is believed.
            if (string.IsNullOrWhiteSpace(configuration["Portal:TrustedProxies"]))
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
            }
            foreach (var entry in (configuration["Portal:TrustedProxies"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (entry.Contains('/'))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(entry));
                }
            }
        });
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // Demo accounts only when Demo:Enabled asks for them, in Development, and never beside a production setting.
        var mode = app.Services.GetRequiredService<PortalMode>();
        if (app.Configuration.GetValue<bool>("Demo:Enabled") && !mode.DemoData)
        {
            app.Logger.LogWarning("Demo:Enabled is ignored: demo data is created only in Development without a production setting ({Setting}).",
                mode.ProductionSetting ?? "environment " + app.Environment.EnvironmentName);
        }
        var demoPassword = mode.DemoData && app.Configuration["Demo:Password"] is { Length: > 0 } password ? password : null;
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(
            demoPassword, migrate: app.Configuration.GetValue("Database:MigrateOnStartup", true));
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(SessionCheckBusy.Middleware);
        app.UseMiddleware<StaffTwoFactorMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapCatalogApi();
        app.MapDirectoryApi();
        app.MapSubsidyApi();
        app.MapControllers();
        // An address nobody mapped is a 404 page for everyone, not a redirect to sign-in.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }

    private static string ResolveDataDirectory(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["Portal:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PartnershipPortal")
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        Directory.CreateDirectory(path);
        return path;
    }

    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
