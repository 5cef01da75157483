namespace Portal.Web.Features.Meetings;

/// <summary>The meeting pages' addresses, in one place.</summary>
public static class MeetingLinks
{
    public static string New(Guid workspaceId) => $"/meetings/new?workspace={workspaceId}";

    public static string Page(Guid meetingId, Guid? occurrenceId = null) =>
        occurrenceId is { } occurrence ? $"/meetings/{meetingId}?occurrence={occurrence}" : $"/meetings/{meetingId}";

    public static string Edit(Guid meetingId, Guid? occurrenceId, string scope) =>
        occurrenceId is { } occurrence ? $"/meetings/{meetingId}/edit?occurrence={occurrence}&scope={scope}" : $"/meetings/{meetingId}/edit?scope={scope}";

    /// <summary>M2's download of the meeting's calendar file.</summary>
    public static string Calendar(Guid meetingId) => $"/meetings/{meetingId}/calendar.ics";
}
