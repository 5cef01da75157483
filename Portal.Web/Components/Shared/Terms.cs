using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Members;
using Portal.Web.Resources;

namespace Portal.Web.Components.Shared;

public static class Terms
{
    /// <summary>The localised name of a domain enum value: resource key "Type.Value".</summary>
    public static string Of<TEnum>(this IStringLocalizer<TermText> terms, TEnum value) where TEnum : struct, Enum =>
        terms[$"{typeof(TEnum).Name}.{value}"];

    public static string Of<TEnum>(this IStringLocalizer<TermText> terms, TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? terms.Of(v) : "";

    /// <summary>The name of a spoken language in the UI language (resource key "Language.code"); a
    /// word stored before languages were codes, which names none, is shown as it was written.</summary>
    public static string Language(this IStringLocalizer<TermText> terms, string code)
    {
        var name = terms[$"Language.{code}"];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>Several languages by name, as the member ordered them.</summary>
    public static string Languages(this IStringLocalizer<TermText> terms, IEnumerable<string> codes) =>
        string.Join(", ", codes.Select(terms.Language));

    /// <summary>Every spoken language the portal knows, in the UI language's alphabetical order.</summary>
    public static IReadOnlyList<string> LanguagesByName(this IStringLocalizer<TermText> terms) =>
        SpokenLanguages.All.OrderBy(terms.Language, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
}
