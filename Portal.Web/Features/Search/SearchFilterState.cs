using System.Globalization;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Search;

namespace Portal.Web.Features.Search;

/// <summary>The search page's filters as they stand in the address (so a search can be linked) and
/// as the service reads them. Values that do not parse are simply absent.</summary>
public sealed record SearchFilterState(Guid? WorkspaceId, string? Kind, ExploitationForm? Form, bool ChildConcernedOnly,
    DateOnly? From, DateOnly? To)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static SearchFilterState Empty { get; } = new(null, null, null, false, null, null);

    public bool IsEmpty => this == Empty;

    /// <summary>An end before the start is an error the member sees beside the field.</summary>
    public bool DatesInOrder => From is null || To is null || From <= To;

    public static SearchFilterState Parse(string? workspace, string? kind, string? form, bool? child, string? from, string? to) =>
        new(Guid.TryParse(workspace, out var id) ? id : null,
            string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(),
            Enum.TryParse<ExploitationForm>(form, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : null,
            child == true, ParseDate(from), ParseDate(to));

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? Show(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public SearchFilters ToFilters() => new(WorkspaceId, Kind, Form, ChildConcernedOnly, From, To);

    /// <summary>The query parameters (null removes one).</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["workspace"] = WorkspaceId?.ToString(),
        ["kind"] = Kind,
        ["form"] = Form?.ToString(),
        ["child"] = ChildConcernedOnly ? "true" : null,
        ["from"] = Show(From),
        ["to"] = Show(To),
    };
}
