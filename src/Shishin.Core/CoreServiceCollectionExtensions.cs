using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Email;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Core.Organizations;

namespace Shishin.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Storage, audit, organisations and the account store shared by the web host and the CLI.</summary>
    public static IdentityBuilder AddShishinCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var ownerConnectionString = configuration.GetConnectionString(DatabaseOptions.OwnerConnectionStringName);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o => o.OwnerConnectionString = ownerConnectionString).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Shishin");

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditSaveChangesInterceptor>();
        services.AddSingleton<SqlitePragmaInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                // A release step that only migrates may be given the owner's connection alone.
                connectionString = string.IsNullOrWhiteSpace(connectionString) ? ownerConnectionString : connectionString;
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Shishin is empty.");
                }

                services.AddSingleton(new DatabaseLocation(DatabaseProvider.Postgres, connectionString));
                services.AddDbContext<ShishinDbContext, PostgresShishinDbContext>((sp, o) => o
                    .UseNpgsql(connectionString)
                    .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()));
                break;
            default:
                var sqlite = PrepareSqlite(string.IsNullOrWhiteSpace(connectionString) ? DataDirectory.DefaultSqliteConnectionString(configuration) : connectionString);
                services.AddSingleton(new DatabaseLocation(DatabaseProvider.Sqlite, sqlite));
                services.AddDbContext<ShishinDbContext, SqliteShishinDbContext>((sp, o) => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>(), sp.GetRequiredService<AuditSaveChangesInterceptor>()));
                break;
        }

        services.AddScoped<AuditLog>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<Services.ServiceAccess>();
        services.AddScoped<Services.CanvasService>();
        services.AddScoped<Assessments.ScanEvidence>();
        services.AddScoped<Assessments.SuggestionOverrides>();
        services.AddScoped<Assessments.AssessmentService>();
        services.AddScoped<Services.ServiceRegistry>();
        services.AddScoped<Services.ServiceCsvImporter>();
        services.AddScoped<Services.ServiceCsvExporter>();
        Services.ServiceCsv.RegisterEncodings();
        services.AddScoped<Services.ServiceDirectory>();
        services.AddScoped<Assessments.AssessmentReports>();
        services.AddScoped<Assessments.ActionItemService>();
        services.AddMemoryCache();
        services.AddScoped<CatalogService>();
        services.AddScoped<ProposalService>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<UserSessionStore>();
        services.AddScoped<UserDeviceStore>();
        services.AddScoped<SetupService>();
        services.AddScoped<Demo.DemoData>();
        services.AddScoped<Demo.DemoScans>();
        services.AddScoped<ApiKeys.ApiKeyService>();
        services.AddOptions<Scans.ScanningOptions>().Bind(configuration.GetSection(Scans.ScanningOptions.SectionName));
        services.AddScoped<Scans.ScanRunService>();
        services.AddScoped<Scans.ScanDiff>();
        services.AddScoped<Scans.ScanProfiles>();
        services.AddScoped<Scans.ScanHistory>();
        services.AddScoped<Scans.ScanDispatcher>();
        services.AddScoped<Scans.ScanSchedules>();
        services.AddScoped<Scans.ScanRunQueries>();
        services.AddScoped<CitizenFeedback.FeedbackFigures>();
        services.AddScoped<CitizenFeedback.FeedbackInbox>();
        services.AddScoped<CitizenFeedback.FeedbackImprovements>();
        services.AddScoped<CitizenFeedback.FeedbackSettingsService>();
        // In core, not the intake: saving a service's feedback settings clears what the intake holds in memory.
        services.AddSingleton<CitizenFeedback.FeedbackTargets>();
        services.AddShishinNotifications(configuration);
        services.AddShishinEmail(configuration);
        services.AddSingleton<DatabaseInitializer>();
        // Keys in the database so that every web node and the CLI read the same protected values (TOTP secrets, cookies).
        var dataProtection = services.AddDataProtection().SetApplicationName("Shishin").PersistKeysToDbContext<ShishinDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // Encrypts the key ring at rest, so a copy of the database alone opens no session and no TOTP secret.
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        return services.AddIdentityCore<ShishinUser>(ConfigureIdentity)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ShishinDbContext>()
            .AddUserStore<ShishinUserStore>()
            .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(ReplayProtectedAuthenticatorTokenProvider.ProviderName);
    }

    public static void ConfigureIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Length over composition rules (NIST SP 800-63B); the issue asks for 12 or more characters.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorTokenProvider.ProviderName;
    }

    /// <summary>Creates the folder of a file database so that the first start needs no manual step.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
