namespace Portal.Infrastructure.Localization;

/// <summary>Which plural form a count takes. Swedish and English both have two (CLDR "one" and
/// "other"): "1 träff", "2 träffar", "0 träffar". A counted text is two resource keys,
/// <c>Name.One</c> and <c>Name.Other</c>, each with the count as {0} (ADR 0022).</summary>
public static class Plural
{
    public static string KeyFor(string key, long count) => key + (count == 1 ? ".One" : ".Other");
}
