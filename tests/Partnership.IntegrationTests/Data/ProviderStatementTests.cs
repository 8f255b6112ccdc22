using Microsoft.EntityFrameworkCore;
using Partnership.Core.Audit;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;

namespace Partnership.IntegrationTests.Data;

/// <summary>
/// The statements the portal writes in SQL itself (ADR 0054: the submission's conditional updates; ADR 0055: the
/// audit entries), as each provider gets them, checked without a server: on SQL Server they are not run anywhere
/// here, so this is where its quoting and names are proven. SQLite and PostgreSQL also run them in the
/// integration tests of both passes.
/// </summary>
public class ProviderStatementTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    private static AppDbContext Create(string provider) => provider switch
    {
        "Sqlite" => Partnership.Migrations.Sqlite.DesignTimeDbContextFactory.Create(),
        "SqlServer" => Partnership.Migrations.SqlServer.DesignTimeDbContextFactory.Create(),
        _ => Partnership.Migrations.PostgreSql.DesignTimeDbContextFactory.Create(),
    };

    /// <summary>The provider's quoting of one name: [Name] on SQL Server, "Name" on SQLite and PostgreSQL.</summary>
    private static string Q(string provider, string name) => provider == "SqlServer" ? $"[{name}]" : $"\"{name}\"";

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_submission_statements_use_the_model_names_in_the_provider_quoting(string provider)
    {
        using var db = Create(provider);
        string N(string name) => Q(provider, name);
        var sql = SubmissionSql.For(db);

        // The window's updates return the number they took: OUTPUT on SQL Server, RETURNING elsewhere.
        string Window(string set, string where) => provider == "SqlServer"
            ? $"UPDATE {N("SubsidyWindows")} SET {set} OUTPUT INSERTED.{N("LastReceiptSeq")} AS {N("Value")} WHERE {where}"
            : $"UPDATE {N("SubsidyWindows")} SET {set} WHERE {where} RETURNING {N("LastReceiptSeq")} AS {N("Value")}";
        Assert.Equal(Window($"{N("ReservedYen")} = {N("ReservedYen")} + {{0}}, {N("LastReceiptSeq")} = {N("LastReceiptSeq")} + 1",
            $"{N("Id")} = {{1}} AND {N("ReservedYen")} + {{0}} <= {N("BudgetYen")}"), sql.Reserve);
        Assert.Equal(Window($"{N("LastReceiptSeq")} = {N("LastReceiptSeq")} + 1", $"{N("Id")} = {{0}}"), sql.NextSeq);
        Assert.Equal($"UPDATE {N("SubsidyApplications")} SET {N("Status")} = {{0}}, {N("ReceiptSeq")} = {{1}}, {N("ReceiptNumber")} = {{2}}, "
            + $"{N("SubmittedAt")} = {{3}}, {N("HeldYen")} = {{4}}, {N("Version")} = {{5}}, {N("FollowUpPending")} = {{8}} "
            + $"WHERE {N("Id")} = {{6}} AND {N("Status")} = {{7}} AND {N("ReceiptNumber")} IS NULL", sql.Claim);
        Assert.Equal($"UPDATE {N("SubsidyApplications")} SET {N("FollowUpPending")} = {{1}} WHERE {N("Id")} = {{0}} AND {N("FollowUpPending")} <> {{1}}",
            sql.ClearFollowUp);
        // The receipt in one statement is PostgreSQL's alone (docs/adr/0095); its behaviour is tested on PostgreSQL.
        Assert.Equal(provider == "PostgreSql", sql.ReserveAndClaim is not null);
        Assert.Equal(provider == "PostgreSql", sql.NumberAndClaim is not null);
        if (provider == "PostgreSql")
        {
            Assert.StartsWith($"WITH a AS (SELECT {N("Id")} FROM {N("SubsidyApplications")} WHERE {N("Id")} = {{0}} AND {N("Status")} = {{1}} "
                + $"AND {N("ReceiptNumber")} IS NULL FOR UPDATE), w AS (UPDATE {N("SubsidyWindows")} SET {N("ReservedYen")} = {N("ReservedYen")} + {{2}}, ",
                sql.ReserveAndClaim);
            Assert.DoesNotContain(N("ReservedYen"), sql.NumberAndClaim, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Audit_entries_go_in_statements_of_a_hundred_rows_with_their_values_in_column_order(string provider)
    {
        using var db = Create(provider);
        var at = new DateTime(2026, 4, 1, 9, 30, 0, DateTimeKind.Utc);
        var entries = Enumerable.Range(0, 250).Select(i => new AuditEntry
        {
            At = at, UserId = i == 0 ? null : $"user-{i}", IpAddress = "203.0.113.9", Action = AuditActions.Created,
            EntityType = "SubsidyEvent", EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Changes = "{}",
        }).ToList();

        var statements = AuditInsert.For(db, entries).ToList();

        Assert.Equal([100, 100, 50], statements.Select(s => s.Arguments.Length / 7));
        var columns = string.Join(", ", new[] { "At", "UserId", "IpAddress", "Action", "EntityType", "EntityId", "Changes" }.Select(c => Q(provider, c)));
        var firstRows = "({0}, {1}, {2}, {3}, {4}, {5}, {6}), ({7}, {8}, {9}, {10}, {11}, {12}, {13}), (";
        Assert.StartsWith($"INSERT INTO {Q(provider, "AuditEntries")} ({columns}) VALUES {firstRows}", statements[0].Sql);
        Assert.EndsWith("({343}, {344}, {345}, {346}, {347}, {348}, {349})", statements[2].Sql);
        // Row by row in column order; the system user's missing id stays null; the time as the column's converter writes it.
        Assert.Equal<object?>([at, null, "203.0.113.9", "created", "SubsidyEvent", "0", "{}"], statements[0].Arguments.Take(7));
        Assert.Equal("user-249", statements[2].Arguments[^6]);
        Assert.Equal("249", statements[2].Arguments[^2]);
        Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(statements[1].Arguments[0]).Kind);
    }
}
