using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Partnership.Core.Audit;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// Audit entries as multi-row INSERT statements, written once per database provider from the model's table and
/// column names and the provider's quoting; each value goes through the column's own converter, then as a
/// parameter. The audit log writes its entries this way instead of a second SaveChanges, which on a small save
/// cost more than the save itself (docs/adr/0055-audit-entries-by-one-insert.md). Standard SQL on SQLite,
/// SQL Server and PostgreSQL; a hundred rows (seven hundred parameters) per statement keeps under SQL Server's
/// limit of 2,100 parameters and 1,000 rows.
/// </summary>
internal sealed class AuditInsert
{
    public const int RowsPerStatement = 100;

    // One model per provider in a process (the provider's name would be looked up from its assembly on each call).
    private static readonly ConditionalWeakTable<IModel, AuditInsert> ByModel = [];

    private readonly string _prefix;
    private readonly IClrPropertyGetter[] _getters;
    private readonly ValueConverter?[] _converters;

    private AuditInsert(string prefix, IProperty[] columns)
    {
        _prefix = prefix;
        _getters = [.. columns.Select(c => c.GetGetter())];
        _converters = [.. columns.Select(c => c.GetTypeMapping().Converter)];
    }

    /// <summary>The statements and their arguments for <paramref name="entries"/>, in order.</summary>
    public static IEnumerable<(string Sql, object[] Arguments)> For(DbContext context, IEnumerable<AuditEntry> entries)
    {
        var insert = ByModel.GetValue(context.Model, _ => Build(context));
        return entries.Chunk(RowsPerStatement).Select(insert.Statement);
    }

    private static AuditInsert Build(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var type = context.Model.FindEntityType(typeof(AuditEntry))!;
        IProperty[] columns =
        [
            .. new[]
            {
                nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.IpAddress), nameof(AuditEntry.Action),
                nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.Changes),
            }.Select(name => type.FindProperty(name)!),
        ];
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema())} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) VALUES ";
        return new AuditInsert(prefix, columns);
    }

    private (string Sql, object[] Arguments) Statement(AuditEntry[] rows)
    {
        var width = _getters.Length;
        var text = new StringBuilder(_prefix, _prefix.Length + rows.Length * width * 6);
        var arguments = new object[rows.Length * width];
        for (var r = 0; r < rows.Length; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                var n = r * width + c;
                text.Append(c == 0 ? "{" : ", {").Append(n).Append('}');
                var value = _getters[c].GetClrValue(rows[r]);
                arguments[n] = (value is null ? null : _converters[c] is { } converter ? converter.ConvertToProvider(value) : value)!;
            }
            text.Append(')');
        }
        return (text.ToString(), arguments);
    }
}
