namespace Portal.Web.Resources;

/// <summary>Meetings' shared labels (kinds, answers, recurrence words, change scopes), used by every meetings
/// page and mail: MeetingText.resx (sv) and .en.resx. Owned by the meetings core; the pages' own texts live
/// in MeetingPageText, MeetingCalendarText and MeetingMinutesText.</summary>
public sealed class MeetingText;
