using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Localization;

namespace Portal.Web.Components.Shared;

public static class Plurals
{
    /// <summary>A counted text in the right plural form: resource keys <c>Key.One</c> and
    /// <c>Key.Other</c>, the count as {0} and any further arguments as {1}, {2}… ("1 träff för ”x”",
    /// "2 träffar för ”x”").</summary>
    public static string Counted(this IStringLocalizer localizer, string key, long count, params object?[] more) =>
        string.Format(CultureInfo.CurrentCulture, localizer[Plural.KeyFor(key, count)], [count, .. more]);
}
