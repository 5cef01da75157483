using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;

namespace Portal.Web.Features.Documents;

/// <summary>The library's filters and sort as they live in the query string, so that a link, a reload or
/// the browser's back button brings the same list back.</summary>
public sealed record DocumentLibraryAddress(DocumentFilter Filter, DocumentSort Sort)
{
    public const string PortalWide = "portal";

    public static DocumentLibraryAddress Default { get; } = new(DocumentFilter.None, DocumentSort.Title);

    /// <summary>Reads the filters from a URI; unknown or malformed values are ignored, not errors.</summary>
    public static DocumentLibraryAddress FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
        var place = Get("place");
        return new DocumentLibraryAddress(
            new DocumentFilter(
                ParseEnum<DocumentType>(Get("type")),
                ParseEnum<ExploitationForm>(Get("form")),
                ParseEnum<DocumentAudience>(Get("audience")),
                Guid.TryParse(Get("org"), out var organisationId) ? organisationId : null,
                Guid.TryParse(place, out var workspaceId) && workspaceId != Guid.Empty ? workspaceId : null,
                PortalWideOnly: string.Equals(place, PortalWide, StringComparison.OrdinalIgnoreCase)),
            ParseEnum<DocumentSort>(Get("sort")) ?? DocumentSort.Title);
    }

    /// <summary>The URI of this list on the current page, leaving out what is not set.</summary>
    public string ToUri(NavigationManager navigation) =>
        navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["type"] = Filter.Type?.ToString(),
            ["form"] = Filter.Form?.ToString(),
            ["audience"] = Filter.Audience?.ToString(),
            ["org"] = Filter.OrganisationId,
            ["place"] = Filter.PortalWideOnly ? PortalWide : Filter.WorkspaceId?.ToString(),
            ["sort"] = Sort == DocumentSort.Title ? null : Sort.ToString(),
        });

    private static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum =>
        // Names only: a number such as "99" parses as an enum but names nothing.
        value is not null && !char.IsAsciiDigit(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed)
            ? parsed : null;
}
