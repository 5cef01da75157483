using Microsoft.Extensions.Localization;
using Portal.Domain.Directory;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Directory;

/// <summary>Counties served, said briefly: "Hela landet" for all 21, names for a few, a count for many.</summary>
public static class CountyText
{
    public static string Compact(IReadOnlyCollection<County> counties, IStringLocalizer<TermText> terms,
        IStringLocalizer<DirectoryText> text, int namesShown = 4)
    {
        if (counties.Count == 0)
            return text["Organisation.NoCounties"];
        if (counties.Distinct().Count() == Counties.All.Count)
            return text["Organisation.WholeCountry"];
        return counties.Count <= namesShown ? Full(counties, terms) : string.Format(text["Organisation.CountiesMany"], counties.Count);
    }

    public static string Full(IEnumerable<County> counties, IStringLocalizer<TermText> terms) =>
        string.Join(", ", counties.Select(c => terms.Of(c)));

    /// <summary>A tel: link target from a phone text that may carry a note, such as "(stödtelefon)".</summary>
    public static string TelHref(string phone) =>
        "tel:" + new string(phone.TakeWhile(c => c != '(').Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}
