namespace Portal.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the portal keeps its data. Bound from configuration section "Portal:Database".</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to portal.db in the data folder; for PostgreSQL, required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the portal starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Write the demo organisations, members and workspaces into an empty database.</summary>
    public bool SeedDemoData { get; set; }
}
