using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// A hash over every row of every table: equal before and after means nothing was changed. The machinery's own
/// tables (lease renewals, the Data Protection key ring created on first use) are left out: no request writes them.
/// On PostgreSQL the server hashes each table's rows (as text, in order) and the hashes come back in one answer: the
/// harness takes a fingerprint around every probe, and reading every row of some ninety tables through the network
/// each time made the PostgreSQL pass of the harness seven times slower than SQLite's.
/// </summary>
public static class DatabaseFingerprint
{
    public static Task<string> TakeAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetString(0) is not ("BackgroundLeases" or "DataProtectionKeys" or "DashboardFacts" or "DashboardDirtyMarks" or "DashboardStamps"))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }
        if (!db.Database.IsSqlite())
        {
            await using var hashes = connection.CreateCommand();
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
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            text.Append('#').Append(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append('|').Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                }
                text.Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    });
}
