namespace Portal.Infrastructure.Features.Assignments;

/// <summary>"Portal:Assignments" when the host binds it.</summary>
public sealed class AssignmentOptions
{
    /// <summary>The national coordinator's organisation: its active members are the coordinator's staff, who
    /// read every assignment and the whole plan. Unset: only the secretariat (the administrators) is staff.</summary>
    public Guid? CoordinatorOrganisationId { get; set; }

    /// <summary>How many days ahead a deadline reaches people (the deadline job and the overview's default).</summary>
    public int DeadlineNoticeDays { get; set; } = 14;
}
