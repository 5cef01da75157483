using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Directory;

namespace Portal.Web.Features.Directory;

/// <summary>The people search as it lives in the query string, so that a link or the browser's
/// back button brings the same search back.</summary>
public sealed record PeopleFilter(
    string? Text = null,
    Guid? OrganisationId = null,
    County? County = null,
    ExploitationForm? Form = null,
    string? Language = null,
    int Page = 1)
{
    public const int PageSize = 50;

    public bool IsEmpty => this == new PeopleFilter();

    public PeopleQuery ToQuery() =>
        new(Text, OrganisationId, County, Form, Language, (Page - 1) * PageSize, PageSize);

    /// <summary>Reads the filter from a URI; unknown or malformed values are ignored, not errors.</summary>
    public static PeopleFilter FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
        return new PeopleFilter(
            Get("q"),
            Guid.TryParse(Get("org"), out var organisationId) ? organisationId : null,
            ParseEnum<County>(Get("county")),
            ParseEnum<ExploitationForm>(Get("form")),
            Get("lang"),
            int.TryParse(Get("page"), out var page) && page > 1 ? page : 1);
    }

    /// <summary>The URI of this search on the current page, leaving out what is not set.</summary>
    public string ToUri(NavigationManager navigation) =>
        navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = Blank(Text),
            ["org"] = OrganisationId,
            ["county"] = County?.ToString(),
            ["form"] = Form?.ToString(),
            ["lang"] = Blank(Language),
            ["page"] = Page > 1 ? Page : null,
        });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum =>
        // Names only: a number such as "99" parses as an enum but names nothing.
        value is not null && !char.IsAsciiDigit(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed)
            ? parsed : null;
}
