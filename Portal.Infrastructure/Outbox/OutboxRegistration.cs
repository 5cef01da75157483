using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Infrastructure.Outbox;

/// <summary>One message type the dispatcher can deliver: its stable name, its CLR type and how to
/// hand a stored payload to its handler.</summary>
public sealed class OutboxHandlerRegistration
{
    private readonly Func<IServiceProvider, string, OutboxDelivery, CancellationToken, Task> _deliver;

    private OutboxHandlerRegistration(string name, Type messageType, Type handlerType,
        Func<IServiceProvider, string, OutboxDelivery, CancellationToken, Task> deliver)
    {
        Name = name;
        MessageType = messageType;
        HandlerType = handlerType;
        _deliver = deliver;
    }

    public string Name { get; }
    public Type MessageType { get; }
    public Type HandlerType { get; }

    internal Task DeliverAsync(IServiceProvider services, string payload, OutboxDelivery delivery, CancellationToken cancellationToken) =>
        _deliver(services, payload, delivery, cancellationToken);

    internal static OutboxHandlerRegistration For<TMessage, THandler>()
        where TMessage : IOutboxMessage
        where THandler : class, IOutboxHandler<TMessage> =>
        new(OutboxMessageAttribute.NameOf(typeof(TMessage)), typeof(TMessage), typeof(THandler),
            (services, payload, delivery, cancellationToken) =>
            {
                var message = JsonSerializer.Deserialize<TMessage>(payload, OutboxJson.Options)
                    ?? throw new JsonException($"The stored {typeof(TMessage).Name} is empty.");
                return services.GetRequiredService<IOutboxHandler<TMessage>>().HandleAsync(message, delivery, cancellationToken);
            });
}

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Lets the dispatcher deliver <typeparamref name="TMessage"/> to <typeparamref name="THandler"/>
    /// (resolved in a scope of its own per delivery). Fails at once when the message type has no
    /// [OutboxMessage] name, or when the name or the type is already registered.</summary>
    public static IServiceCollection AddOutboxHandler<TMessage, THandler>(this IServiceCollection services)
        where TMessage : IOutboxMessage
        where THandler : class, IOutboxHandler<TMessage>
    {
        var registration = OutboxHandlerRegistration.For<TMessage, THandler>();
        foreach (var existing in services.Where(d => d.ServiceType == typeof(OutboxHandlerRegistration))
                     .Select(d => d.ImplementationInstance).OfType<OutboxHandlerRegistration>())
        {
            if (existing.Name == registration.Name)
                throw new InvalidOperationException(
                    $"The outbox message name \"{registration.Name}\" is used by both {existing.MessageType.Name} and {typeof(TMessage).Name}.");
            if (existing.MessageType == typeof(TMessage))
                throw new InvalidOperationException(
                    $"{typeof(TMessage).Name} already has an outbox handler ({existing.HandlerType.Name}); one message type, one handler.");
        }
        services.AddSingleton(registration);
        services.TryAddScoped<THandler>();
        services.AddScoped<IOutboxHandler<TMessage>>(sp => sp.GetRequiredService<THandler>());
        return services;
    }
}
