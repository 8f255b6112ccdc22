using Npgsql;
using Partnership.Infrastructure.Data;
using Xunit;

namespace Partnership.TestKit;

/// <summary>
/// The database the tests run on: SQLite unless <c>PARTNERSHIP_TEST_PROVIDER=PostgreSql</c>, in which case
/// <c>PARTNERSHIP_TEST_PG</c> is the connection string of a server where the tests may create and drop databases
/// (scripts/pg-test-cluster.sh starts one; docs/adr/0040-postgresql-third-provider.md).
/// </summary>
public static class TestProvider
{
    public const string ProviderVariable = "PARTNERSHIP_TEST_PROVIDER";
    public const string PostgreSqlVariable = "PARTNERSHIP_TEST_PG";

    public static DatabaseProvider Current { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } text
            ? Enum.Parse<DatabaseProvider>(text, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Current == DatabaseProvider.PostgreSql;

    /// <summary>The server's connection string (its maintenance database), when the PostgreSQL pass runs.</summary>
    public static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{ProviderVariable}=PostgreSql needs {PostgreSqlVariable} (see scripts/pg-test-cluster.sh).");
}

/// <summary>A test that checks something only SQLite has (pragmas, the database file); skipped on the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestProvider.IsPostgreSql)
        {
            Skip = "SQLite-specific; the PostgreSQL pass runs the SQLite pass's other tests.";
        }
    }
}

/// <summary>A test that needs a server database (several portal nodes on one database); it runs on the PostgreSQL pass.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestProvider.IsPostgreSql)
        {
            Skip = $"Needs PostgreSQL: runs on the PostgreSQL pass of scripts/test.sh ({TestProvider.ProviderVariable}=PostgreSql, {TestProvider.PostgreSqlVariable}=connection string).";
        }
    }
}

/// <summary>
/// Fresh PostgreSQL databases for tests: each one a copy of a template migrated once per build, so a test class
/// gets its own migrated database in a few tens of milliseconds, and drops it afterwards.
/// </summary>
public static class PostgreSqlDatabases
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private static string? _seededTemplate;

    /// <summary>Creates a database, migrated (from the template) unless <paramref name="empty"/>; returns its connection string.</summary>
    public static string Create(bool empty = false)
    {
        var name = "partnership_t_" + Guid.NewGuid().ToString("N");
        var template = empty ? "template0" : EnsureTemplate();
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Creates a database migrated and seeded as a Development portal seeds it (catalog, reference data, demo accounts),
    /// copied from a second template that <paramref name="seed"/> fills once per test process; returns its connection
    /// string. Once per process, as on SQLite (<c>SqlitePortalTemplate</c>): the demo data is dated from the day it is
    /// seeded, and the seeding code may have changed since the last run.
    /// </summary>
    public static string CreateSeeded(Action<string> seed)
    {
        var name = "partnership_t_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{EnsureSeededTemplate(seed)}\"");
        return ConnectionStringFor(name);
    }

    private static string EnsureSeededTemplate(Action<string> seed)
    {
        var migrated = EnsureTemplate();
        TemplateLock.Wait();
        try
        {
            if (_seededTemplate is null)
            {
                var name = "partnership_tpls_" + Guid.NewGuid().ToString("N");
                Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{migrated}\"");
                seed(ConnectionStringFor(name));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(ConnectionStringFor(name));
                _seededTemplate = name;
            }
            return _seededTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> holding the advisory lock that several test processes take to build a template.</summary>
    private static void WithTemplateLock(Action<NpgsqlConnection> action)
    {
        using var connection = new NpgsqlConnection(TestProvider.PostgreSqlServer);
        connection.Open();
        using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(4711)", connection))
        {
            command.ExecuteNonQuery();
        }
        try
        {
            action(connection);
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4711)", connection);
            unlock.ExecuteNonQuery();
        }
    }

    public static void Drop(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)");
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(TestProvider.PostgreSqlServer) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(TestProvider.PostgreSqlServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>One migrated template per build of the migrations (several test processes share it: an advisory lock).</summary>
    private static string EnsureTemplate()
    {
        TemplateLock.Wait();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var version = typeof(Partnership.Migrations.PostgreSql.DesignTimeDbContextFactory).Assembly.ManifestModule.ModuleVersionId;
            var name = "partnership_tpl_" + version.ToString("N");
            WithTemplateLock(connection =>
            {
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
                exists.Parameters.AddWithValue("n", name);
                if (exists.ExecuteScalar() is null)
                {
                    using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection))
                    {
                        create.ExecuteNonQuery();
                    }
                    var settings = new DatabaseSettings(DatabaseProvider.PostgreSql, ConnectionStringFor(name));
                    var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AppDbContext>();
                    settings.Configure(options);
                    using (var db = new AppDbContext(options.Options))
                    {
                        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.Migrate(db.Database);
                    }
                    // The pool the context drew from, whose connection string carries the portal's pool limits: a
                    // connection left in it would keep the template busy for every CREATE DATABASE … TEMPLATE.
                    using (var template = new NpgsqlConnection(settings.EffectiveConnectionString))
                    {
                        NpgsqlConnection.ClearPool(template);
                    }
                }
            });
            _template = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
