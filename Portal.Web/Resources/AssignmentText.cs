namespace Portal.Web.Resources;

/// <summary>Government assignments, the activity plan, deadlines and the coordinator's dashboard: the pages'
/// texts (AssignmentText.resx, sv, and .en.resx). Owned by the assignment pages.</summary>
public sealed class AssignmentText;
