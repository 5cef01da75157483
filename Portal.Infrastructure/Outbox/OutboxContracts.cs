using System.Reflection;

namespace Portal.Infrastructure.Outbox;

/// <summary>A side effect that must happen because of a change (an e-mail, a digest entry, a
/// notification to many members, later a webhook). Written to the outbox in the same transaction as
/// the change with <c>db.Enqueue(message, now)</c>, delivered afterwards by the dispatcher, at least
/// once. Every message type carries a stable <see cref="OutboxMessageAttribute"/> name.</summary>
public interface IOutboxMessage;

/// <summary>The stable name under which a message type is stored (never the CLR name, so that a
/// renamed class or namespace still reads the rows already written). Never reuse or rename one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutboxMessageAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string NameOf(Type type) =>
        type.GetCustomAttribute<OutboxMessageAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} needs an [OutboxMessage(\"…\")] name.");
}

/// <summary>Delivers one kind of outbox message. Must be idempotent: after a crash between the
/// effect and the dispatcher's bookkeeping the same message (same <see cref="OutboxDelivery.MessageId"/>)
/// comes again. Throwing means "try again later".</summary>
public interface IOutboxHandler<in TMessage> where TMessage : IOutboxMessage
{
    Task HandleAsync(TMessage message, OutboxDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>Which outbox row is being delivered and how many times it has been tried before.</summary>
public sealed record OutboxDelivery(Guid MessageId, int Attempt, DateTimeOffset EnqueuedAt);
