using System.Reflection;

namespace Portal.Domain.Common;

/// <summary>The stable name under which an event crosses nodes (never the CLR name, so that a
/// renamed class or namespace does not break a rolling upgrade). Never reuse or rename one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string? Of(Type type) => type.GetCustomAttribute<EventNameAttribute>()?.Name;
}
