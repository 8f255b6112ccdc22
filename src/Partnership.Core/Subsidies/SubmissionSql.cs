using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Partnership.Core.Subsidies;

/// <summary>
/// The conditional updates of a submission as parameterised SQL, written once per database provider from the
/// model's own table and column names and the provider's quoting, so that nothing is translated from LINQ while
/// the write lock is held (docs/adr/0054-submission-statements-in-sql.md). The statements are the same
/// standard SQL on SQLite, SQL Server and PostgreSQL; the parameters take the provider's type mappings.
/// </summary>
internal sealed record SubmissionSql(string Reserve, string NextSeq, string Claim)
{
    // One model per provider in a process; keyed by it because the provider's name is looked up from its assembly
    // on every call (it showed in the submission's profile).
    private static readonly ConditionalWeakTable<IModel, SubmissionSql> ByModel = [];

    public static SubmissionSql For(DbContext context) => ByModel.GetValue(context.Model, _ => Build(context));

    private static SubmissionSql Build(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var windows = context.Model.FindEntityType(typeof(SubsidyWindow))!;
        var applications = context.Model.FindEntityType(typeof(SubsidyApplication))!;
        string Table(IEntityType e) => sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema());
        string Column(IEntityType e, string property) => sql.DelimitIdentifier(e.FindProperty(property)!.GetColumnName());
        string W(string property) => Column(windows, property);
        string A(string property) => Column(applications, property);

        return new SubmissionSql(
            // {0} amount, {1} window: reserves only while the budget covers the amount, and takes the next number.
            Reserve: $"UPDATE {Table(windows)} SET {W(nameof(SubsidyWindow.ReservedYen))} = {W(nameof(SubsidyWindow.ReservedYen))} + {{0}}, "
                + $"{W(nameof(SubsidyWindow.LastReceiptSeq))} = {W(nameof(SubsidyWindow.LastReceiptSeq))} + 1 "
                + $"WHERE {W(nameof(SubsidyWindow.Id))} = {{1}} AND {W(nameof(SubsidyWindow.ReservedYen))} + {{0}} <= {W(nameof(SubsidyWindow.BudgetYen))}",
            // {0} window: the next number without a reservation (waiting list, screening after close).
            NextSeq: $"UPDATE {Table(windows)} SET {W(nameof(SubsidyWindow.LastReceiptSeq))} = {W(nameof(SubsidyWindow.LastReceiptSeq))} + 1 "
                + $"WHERE {W(nameof(SubsidyWindow.Id))} = {{0}}",
            // {0} status, {1} number, {2} receipt, {3} submitted at, {4} held, {5} new version, {6} application, {7} draft:
            // only a draft without a receipt is claimed, so a second submission of the same application changes nothing.
            Claim: $"UPDATE {Table(applications)} SET {A(nameof(SubsidyApplication.Status))} = {{0}}, {A(nameof(SubsidyApplication.ReceiptSeq))} = {{1}}, "
                + $"{A(nameof(SubsidyApplication.ReceiptNumber))} = {{2}}, {A(nameof(SubsidyApplication.SubmittedAt))} = {{3}}, "
                + $"{A(nameof(SubsidyApplication.HeldYen))} = {{4}}, {A(nameof(SubsidyApplication.Version))} = {{5}} "
                + $"WHERE {A(nameof(SubsidyApplication.Id))} = {{6}} AND {A(nameof(SubsidyApplication.Status))} = {{7}} AND {A(nameof(SubsidyApplication.ReceiptNumber))} IS NULL");
    }
}
