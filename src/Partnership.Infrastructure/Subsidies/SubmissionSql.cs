using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Partnership.Core.Subsidies;

namespace Partnership.Infrastructure.Subsidies;

/// <summary>
/// The conditional updates of a submission as parameterised SQL, written once per database provider from the
/// model's own table and column names and the provider's quoting, so that nothing is translated from LINQ while
/// the window is held (docs/adr/0054-submission-statements-in-sql.md). The updates of the window return the
/// receipt number they took in the same statement: RETURNING on SQLite and PostgreSQL, OUTPUT on SQL Server.
/// On PostgreSQL the receipt is one statement (<see cref="ReserveAndClaim"/>, <see cref="NumberAndClaim"/>), so that
/// the window's row is held for that statement only (docs/adr/0095-receipt-in-one-statement.md); SQLite and SQL Server
/// take it by <see cref="Reserve"/> or <see cref="NextSeq"/>, then <see cref="Claim"/>, in one transaction.
/// The parameters take the provider's type mappings.
/// </summary>
public sealed record SubmissionSql(string Reserve, string NextSeq, string Claim, string ClearFollowUp, string? ReserveAndClaim, string? NumberAndClaim)
{
    // One model per provider in a process; keyed by it because the provider's name is looked up from its assembly
    // on every call.
    private static readonly ConditionalWeakTable<IModel, SubmissionSql> ByModel = [];

    public static SubmissionSql For(DbContext context) => ByModel.GetValue(context.Model, _ => Build(context));

    private static SubmissionSql Build(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var sqlServer = context.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";
        var windows = context.Model.FindEntityType(typeof(SubsidyWindow))!;
        var applications = context.Model.FindEntityType(typeof(SubsidyApplication))!;
        string Table(IEntityType e) => sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema());
        string Column(IEntityType e, string property) => sql.DelimitIdentifier(e.FindProperty(property)!.GetColumnName());
        string W(string property) => Column(windows, property);
        string A(string property) => Column(applications, property);
        var seq = W(nameof(SubsidyWindow.LastReceiptSeq));
        // EF Core reads a scalar query's one column by the name "Value".
        var value = sql.DelimitIdentifier("Value");
        string Update(string set, string where) => sqlServer
            ? $"UPDATE {Table(windows)} SET {set} OUTPUT INSERTED.{seq} AS {value} WHERE {where}"
            : $"UPDATE {Table(windows)} SET {set} WHERE {where} RETURNING {seq} AS {value}";

        var postgres = context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        var id = A(nameof(SubsidyApplication.Id));
        var status = A(nameof(SubsidyApplication.Status));
        var receipt = A(nameof(SubsidyApplication.ReceiptNumber));
        // The receipt in one statement: the draft's row is locked first (a second submission of it waits here, then finds
        // it claimed and takes nothing), then the window's row is updated when the draft could be claimed (reserving {2}
        // only while the budget covers it, or only taking the number), then the draft is claimed with the number the
        // window gave. The answer: the number taken; 0 when the window gave none (the budget was short); -1 when the draft
        // could not be claimed; and the receipt's time: {6}, the node's clock, or the window's last receipt time when that
        // is later (another node's clock ran ahead), so that times follow numbers. {0} application, {1} from, {2} amount
        // held (0 when only numbered), {3} window, {4} status, {5} receipt prefix, {6} the node's time, {7} new version.
        // The number is formatted as SubsidyRules.ReceiptNumber formats it (at least six digits), which
        // SubsidyBudgetTests checks.
        string OneStatement(bool reserve) =>
            $"WITH a AS (SELECT {id} FROM {Table(applications)} WHERE {id} = {{0}} AND {status} = {{1}} AND {receipt} IS NULL FOR UPDATE), "
            + $"w AS (UPDATE {Table(windows)} SET "
            + (reserve ? $"{W(nameof(SubsidyWindow.ReservedYen))} = {W(nameof(SubsidyWindow.ReservedYen))} + {{2}}, " : "")
            + $"{seq} = {seq} + 1, {W(nameof(SubsidyWindow.LastReceiptAt))} = GREATEST({W(nameof(SubsidyWindow.LastReceiptAt))}, {{6}}) "
            + $"WHERE {W(nameof(SubsidyWindow.Id))} = {{3}} AND EXISTS (SELECT 1 FROM a)"
            + (reserve ? $" AND {W(nameof(SubsidyWindow.ReservedYen))} + {{2}} <= {W(nameof(SubsidyWindow.BudgetYen))}" : "")
            + $" RETURNING {seq} AS s, {W(nameof(SubsidyWindow.LastReceiptAt))} AS t), "
            + $"c AS (UPDATE {Table(applications)} AS t SET {status} = {{4}}, {A(nameof(SubsidyApplication.ReceiptSeq))} = w.s, "
            + $"{receipt} = {{5}} || CASE WHEN w.s < 1000000 THEN lpad(w.s::text, 6, '0') ELSE w.s::text END, "
            + $"{A(nameof(SubsidyApplication.SubmittedAt))} = w.t, {A(nameof(SubsidyApplication.HeldYen))} = {{2}}, "
            + $"{A(nameof(SubsidyApplication.Version))} = {{7}}, {A(nameof(SubsidyApplication.FollowUpPending))} = TRUE "
            + $"FROM w WHERE t.{id} = {{0}} RETURNING w.s, w.t) "
            + $"SELECT COALESCE((SELECT s FROM c), CASE WHEN EXISTS (SELECT 1 FROM a) THEN 0 ELSE -1 END) AS {sql.DelimitIdentifier("Seq")}, "
            + $"(SELECT t FROM c) AS {sql.DelimitIdentifier("At")}";

        return new SubmissionSql(
            // {0} amount, {1} window: reserves only while the budget covers the amount, and takes the next number.
            Reserve: Update($"{W(nameof(SubsidyWindow.ReservedYen))} = {W(nameof(SubsidyWindow.ReservedYen))} + {{0}}, {seq} = {seq} + 1",
                $"{W(nameof(SubsidyWindow.Id))} = {{1}} AND {W(nameof(SubsidyWindow.ReservedYen))} + {{0}} <= {W(nameof(SubsidyWindow.BudgetYen))}"),
            // {0} window: the next number without a reservation (waiting list, screening after close).
            NextSeq: Update($"{seq} = {seq} + 1", $"{W(nameof(SubsidyWindow.Id))} = {{0}}"),
            // {0} status, {1} number, {2} receipt, {3} submitted at, {4} held, {5} new version, {6} application, {7} from,
            // {8} follow-up pending (true): only an application still in the status it was read in, without a receipt, is
            // claimed, so a second submission of the same application changes nothing.
            Claim: $"UPDATE {Table(applications)} SET {status} = {{0}}, {A(nameof(SubsidyApplication.ReceiptSeq))} = {{1}}, "
                + $"{receipt} = {{2}}, {A(nameof(SubsidyApplication.SubmittedAt))} = {{3}}, "
                + $"{A(nameof(SubsidyApplication.HeldYen))} = {{4}}, {A(nameof(SubsidyApplication.Version))} = {{5}}, {A(nameof(SubsidyApplication.FollowUpPending))} = {{8}} "
                + $"WHERE {id} = {{6}} AND {status} = {{7}} AND {receipt} IS NULL",
            // {0} application, {1} false: the follow-up is saved once, by the request or by the sweep, whichever clears it.
            ClearFollowUp: $"UPDATE {Table(applications)} SET {A(nameof(SubsidyApplication.FollowUpPending))} = {{1}} "
                + $"WHERE {id} = {{0}} AND {A(nameof(SubsidyApplication.FollowUpPending))} <> {{1}}",
            ReserveAndClaim: postgres ? OneStatement(reserve: true) : null,
            NumberAndClaim: postgres ? OneStatement(reserve: false) : null);
    }
}
