namespace Portal.Domain.Members;

/// <summary>The languages a member can say they speak, as codes: ISO 639-1 where the language has
/// one ("sv", "en", "ar"), ISO 639-3 where it has not ("prs" Dari, "rom" Romani). Stored as codes
/// and named in the reader's language by the UI, so a filter or a search in either language finds
/// the same people (ADR 0022). Chosen for the portal's work: the languages of Sweden, of its
/// neighbours, and those victims of trafficking and the people who help them speak.</summary>
public static class SpokenLanguages
{
    public const int CodeMaxLength = 3;

    public static readonly IReadOnlyList<string> All =
    [
        "sv", "en", "ar", "am", "hy", "az", "bn", "bs", "bg", "zh", "da", "prs", "bin", "et", "fi", "fr",
        "ka", "el", "ha", "he", "hi", "ig", "is", "it", "ja", "yi", "ko", "hr", "ku", "lv", "ln", "lt",
        "fit", "mn", "nl", "no", "ps", "fa", "pl", "pt", "pa", "ro", "rom", "ru", "se", "sr", "sk", "so",
        "es", "sw", "tl", "ta", "th", "ti", "cs", "tr", "de", "uk", "hu", "ur", "uz", "vi", "yo", "sq",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string code) => Known.Contains(code);

    /// <summary>The code as stored: trimmed and lower-case ("EN " is "en").</summary>
    public static string Normalise(string code) => code.Trim().ToLowerInvariant();
}
