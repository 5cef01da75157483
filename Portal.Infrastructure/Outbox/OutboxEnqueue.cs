using System.Text.Json;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Outbox;

public static class OutboxEnqueue
{
    /// <summary>Adds the message to the outbox of this unit of work: it is stored by the caller's own
    /// SaveChanges, in the same transaction as the change, and delivered afterwards (not before
    /// <paramref name="notBefore"/> when given). Returns the message id handlers see as
    /// <see cref="OutboxDelivery.MessageId"/>.</summary>
    public static Guid Enqueue(this PortalDbContext db, IOutboxMessage message, DateTimeOffset now, DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        var entry = new OutboxEntry(Guid.NewGuid(), OutboxMessageAttribute.NameOf(type),
            JsonSerializer.Serialize(message, type, OutboxJson.Options), now,
            notBefore is { } later && later > now ? later : now);
        db.Set<OutboxEntry>().Add(entry);
        return entry.Id;
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
