using System.Globalization;
using Portal.Domain.Directory;
using Portal.Domain.Documents;

namespace Portal.Web.Features.Documents;

/// <summary>What the metadata fields hold while the member types: the review date as the date input's
/// text, so that a half-typed date is kept rather than lost.</summary>
public sealed class DocumentMetadataModel
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public DocumentType Type { get; set; } = DocumentType.Manual;
    public DocumentAudience Audience { get; set; } = DocumentAudience.Both;
    public HashSet<ExploitationForm> Forms { get; } = [];
    public string? ReviewDue { get; set; }

    public static DocumentMetadataModel Starting(DateOnly today) => new() { ReviewDue = Date(today.AddYears(1)) };

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The metadata to send, or null when the review date cannot be read (the form says so beside it).</summary>
    public DocumentMetadata? ToMetadata() =>
        DateOnly.TryParseExact(ReviewDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new(Title, Summary, Type, Audience, Forms.ToList(), due)
            : null;
}
