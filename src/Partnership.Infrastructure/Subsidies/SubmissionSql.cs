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
/// The parameters take the provider's type mappings.
/// </summary>
public sealed record SubmissionSql(string Reserve, string NextSeq, string Claim)
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

        return new SubmissionSql(
            // {0} amount, {1} window: reserves only while the budget covers the amount, and takes the next number.
            Reserve: Update($"{W(nameof(SubsidyWindow.ReservedYen))} = {W(nameof(SubsidyWindow.ReservedYen))} + {{0}}, {seq} = {seq} + 1",
                $"{W(nameof(SubsidyWindow.Id))} = {{1}} AND {W(nameof(SubsidyWindow.ReservedYen))} + {{0}} <= {W(nameof(SubsidyWindow.BudgetYen))}"),
            // {0} window: the next number without a reservation (waiting list, screening after close).
            NextSeq: Update($"{seq} = {seq} + 1", $"{W(nameof(SubsidyWindow.Id))} = {{0}}"),
            // {0} status, {1} number, {2} receipt, {3} submitted at, {4} held, {5} new version, {6} application, {7} from:
            // only an application still in the status it was read in, without a receipt, is claimed, so a second
            // submission of the same application changes nothing.
            Claim: $"UPDATE {Table(applications)} SET {A(nameof(SubsidyApplication.Status))} = {{0}}, {A(nameof(SubsidyApplication.ReceiptSeq))} = {{1}}, "
                + $"{A(nameof(SubsidyApplication.ReceiptNumber))} = {{2}}, {A(nameof(SubsidyApplication.SubmittedAt))} = {{3}}, "
                + $"{A(nameof(SubsidyApplication.HeldYen))} = {{4}}, {A(nameof(SubsidyApplication.Version))} = {{5}} "
                + $"WHERE {A(nameof(SubsidyApplication.Id))} = {{6}} AND {A(nameof(SubsidyApplication.Status))} = {{7}} AND {A(nameof(SubsidyApplication.ReceiptNumber))} IS NULL");
    }
}
