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
    /// <summary>How long a request may wait for the database, set on purpose (docs/operations.md, "Timeouts and pools").</summary>
    public DatabaseLimits Limits { get; init; } = DatabaseLimits.Default;

    /// <summary>
    /// PostgreSQL: how many of its most used statements each connection keeps prepared on the server (Npgsql's
    /// automatic preparation, <c>Database:MaxAutoPrepare</c>; 0 turns it off). A prepared statement is parsed and planned
    /// once per connection instead of at every execution.
    /// </summary>
    public int MaxAutoPrepare { get; init; } = DefaultMaxAutoPrepare;

    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The connection string as the portal opens it: on a server database with <see cref="Limits"/> applied to the
    /// pool (its size, and how long an open waits for a free connection, which is also how long it waits to connect).
    /// </summary>
    public string EffectiveConnectionString => Provider switch
    {
        DatabaseProvider.PostgreSql => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)
        {
            MaxPoolSize = Limits.MaxPoolSize, Timeout = Limits.PoolWaitSeconds, MaxAutoPrepare = MaxAutoPrepare,
        }.ConnectionString,
        DatabaseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString)
        {
            MaxPoolSize = Limits.MaxPoolSize, ConnectTimeout = Limits.PoolWaitSeconds,
        }.ConnectionString,
        _ => ConnectionString,
    };

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
        var limits = DatabaseLimits.Default;
        return new DatabaseSettings(provider, connectionString)
        {
            Limits = new DatabaseLimits(
                configuration.GetValue("Database:MaxPoolSize", limits.MaxPoolSize),
                configuration.GetValue("Database:PoolWaitSeconds", limits.PoolWaitSeconds),
                configuration.GetValue("Database:CommandTimeoutSeconds", limits.CommandTimeoutSeconds),
                configuration.GetValue("Database:WriteWaitSeconds", limits.WriteWaitSeconds)),
            MaxAutoPrepare = configuration.GetValue("Database:MaxAutoPrepare", DefaultMaxAutoPrepare),
        };
    }

    /// <summary>
    /// The provider, its migrations and limits. Queries that include several collections (an application with its
    /// documents and history) load them in one query: the collections are short, and one round trip beats several.
    /// </summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(EffectiveConnectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).CommandTimeout(Limits.CommandTimeoutSeconds)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(EffectiveConnectionString, pg => pg.MigrationsAssembly(PostgreSqlMigrationsAssembly).CommandTimeout(Limits.CommandTimeoutSeconds)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            default:
                options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
#pragma warning disable EF1001 // See LeanSqliteRelationalConnection.
                options.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, LeanSqliteRelationalConnection>();
#pragma warning restore EF1001
                options.AddInterceptors(new SqlitePragmaInterceptor(SqliteBusyTimeoutMs));
                break;
        }
    }
}

/// <summary>
/// The bounds of a request's wait for the database. A server database's pool holds at most
/// <see cref="MaxPoolSize"/> connections per node and an open waits at most <see cref="PoolWaitSeconds"/> for one;
/// a statement runs at most <see cref="CommandTimeoutSeconds"/>; a write waits at most <see cref="WriteWaitSeconds"/>
/// for the writers ahead of it on this node. Past any of them the request fails fast and the portal answers 503
/// with Retry-After (<see cref="DatabaseOverload"/>). Read from <c>Database:*</c>; the reasoning is in docs/operations.md.
/// </summary>
public sealed record DatabaseLimits(int MaxPoolSize, int PoolWaitSeconds, int CommandTimeoutSeconds, int WriteWaitSeconds)
{
    public static DatabaseLimits Default { get; } = new(MaxPoolSize: 30, PoolWaitSeconds: 5, CommandTimeoutSeconds: 30, WriteWaitSeconds: 10);
}
