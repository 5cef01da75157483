using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Outbox;

namespace Portal.Tests.Infrastructure.Outbox;

public sealed class OutboxRegistrationTests
{
    public sealed record Unnamed : IOutboxMessage;

    [OutboxMessage("test.greeting")]
    public sealed record GreetingTwin(string Text) : IOutboxMessage;

    private sealed class AnyHandler<T> : IOutboxHandler<T> where T : IOutboxMessage
    {
        public Task HandleAsync(T message, OutboxDelivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public void Message_type_without_a_stable_name_is_refused_at_registration()
    {
        var services = new ServiceCollection();
        Should.Throw<InvalidOperationException>(() => services.AddOutboxHandler<Unnamed, AnyHandler<Unnamed>>())
            .Message.ShouldContain("[OutboxMessage");
    }

    [Fact]
    public void Two_message_types_with_one_name_are_refused_at_registration()
    {
        var services = new ServiceCollection();
        services.AddOutboxHandler<Greeting, AnyHandler<Greeting>>();
        Should.Throw<InvalidOperationException>(() => services.AddOutboxHandler<GreetingTwin, AnyHandler<GreetingTwin>>())
            .Message.ShouldContain("test.greeting");
    }

    [Fact]
    public void Second_handler_for_one_message_type_is_refused_at_registration()
    {
        var services = new ServiceCollection();
        services.AddOutboxHandler<Greeting, AnyHandler<Greeting>>();
        Should.Throw<InvalidOperationException>(() => services.AddOutboxHandler<Greeting, GreetingHandler>());
    }
}
