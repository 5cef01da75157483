using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.WriteLimits;

/// <summary>At most <see cref="Limit"/> writes of one kind by one member within <see cref="Window"/>.</summary>
public sealed record WriteLimit(int Limit, TimeSpan Window);

/// <summary>A kind of write a feature registers with its default limit (<c>services.AddWriteLimit</c>).
/// The kind is a stable string: it names the setting <c>Portal:RateLimits:Writes:{kind}</c> and the
/// refusal <c>{kind}.rate-limited</c> (a text in ErrorText).</summary>
public sealed record WriteKindDefinition(string Kind, WriteLimit Default);

/// <summary>One setting under <c>Portal:RateLimits:Writes:{kind}</c>; what is left out keeps the default.</summary>
public sealed class WriteLimitSetting
{
    public int? Limit { get; set; }

    public TimeSpan? Window { get; set; }
}

/// <summary>The configured overrides of the registered defaults, by kind.</summary>
public sealed class WriteLimitSettings
{
    public Dictionary<string, WriteLimitSetting> Writes { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One write to count: its kind, how much it counts, and the input the refusal belongs beside.</summary>
public readonly record struct CountedWrite(string Kind, int Count = 1, string? Field = null);

/// <summary>The write limits of every write path, counted in the database so that they hold across
/// nodes and across a member's parallel connections (ADR 0019). Count-and-insert runs in the
/// transaction that saves the write, behind a per-member lock: PostgreSQL's transaction-scoped advisory
/// lock, SQLite's one write lock (its transactions begin IMMEDIATE). Two parallel writes of one member
/// therefore count one after the other, and the one that would pass the limit is refused.</summary>
public sealed class WriteLimiter
{
    /// <summary>The first key of PostgreSQL's two-key advisory locks that this class takes ("WRIT").</summary>
    private const int LockSpace = 0x57524954;

    private readonly Dictionary<string, WriteLimit> _limits;
    private readonly TimeSpan _longestWindow;

    public WriteLimiter(IEnumerable<WriteKindDefinition> kinds, WriteLimitSettings settings)
    {
        _limits = new Dictionary<string, WriteLimit>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            // Whatever the settings' own comparer, a kind's setting is found as the check below finds it.
            var setting = settings.Writes.FirstOrDefault(s => string.Equals(s.Key, kind.Kind, StringComparison.OrdinalIgnoreCase)).Value;
            var limit = new WriteLimit(setting?.Limit ?? kind.Default.Limit, setting?.Window ?? kind.Default.Window);
            if (limit.Limit < 0 || limit.Window <= TimeSpan.Zero)
                throw new InvalidOperationException($"Portal:RateLimits:Writes:{kind.Kind} needs a Limit of 0 or more and a positive Window.");
            _limits[kind.Kind] = limit;
        }
        var unknown = settings.Writes.Keys.Where(k => !_limits.Keys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Portal:RateLimits:Writes names kinds that do not exist: {string.Join(", ", unknown)}. Known: {string.Join(", ", _limits.Keys.Order())}.");
        _longestWindow = _limits.Values.Select(l => l.Window).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    /// <summary>The limit in force for a registered kind.</summary>
    public WriteLimit For(string kind) =>
        _limits.TryGetValue(kind, out var limit) ? limit : throw new InvalidOperationException($"No write limit is registered for '{kind}'.");

    /// <summary>Saves the unit of work's changes together with the counted writes, in one transaction,
    /// or refuses with <c>{kind}.rate-limited</c> and saves nothing. Use instead of SaveChangesAsync.</summary>
    public async Task SaveAsync(PortalDbContext db, Guid memberId, DateTimeOffset now, IReadOnlyCollection<CountedWrite> writes,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CountAsync(db, memberId, now, writes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Within the caller's open transaction (which must save and commit afterwards): waits for
    /// the member's lock, refuses with <c>{kind}.rate-limited</c> when a write would pass its limit, and
    /// otherwise adds the writes to the unit of work. Call it right before saving, so that the lock is
    /// held only while the write is saved.</summary>
    public async Task CountAsync(PortalDbContext db, Guid memberId, DateTimeOffset now, IReadOnlyCollection<CountedWrite> writes,
        CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Writes are counted inside the transaction that saves them.");
        var counted = writes.Where(w => w.Count > 0).ToList();
        if (counted.Count == 0)
            return;
        await LockAsync(db, memberId, cancellationToken);
        // The first statement writes, so SQLite holds its write lock from here on whatever the transaction mode.
        var expired = now - _longestWindow;
        await db.RecentWrites.Where(w => w.MemberId == memberId && w.WrittenAt < expired).ExecuteDeleteAsync(cancellationToken);
        foreach (var group in counted.GroupBy(w => w.Kind))
        {
            var limit = For(group.Key);
            var since = now - limit.Window;
            var recent = await db.RecentWrites
                .Where(w => w.MemberId == memberId && w.Kind == group.Key && w.WrittenAt > since)
                .SumAsync(w => w.Count, cancellationToken);
            if (recent + group.Sum(w => w.Count) > limit.Limit)
                throw new DomainRuleException(RefusalCode(group.Key), group.Select(w => w.Field).FirstOrDefault(f => f is not null));
        }
        foreach (var group in counted.GroupBy(w => w.Kind))
            db.RecentWrites.Add(new RecentWrite(memberId, group.Key, group.Sum(w => w.Count), now));
    }

    public static string RefusalCode(string kind) => $"{kind}.rate-limited";

    private static async Task LockAsync(PortalDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        if (db is not PostgresPortalDbContext)
            return;
        // Released by the commit or rollback. Two members sharing a hash only wait for each other.
        var key = LockKey(memberId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {key})", cancellationToken);
    }

    /// <summary>The same on every node (unlike a string's hash code).</summary>
    private static int LockKey(Guid memberId)
    {
        var bytes = memberId.ToByteArray();
        return BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
    }
}

public static class WriteLimitRegistration
{
    /// <summary>Registers a kind of write with its default limit; <c>Portal:RateLimits:Writes:{kind}</c>
    /// overrides it. Use cases then save through <see cref="WriteLimiter"/>.</summary>
    public static IServiceCollection AddWriteLimit(this IServiceCollection services, string kind, int limit, TimeSpan window)
    {
        services.TryAddSingleton(new WriteLimitSettings());
        services.TryAddSingleton<WriteLimiter>();
        services.AddSingleton(new WriteKindDefinition(kind, new WriteLimit(limit, window)));
        return services;
    }
}
