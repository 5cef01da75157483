namespace Portal.Web.Resources;

// Marker types for IStringLocalizer<T>: one resource pair per area (Name.resx is Swedish, the
// default; Name.en.resx is English). Add entries with tools/resx.py.

public sealed class SharedText;

public sealed class ErrorText;

public sealed class TermText;

public sealed class AccountText;

public sealed class DirectoryText;

public sealed class WorkspaceText;

public sealed class AdministrationText;

public sealed class DiscussionText;
public sealed class NotificationUiText;

public sealed class DocumentText;

/// <summary>MudBlazor's built-in texts, under MudBlazor's own keys (<c>MudInput_Clear</c>).</summary>
public sealed class MudBlazorText;

public sealed class DocumentWriteText;
/// <summary>Who has read a document (the acknowledgements page).</summary>
public sealed class DocumentReadText;

/// <summary>The meeting's agenda, minutes, action items and training participants (the minutes part).</summary>
public sealed class MeetingMinutesText;

/// <summary>Method-support requests: statuses, urgencies, channels, the figures' words, the personal-data warnings.</summary>
public sealed class SupportText;
