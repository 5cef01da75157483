namespace Portal.Web.Resources;

/// <summary>The administrators' audit page (/admin/audit) and the duty roster (/support/desk):
/// SupportAuditText.resx (sv) and .en.resx.</summary>
public sealed class SupportAuditText;
