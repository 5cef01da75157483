using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Bench.Data;

/// <summary>Writes generated entities in bulk, by the product's own EF model: the model names each
/// entity's table and columns, and each column's type mapping makes the parameter (with the model's
/// value conversions: UTC ticks on SQLite, enums as text, lists as JSON or arrays), so the rows are
/// exactly what EF would have written. Multi-row INSERTs in one transaction per batch instead of EF's
/// change tracker, which was most of the time. What an entity owns through a collection navigation (a
/// workspace's memberships, a thread's workspace links, a post's reactions and revisions, an
/// organisation's tenants) is written with it. Tables are written in the order they were first met, so a
/// parent's table always comes before its children's. Domain events raised while building the rows are
/// dropped: generated history has no one to tell.</summary>
public sealed class BenchWriter(PortalDbContext db) : IAsyncDisposable
{
    public const int BatchRows = 20_000;
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 1_000;

    private sealed class Table(IEntityType type, string insertPrefix, IReadOnlyList<IProperty> columns)
    {
        public IEntityType Type { get; } = type;
        public string Name { get; } = type.GetTableName()!;
        public string InsertPrefix { get; } = insertPrefix;
        public IReadOnlyList<IProperty> Columns { get; } = columns;
        public List<object> Pending { get; } = [];
        public long Written { get; set; }
        /// <summary>INSERT statements by row count.</summary>
        public Dictionary<int, string> Statements { get; } = [];
    }

    private readonly Dictionary<Type, Table> _tables = [];
    private readonly List<Table> _order = [];
    private int _pending;

    /// <summary>Rows written so far, by table.</summary>
    public IReadOnlyDictionary<string, long> Rows =>
        _order.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.Sum(t => t.Written), StringComparer.Ordinal);

    public TimeSpan SaveTime { get; private set; }

    public async Task AddAsync(object entity, CancellationToken cancellationToken)
    {
        Enqueue(entity);
        if (_pending >= BatchRows)
            await FlushAsync(cancellationToken);
    }

    private void Enqueue(object entity)
    {
        if (entity is Entity withEvents)
            withEvents.ClearDomainEvents();
        var table = TableOf(entity.GetType());
        table.Pending.Add(entity);
        _pending++;
        foreach (var navigation in table.Type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent))
            if (navigation.GetGetter().GetClrValue(entity) is IEnumerable children)
                foreach (var child in children)
                    Enqueue(child);
    }

    private Table TableOf(Type clrType)
    {
        if (_tables.TryGetValue(clrType, out var table))
            return table;
        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // Not written: keys the database generates (search_entries' identity) and computed columns.
        var columns = type.GetProperties()
            .Where(p => p.GetComputedColumnSql() is null && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{type.DisplayName()}.{shadow.Name} is a shadow property; the bench writer reads CLR values only.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(store)!)))}) VALUES ";
        table = new Table(type, prefix, columns);
        _tables[clrType] = table;
        _order.Add(table);
        return table;
    }

    /// <summary>The tables in the order first met, except that a table whose rows point at another's (a
    /// meeting's action items at its occurrences, met first through the meeting's navigations) comes after it.</summary>
    private List<Table> InDependencyOrder()
    {
        var ordered = new List<Table>();
        var placed = new HashSet<Table>();
        void Place(Table table, HashSet<Table> visiting)
        {
            if (placed.Contains(table) || !visiting.Add(table))
                return;
            foreach (var principal in table.Type.GetForeignKeys().Select(k => k.PrincipalEntityType.ClrType))
                if (_tables.TryGetValue(principal, out var parent) && parent != table)
                    Place(parent, visiting);
            placed.Add(table);
            ordered.Add(table);
        }
        foreach (var table in _order)
            Place(table, []);
        return ordered;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending == 0)
            return;
        var started = Stopwatch.GetTimestamp();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        foreach (var table in InDependencyOrder().Where(t => t.Pending.Count > 0))
        {
            if (db.Database.IsSqlite())
                await InsertOneByOneAsync(connection, transaction.GetDbTransaction(), table, cancellationToken);
            else
                await InsertManyAtOnceAsync(connection, transaction.GetDbTransaction(), table, cancellationToken);
            table.Written += table.Pending.Count;
            table.Pending.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        _pending = 0;
        SaveTime += Stopwatch.GetElapsedTime(started);
    }

    /// <summary>SQLite: one prepared single-row INSERT per table, its parameters given new values for each
    /// row — the fastest way into SQLite (it binds parameters by name, so a statement with thousands of
    /// them spends its time looking them up).</summary>
    private static async Task InsertOneByOneAsync(DbConnection connection, DbTransaction transaction, Table table,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert(table, 1);
        AddParameters(command, table, table.Pending[0], 0);
        await command.PrepareAsync(cancellationToken);
        for (var r = 0; r < table.Pending.Count; r++)
        {
            if (r > 0)
                for (var c = 0; c < table.Columns.Count; c++)
                    command.Parameters[c].Value = ProviderValue(table.Columns[c], table.Pending[r]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>PostgreSQL: multi-row INSERTs of up to a thousand rows, one round trip each.</summary>
    private static async Task InsertManyAtOnceAsync(DbConnection connection, DbTransaction transaction, Table table,
        CancellationToken cancellationToken)
    {
        var perStatement = Math.Min(MaxRowsPerStatement, MaxParameters / table.Columns.Count);
        for (var from = 0; from < table.Pending.Count; from += perStatement)
        {
            var rows = Math.Min(perStatement, table.Pending.Count - from);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert(table, rows);
            for (var r = 0; r < rows; r++)
                AddParameters(command, table, table.Pending[from + r], r);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object ProviderValue(IProperty property, object entity)
    {
        var value = property.GetGetter().GetClrValue(entity);
        if (value is not null && property.GetRelationalTypeMapping().Converter is { } converter)
            value = converter.ConvertToProvider(value);
        return value ?? DBNull.Value;
    }

    private static string Insert(Table table, int rows)
    {
        if (table.Statements.TryGetValue(rows, out var text))
            return text;
        var builder = new StringBuilder(table.InsertPrefix);
        for (var r = 0; r < rows; r++)
        {
            builder.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
                builder.Append(c == 0 ? "" : ", ").Append("@p").Append(r).Append('_').Append(c);
            builder.Append(')');
        }
        return table.Statements[rows] = builder.ToString();
    }

    private static void AddParameters(DbCommand command, Table table, object entity, int row)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var property = table.Columns[c];
            var value = property.GetGetter().GetClrValue(entity);
            // The column's own mapping converts the value and types the parameter, as EF's own inserts do.
            command.Parameters.Add(property.GetRelationalTypeMapping()
                .CreateParameter(command, $"p{row}_{c}", value, property.IsNullable));
        }
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
