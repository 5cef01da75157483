using Portal.Domain.Common;
using Portal.Domain.Directory;

namespace Portal.Domain.Assignments;

/// <summary>An activity of the coordinator's plan for a year — a network, a training, method support, a
/// campaign, a study, guidance — with its owner, the assignment and parts it serves, its planned span, status
/// and cost, and links to what it produced (meetings, documents, method-support requests, threads).</summary>
public sealed class PlannedActivity : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MaxLinks = 200;
    public const decimal MaxCost = GovernmentAssignment.MaxAmount;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private readonly List<ActivityLink> _links = [];
    private List<Guid> _partIds = [];
    private List<ExploitationForm> _exploitationForms = [];

    private PlannedActivity() { }

    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public ActivityKind Kind { get; private set; }
    public Guid OwnerId { get; private set; }
    public Guid? AssignmentId { get; private set; }
    /// <summary>The parts of <see cref="AssignmentId"/> the activity serves.</summary>
    public IReadOnlyList<Guid> PartIds => _partIds.AsReadOnly();
    public Guid? WorkspaceId { get; private set; }
    public DateOnly PlannedStart { get; private set; }
    public DateOnly PlannedEnd { get; private set; }
    public ActivityStatus Status { get; private set; }
    public decimal PlannedCost { get; private set; }
    public decimal SpentCost { get; private set; }
    public IReadOnlyList<ExploitationForm> ExploitationForms => _exploitationForms.AsReadOnly();
    /// <summary>Set (and locked on) when the assignment has the child-rights requirement; else the planner's choice.</summary>
    public bool ChildRights { get; private set; }
    public IReadOnlyCollection<ActivityLink> Links => _links.AsReadOnly();

    public bool IsOwner(Guid memberId) => OwnerId == memberId;

    /// <summary>Plans an activity, under <paramref name="assignment"/> if given (its child-rights requirement is inherited).</summary>
    public static PlannedActivity Plan(ActivityTerms terms, GovernmentAssignment? assignment, DateTimeOffset now)
    {
        var activity = new PlannedActivity { Id = Guid.CreateVersion7(now) };
        activity.Apply(terms, assignment, moved: true);
        return activity;
    }

    /// <summary>Changes every term. Moving it to another assignment (or under one) inherits that assignment's
    /// child-rights requirement; under the same assignment the requirement cannot be switched off.</summary>
    public void Change(ActivityTerms terms, GovernmentAssignment? assignment) =>
        Apply(terms, assignment, moved: assignment?.Id != AssignmentId);

    private void Apply(ActivityTerms terms, GovernmentAssignment? assignment, bool moved)
    {
        if (terms.OwnerId is not { } ownerId || ownerId == Guid.Empty)
            throw new DomainRuleException("activity.owner-required", "owner");
        var title = Guard.RequiredText(terms.Title, TitleMaxLength, "activity.title");
        var description = Guard.OptionalText(terms.Description, DescriptionMaxLength, "activity.description");
        if (!Enum.IsDefined(terms.Kind))
            throw new DomainRuleException("activity.kind.invalid", "kind");
        if (terms.Year is < MinYear or > MaxYear)
            throw new DomainRuleException("activity.year.invalid", "year");
        if (terms.PlannedEnd < terms.PlannedStart)
            throw new DomainRuleException("activity.period.end-before-start", "plannedEnd");
        // The span must reach into the plan's year (it may begin the year before or end the year after).
        if (terms.PlannedStart.Year > terms.Year || terms.PlannedEnd.Year < terms.Year)
            throw new DomainRuleException("activity.period.outside-year", "plannedStart");
        CheckProgress(terms.Status, terms.SpentCost);
        if (terms.PlannedCost < 0 || terms.PlannedCost > MaxCost)
            throw new DomainRuleException("activity.cost.invalid", "plannedCost");
        if (terms.ExploitationForms.Any(f => !Enum.IsDefined(f)))
            throw new DomainRuleException("activity.forms.invalid", "forms");
        var partIds = terms.PartIds.Distinct().ToList();
        if (partIds.Count > 0 && (assignment is null || partIds.Any(p => !assignment.HasPart(p))))
            throw new DomainRuleException("activity.part.not-in-assignment", "parts");
        var inherited = assignment?.ChildRights == true;
        if (inherited && !moved && ChildRights && !terms.ChildRights)
            throw new DomainRuleException("activity.child-rights.inherited", "childRights");

        Year = terms.Year;
        Title = title;
        Description = description;
        Kind = terms.Kind;
        OwnerId = ownerId;
        AssignmentId = assignment?.Id;
        _partIds = partIds;
        WorkspaceId = terms.WorkspaceId;
        PlannedStart = terms.PlannedStart;
        PlannedEnd = terms.PlannedEnd;
        Status = terms.Status;
        PlannedCost = terms.PlannedCost;
        SpentCost = terms.SpentCost;
        _exploitationForms = terms.ExploitationForms.Distinct().Order().ToList();
        ChildRights = inherited || terms.ChildRights;
        Changed();
    }

    /// <summary>Its assignment took on the child-rights requirement: the activity inherits it.</summary>
    public void InheritChildRights()
    {
        if (ChildRights)
            return;
        ChildRights = true;
        Changed();
    }

    /// <summary>The owner's (or the secretariat's) progress report: status and the cost spent so far.</summary>
    public void UpdateProgress(ActivityStatus status, decimal spentCost)
    {
        CheckProgress(status, spentCost);
        Status = status;
        SpentCost = spentCost;
        Changed();
    }

    private static void CheckProgress(ActivityStatus status, decimal spentCost)
    {
        if (!Enum.IsDefined(status))
            throw new DomainRuleException("activity.status.invalid", "status");
        if (spentCost < 0 || spentCost > MaxCost)
            throw new DomainRuleException("activity.cost.invalid", "spentCost");
    }

    /// <summary>Links what the activity produced. Whether the linking member may see the target is the use
    /// case's check. Linking the same target twice changes nothing.</summary>
    public bool Link(ActivityLinkKind kind, Guid targetId, Guid by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("activity.link.kind-invalid", "link");
        if (targetId == Guid.Empty)
            throw new DomainRuleException("activity.link.target-required", "link");
        if (_links.Any(l => l.Kind == kind && l.TargetId == targetId))
            return false;
        if (_links.Count >= MaxLinks)
            throw new DomainRuleException("activity.links.too-many", "link");
        _links.Add(new ActivityLink(Id, kind, targetId, by, now));
        Changed();
        return true;
    }

    public bool Unlink(ActivityLinkKind kind, Guid targetId)
    {
        if (_links.RemoveAll(l => l.Kind == kind && l.TargetId == targetId) == 0)
            return false;
        Changed();
        return true;
    }

    private void Changed()
    {
        Touch();
        if (!DomainEvents.OfType<ActivityChanged>().Any())
            Raise(new ActivityChanged(Id, AssignmentId));
    }
}

/// <summary>What an activity produced: a meeting or training, a document, a method-support request, a thread.</summary>
public sealed class ActivityLink
{
    private ActivityLink() { }

    internal ActivityLink(Guid activityId, ActivityLinkKind kind, Guid targetId, Guid by, DateTimeOffset at)
    {
        ActivityId = activityId;
        Kind = kind;
        TargetId = targetId;
        LinkedBy = by;
        LinkedAt = at;
    }

    public Guid ActivityId { get; private set; }
    public ActivityLinkKind Kind { get; private set; }
    public Guid TargetId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
    public Guid LinkedBy { get; private set; }
}
