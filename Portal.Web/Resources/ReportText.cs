namespace Portal.Web.Resources;

/// <summary>The report pages' texts and the words of the exported report (keys "Export.*"): ReportText.resx (sv)
/// and .en.resx.</summary>
public sealed class ReportText;
