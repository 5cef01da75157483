namespace Portal.Domain.Assignments;

/// <summary>Marks that a deadline's notice went out, so each is sent once: one mark for "it is near" and one for
/// "it has passed", per deadline and due date. A deadline that is moved has a new date and is announced again;
/// a budget line's requisition is told apart from the assignment's other deadlines by the line's id.</summary>
public sealed class AssignmentDeadlineNotice
{
    /// <summary>The deadlines that are announced, as stored (and as the key of their wording).</summary>
    public const string Requisition = "requisition";
    public const string Repayment = "repayment";
    public const string Report = "report";
    public const string ActivityEnd = "activity-end";

    public const int DeadlineMaxLength = 20;

    private AssignmentDeadlineNotice() { }

    /// <param name="subjectId">the assignment's id, or the activity's for its end date</param>
    /// <param name="itemId">the budget line's id for a requisition, else the subject's id</param>
    public AssignmentDeadlineNotice(Guid subjectId, Guid itemId, string deadline, DateOnly due, bool overdue, DateTimeOffset sentAt)
    {
        SubjectId = subjectId;
        ItemId = itemId;
        Deadline = deadline;
        Due = due;
        Overdue = overdue;
        SentAt = sentAt;
    }

    public Guid SubjectId { get; private set; }
    public Guid ItemId { get; private set; }
    public string Deadline { get; private set; } = "";
    public DateOnly Due { get; private set; }
    public bool Overdue { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
