using System.Diagnostics.Metrics;

namespace Portal.Infrastructure.Events;

/// <summary>The bus's instruments (meter "Portal.EventBus"), tagged with the message's stable name.</summary>
public static class EventBusMetrics
{
    public const string MeterName = "Portal.EventBus";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("portal.eventbus.published",
        description: "Events and live notices published on this node");

    public static readonly Counter<long> Received = Meter.CreateCounter<long>("portal.eventbus.received",
        description: "Events and live notices received from other nodes");

    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("portal.eventbus.failed",
        description: "Failures to send, receive or hand on an event (stage: send, receive, subscriber)");

    internal static KeyValuePair<string, object?> NameTag(object message) =>
        new("name", EventTypes.NameOf(message.GetType()));

    internal static void Fail(object? message, string stage)
    {
        if (message is null)
            Failed.Add(1, new KeyValuePair<string, object?>("stage", stage));
        else
            Failed.Add(1, new KeyValuePair<string, object?>("stage", stage), NameTag(message));
    }
}
