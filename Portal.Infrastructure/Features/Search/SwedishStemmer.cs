namespace Portal.Infrastructure.Features.Search;

/// <summary>The Snowball stemming algorithm for Swedish, written from its published description:
/// R1 is the region after the first consonant that follows a vowel (at least three letters in);
/// step 1 removes the longest main suffix in R1 (or an "s" after a valid s-ending), step 2 shortens a
/// final double consonant pair, step 3 removes "lig", "ig", "els" and rewrites "löst" and "fullt".
/// One addition, as in later Snowball versions: the definite "-et"/"-ets" is removed after a
/// consonant ("barnet" → "barn", "ärendet" → "ärend"), except where "-et" belongs to the word
/// ("-itet", "paket", "raket", "komet", "alfabet", "-het").</summary>
public static class SwedishStemmer
{
    private const string Vowels = "aeiouyäåö";
    private const string ValidSEndings = "bcdfghjklmnoprtvy";

    // Longest first, so that the first match is the longest suffix.
    private static readonly string[] MainSuffixes = new[]
    {
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden",
        "aren", "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes",
        "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast", "et", "ets",
    }.OrderByDescending(s => s.Length).ToArray();

    private static readonly string[] DoubleConsonants = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];

    private static readonly string[] EtBelongsToWord = ["h", "it", "iet", "fab", "kom", "rak", "pak", "stak"];

    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length < 3)
            return w;
        var r1 = RegionOne(w);
        w = MainSuffix(w, r1);
        w = ConsonantPair(w, r1);
        return OtherSuffix(w, r1);
    }

    /// <summary>The stems of the words in a text, in order.</summary>
    public static IEnumerable<string> StemWords(string text) => Words(text).Select(t => Stem(t.Word));

    /// <summary>The words of a text (runs of letters and digits) with where each starts.</summary>
    public static IEnumerable<(string Word, int Start)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return (text[start..i], start);
                start = -1;
            }
        }
    }

    private static bool IsVowel(char c) => Vowels.Contains(c);

    private static int RegionOne(string w)
    {
        var i = 0;
        while (i < w.Length && !IsVowel(w[i]))
            i++;
        while (i < w.Length && IsVowel(w[i]))
            i++;
        // i is now at the first non-vowel after a vowel (or the end); R1 starts after it.
        var r1 = Math.Min(i + 1, w.Length);
        return Math.Max(r1, 3);
    }

    private static string MainSuffix(string w, int r1)
    {
        foreach (var suffix in MainSuffixes)
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal) || w.Length - suffix.Length < r1)
                continue;
            var stem = w[..^suffix.Length];
            if (suffix is "et" or "ets" && !EtMayGo(stem))
                continue;
            return stem;
        }
        if (w.EndsWith('s') && w.Length - 1 >= r1 && ValidSEndings.Contains(w[^2]))
            return w[..^1];
        return w;
    }

    private static bool EtMayGo(string stem) =>
        stem.Length > 0 && !IsVowel(stem[^1]) && !EtBelongsToWord.Any(e => stem.EndsWith(e, StringComparison.Ordinal));

    private static string ConsonantPair(string w, int r1)
    {
        foreach (var pair in DoubleConsonants)
            if (w.EndsWith(pair, StringComparison.Ordinal) && w.Length - pair.Length >= r1)
                return w[..^1];
        return w;
    }

    private static string OtherSuffix(string w, int r1)
    {
        bool InR1(string suffix) => w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= r1;
        if (InR1("fullt"))
            return w[..^1];
        if (InR1("löst"))
            return w[..^1];
        foreach (var suffix in new[] { "lig", "els", "ig" })
            if (InR1(suffix))
                return w[..^suffix.Length];
        return w;
    }
}
