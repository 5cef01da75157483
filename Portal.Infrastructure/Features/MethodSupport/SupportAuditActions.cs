namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>The audit trail's action strings for method support (stable: never rename one). Every read, change,
/// export and erasure of a request writes one, with who, when and from where.</summary>
public static class SupportAuditActions
{
    public const string Submitted = "support.submitted";
    public const string Logged = "support.logged";
    public const string Viewed = "support.viewed";
    /// <summary>The request was shown as a line of a list; the detail names the list.</summary>
    public const string Listed = "support.listed";
    public const string Assigned = "support.assigned";
    public const string Replied = "support.replied";
    public const string Noted = "support.noted";
    public const string Referred = "support.referred";
    public const string SocialServicesConfirmed = "support.social-services-confirmed";
    public const string Closed = "support.closed";
    public const string ViewerAdded = "support.viewer-added";
    public const string ViewerRemoved = "support.viewer-removed";
    public const string Erased = "support.erased";
    public const string FiguresViewed = "support.figures-viewed";
    public const string FiguresExported = "support.figures-exported";
    public const string AuditRead = "support.audit-read";
}
