using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Components.Shared;

public static class Terms
{
    /// <summary>The localised name of a domain enum value: resource key "Type.Value".</summary>
    public static string Of<TEnum>(this IStringLocalizer<TermText> terms, TEnum value) where TEnum : struct, Enum =>
        terms[$"{typeof(TEnum).Name}.{value}"];

    public static string Of<TEnum>(this IStringLocalizer<TermText> terms, TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? terms.Of(v) : "";
}
