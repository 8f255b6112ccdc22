using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Partnership.Infrastructure.Data.Interceptors;

namespace Partnership.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// Which database the portal runs on (<c>Database:Provider</c>) and where. Each provider has its own migrations
/// project (docs/adr/0001-migrations-project-per-provider.md).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "Partnership.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Partnership.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Partnership.Migrations.PostgreSql";
    public const int SqliteBusyTimeoutMs = 10_000;

    /// <summary>
    /// Reads <c>Database:Provider</c> (Sqlite by default), <c>ConnectionStrings:Sqlite</c>,
    /// <c>ConnectionStrings:SqlServer</c> or <c>ConnectionStrings:PostgreSql</c>. Without a SQLite connection string the file is
    /// <c>partnership.db</c> in <paramref name="dataDirectory"/>, outside the source tree and the content root.
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.Parse<DatabaseProvider>(providerText, ignoreCase: true);
        var connectionString = provider switch
        {
            DatabaseProvider.SqlServer => configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer."),
            DatabaseProvider.PostgreSql => configuration.GetConnectionString("PostgreSql")
                ?? throw new InvalidOperationException("ConnectionStrings:PostgreSql is required when Database:Provider is PostgreSql."),
            _ => configuration.GetConnectionString("Sqlite") is { Length: > 0 } cs
                ? cs
                : $"Data Source={Path.Combine(dataDirectory, "partnership.db")}",
        };
        return new DatabaseSettings(provider, connectionString);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(ConnectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, pg => pg.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
#pragma warning disable EF1001 // See LeanSqliteRelationalConnection.
                options.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, LeanSqliteRelationalConnection>();
#pragma warning restore EF1001
                options.AddInterceptors(new SqlitePragmaInterceptor(SqliteBusyTimeoutMs));
                break;
        }
    }
}
