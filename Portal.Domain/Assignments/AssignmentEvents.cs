using Portal.Domain.Common;

namespace Portal.Domain.Assignments;

/// <summary>An assignment was registered or changed (its terms, its budget lines' requisitions). Id only.</summary>
[EventName("assignment.changed")]
public sealed record AssignmentChanged(Guid AssignmentId) : IDomainEvent;

/// <summary>An activity was planned or changed (terms, progress, links). Ids only.</summary>
[EventName("activity.changed")]
public sealed record ActivityChanged(Guid ActivityId, Guid? AssignmentId) : IDomainEvent;
