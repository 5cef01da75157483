namespace Portal.Web.Features.Assignments;

/// <summary>The assignment and plan pages' addresses, in one place.</summary>
public static class AssignmentLinks
{
    public const string List = "/assignments";
    public const string New = "/assignments/new";
    public const string Deadlines = "/assignments/deadlines";
    public const string Plan = "/plan";
    public const string NewActivity = "/plan/activities/new";
    public const string Dashboard = "/coordinator";

    public static string Page(Guid assignmentId) => $"/assignments/{assignmentId}";

    public static string Edit(Guid assignmentId) => $"/assignments/{assignmentId}/edit";

    /// <summary>The report pages are the report part's (G3): the list of an assignment's reports.</summary>
    public static string Reports(Guid assignmentId) => $"/assignments/{assignmentId}/reports";

    public static string Activity(Guid activityId) => $"/plan/activities/{activityId}";

    public static string EditActivity(Guid activityId) => $"/plan/activities/{activityId}/edit";

    public static string NewActivityFor(Guid assignmentId) => $"/plan/activities/new?assignment={assignmentId}";
}
