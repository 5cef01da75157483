namespace Portal.Web.Resources;

/// <summary>Texts of "My meetings", the calendar views and the feed panel: MeetingCalendarText.resx (sv) and .en.resx.</summary>
public sealed class MeetingCalendarText;
