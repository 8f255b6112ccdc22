using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Partnership.Infrastructure.Data;

/// <summary>
/// A SQLite connection that keeps the statements it has prepared, by their text, for the next command with the same
/// text (docs/adr/0057-sqlite-prepared-statement-cache.md). Microsoft.Data.Sqlite prepares every new command anew and
/// finalizes its statements when the command is disposed, and EF Core creates and disposes a command for every query
/// it runs, so the same statements were prepared again on every request (the share it cost is in docs/benchmarks.md).
/// The commands this connection hands out (<see cref="DbConnection.CreateCommand"/>, which EF Core uses) borrow a
/// prepared <see cref="SqliteCommand"/> for the text when they execute and give it back when they are disposed.
/// Statements are reset when their reader is disposed, so a kept statement holds no read snapshot; closing the
/// connection disposes them all. Used by one context at a time, as every connection is: not thread-safe.
/// </summary>
public sealed class StatementCachingSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>How many distinct statements one connection keeps; past it, the least recently returned one goes.</summary>
    internal const int Capacity = 48;

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();

    /// <summary>How many prepared statements are kept now (for the tests).</summary>
    internal int KeptCount => _idle.Count;

    // As Microsoft.Data.Sqlite's own commands start: the connection's default timeout and its open transaction.
    protected override DbCommand CreateDbCommand() => new BorrowingCommand(this) { CommandTimeout = DefaultTimeout, Transaction = Transaction };

    // Disposing the connection closes it (SqliteConnection.Dispose calls Close), so this covers both.
    public override void Close()
    {
        DisposeKept();
        base.Close();
    }

    /// <summary>The kept command for the text, or a new one (which prepares on its first execution).</summary>
    private SqliteCommand Borrow(string commandText)
    {
        if (_idle.Remove(commandText, out var node))
        {
            _recent.Remove(node);
            return node.Value;
        }
        var command = CreateCommand();
        command.CommandText = commandText;
        return command;
    }

    /// <summary>Keeps a command whose reader (if any) is closed, while the connection is open; otherwise disposes it.</summary>
    private void GiveBack(SqliteCommand command, DbDataReader? reader)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (State != ConnectionState.Open || reader is { IsClosed: false } || _idle.ContainsKey(command.CommandText))
        {
            command.Dispose();
            return;
        }
        if (_idle.Count >= Capacity)
        {
            var oldest = _recent.Last!;
            _recent.RemoveLast();
            _idle.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }
        _idle[command.CommandText] = _recent.AddFirst(command);
    }

    private void DisposeKept()
    {
        foreach (var command in _recent)
        {
            command.Dispose();
        }
        _recent.Clear();
        _idle.Clear();
    }

    /// <summary>Microsoft.Data.Sqlite's parameter collection, on its own (its constructor is protected).</summary>
    private sealed class ParameterList : SqliteParameterCollection;

    /// <summary>
    /// What EF Core (and any other caller of <see cref="DbConnection.CreateCommand"/>) gets: its text, parameters and
    /// transaction are its own until it executes; then it borrows the connection's prepared command for that text,
    /// hands it the parameters and the transaction, and gives it back when it is disposed.
    /// </summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The text is the caller's, as with any DbCommand.")]
    private sealed class BorrowingCommand(StatementCachingSqliteConnection connection) : DbCommand
    {
        private readonly ParameterList _parameters = new();
        private SqliteCommand? _borrowed;
        private DbDataReader? _reader;
        private string _commandText = string.Empty;

        [AllowNull]
        public override string CommandText
        {
            get => _commandText;
            set => _commandText = value ?? string.Empty;
        }

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set
            {
                if (value != CommandType.Text)
                {
                    throw new ArgumentException("SQLite runs text commands only.", nameof(value));
                }
            }
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set
            {
                if (value != connection)
                {
                    throw new InvalidOperationException("This command belongs to the connection that created it.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => _parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel() => _borrowed?.Cancel();

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        public override int ExecuteNonQuery()
        {
            try
            {
                return Borrow().ExecuteNonQuery();
            }
            finally
            {
                GiveBack();
            }
        }

        public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await Borrow().ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                GiveBack();
            }
        }

        public override object? ExecuteScalar()
        {
            try
            {
                return Borrow().ExecuteScalar();
            }
            finally
            {
                GiveBack();
            }
        }

        public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await Borrow().ExecuteScalarAsync(cancellationToken);
            }
            finally
            {
                GiveBack();
            }
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            var command = Borrow();
            try
            {
                return _reader = command.ExecuteReader(behavior);
            }
            catch
            {
                GiveBack();
                throw;
            }
        }

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        {
            var command = Borrow();
            try
            {
                return _reader = await command.ExecuteReaderAsync(behavior, cancellationToken);
            }
            catch
            {
                GiveBack();
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                GiveBack();
            }
            base.Dispose(disposing);
        }

        private SqliteCommand Borrow()
        {
            // A command executed again before it was disposed gives back what it borrowed first.
            GiveBack();
            var command = connection.Borrow(_commandText);
            command.Transaction = (SqliteTransaction?)DbTransaction;
            command.CommandTimeout = CommandTimeout;
            foreach (SqliteParameter parameter in _parameters)
            {
                command.Parameters.Add(parameter);
            }
            _borrowed = command;
            return command;
        }

        private void GiveBack()
        {
            if (_borrowed is { } command)
            {
                _borrowed = null;
                connection.GiveBack(command, _reader);
                _reader = null;
            }
        }
    }
}
