using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// A hash over every row of every table: equal before and after means nothing was changed. The machinery's own
/// tables (lease renewals, the dashboard's derived figures, the Data Protection key ring created on first use) are
/// left out: no request writes them on purpose, and background jobs do.
/// The harness takes a fingerprint around thousands of probes, most of which are refused before they write. So each
/// portal gets a probe with a connection of its own that first asks whether anything was written since its last hash,
/// and reads the rows again only when something was:
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c>, which changes whenever another connection commits;</item>
/// <item>PostgreSQL: a sequence that a statement trigger on every table moves forward. A sequence moves at once,
/// before its transaction commits, so the hash is kept only while no other transaction of the database has written
/// anything it has not yet committed or rolled back (<c>pg_stat_activity.backend_xid</c>).</item>
/// </list>
/// On PostgreSQL the server hashes each table's rows (as text, in order) and the hashes come back in one answer.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly string[] Machinery = ["BackgroundLeases", "DataProtectionKeys", "DashboardFacts", "DashboardDirtyMarks", "DashboardStamps"];

    private static readonly ConditionalWeakTable<PortalFactory, Probe> Probes = [];

    /// <summary>Fingerprints taken, and how many of them read the rows (the rest found nothing written since the last).</summary>
    public static int Taken, RowsRead;

    public static async Task<string> TakeAsync(PortalFactory portal)
    {
        Interlocked.Increment(ref Taken);
        var probe = Probes.GetValue(portal, Probe.Open);
        await probe.Gate.WaitAsync();
        try
        {
            return await probe.TakeAsync();
        }
        finally
        {
            probe.Gate.Release();
        }
    }

    /// <summary>
    /// The fingerprint's own connection to a portal's database, not pooled: SQLite's data_version is per connection,
    /// and a pooled PostgreSQL connection would keep the database open after the portal drops it.
    /// </summary>
    private sealed class Probe : IDisposable
    {
        private readonly DbConnection _connection;
        private readonly bool _sqlite;
        private List<string>? _tables;
        private long _version = -1;
        private string? _hash;

        private Probe(DbConnection connection, bool sqlite) => (_connection, _sqlite) = (connection, sqlite);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public static Probe Open(PortalFactory portal)
        {
            var settings = portal.DatabaseSettings.ConnectionString;
            DbConnection connection = TestProvider.IsPostgreSql
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings) { Pooling = false }.ToString())
                : new SqliteConnection(new SqliteConnectionStringBuilder(settings) { Pooling = false }.ToString());
            var probe = new Probe(connection, !TestProvider.IsPostgreSql);
            portal.DisposeWith(probe);
            return probe;
        }

        public async Task<string> TakeAsync()
        {
            if (_tables is null)
            {
                await _connection.OpenAsync();
                _tables = await TablesAsync();
                if (!_sqlite)
                {
                    await CountWritesAsync(_tables);
                }
            }
            var (version, settled) = await VersionAsync();
            if (settled && version == _version && _hash is not null)
            {
                return _hash;
            }
            Interlocked.Increment(ref RowsRead);
            var hash = await HashAsync(_tables);
            // A write while the tables were read leaves the hash unsure to stand for either version: not kept.
            (_version, _hash) = settled && (await VersionAsync()).Version == version ? (version, hash) : (-1, null);
            return hash;
        }

        private async Task<List<string>> TablesAsync()
        {
            var tables = new List<string>();
            await using var list = _connection.CreateCommand();
            list.CommandText = _sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!Machinery.Contains(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
            return tables;
        }

        /// <summary>PostgreSQL: a sequence moved by every statement that writes to one of the tables (test instrumentation only).</summary>
        private async Task CountWritesAsync(List<string> tables)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "CREATE SEQUENCE IF NOT EXISTS fingerprint_writes;"
                + "CREATE OR REPLACE FUNCTION fingerprint_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('fingerprint_writes'); RETURN NULL; END $$;"
                + string.Concat(tables.Select(table =>
                    $"CREATE OR REPLACE TRIGGER fingerprint_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION fingerprint_write();"));
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>What moves with every write, and whether no write is still open (only then may a hash be kept).</summary>
        private async Task<(long Version, bool Settled)> VersionAsync()
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = _sqlite
                ? "PRAGMA data_version"
                : "SELECT (SELECT last_value * 2 + is_called::int FROM fingerprint_writes), NOT EXISTS (SELECT 1 FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid())";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), _sqlite || reader.GetBoolean(1));
        }

        private async Task<string> HashAsync(List<string> tables)
        {
            if (!_sqlite)
            {
                await using var hashes = _connection.CreateCommand();
                hashes.CommandText = "SELECT string_agg(h, '' ORDER BY n) FROM ("
                    + string.Join(" UNION ALL ", tables.Select((table, i) =>
                        $"SELECT {i} AS n, '#{table}' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\"), '')) AS h FROM \"{table}\" t"))
                    + ") x";
                var all = (string)(await hashes.ExecuteScalarAsync())!;
                return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all)));
            }
            var text = new StringBuilder();
            foreach (var table in tables)
            {
                await using var command = _connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
                await using var reader = await command.ExecuteReaderAsync();
                text.Append('#').Append(table);
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        text.Append('|').Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                    }
                    text.Append('\n');
                }
            }
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }

        public void Dispose()
        {
            _connection.Dispose();
            Gate.Dispose();
        }
    }
}
