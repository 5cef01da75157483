namespace Portal.Web.Resources;

/// <summary>Texts of a draft's attached files (DraftFiles): DocumentFileText.resx (sv) and .en.resx.</summary>
public sealed class DocumentFileText;
