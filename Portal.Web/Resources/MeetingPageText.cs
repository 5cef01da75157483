namespace Portal.Web.Resources;

/// <summary>Texts of the meeting pages (scheduling form, the meeting page, replies, the workspace's
/// "Meetings" part and the home list): MeetingPageText.resx (sv) and .en.resx. Kinds, answers and
/// recurrence words are shared in MeetingText.</summary>
public sealed class MeetingPageText;
