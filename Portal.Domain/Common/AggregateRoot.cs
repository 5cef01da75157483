namespace Portal.Domain.Common;

/// <summary>An aggregate whose rules span several rows (a workspace's "at least one lead", a
/// document's "every named organisation has approved"). <see cref="Version"/> is the root's
/// concurrency token, configured once for every root by the model: each method that changes a part
/// calls <see cref="Touch"/>, so two changes made from the same snapshot cannot both be saved even
/// when they touch different rows.</summary>
public abstract class AggregateRoot : AuditableEntity
{
    public long Version { get; private set; }

    /// <summary>Marks the aggregate as changed as a whole; call it in every method that changes a
    /// part that a rule of the aggregate looks at.</summary>
    protected void Touch() => Version++;
}
