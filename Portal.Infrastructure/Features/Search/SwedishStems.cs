using System.Globalization;
using System.Text;
using LuceneSwedishStemmer = Lucene.Net.Tartarus.Snowball.Ext.SwedishStemmer;

namespace Portal.Infrastructure.Features.Search;

/// <summary>Swedish word forms and diacritics for search (ADR 0009). Stems come from the maintained
/// Snowball stemmer in Lucene.Net, with one rule on top: Lucene's Snowball is the original Swedish
/// algorithm, which leaves the definite "-et"/"-ets" alone, so "barnet" would not find "barn". Later
/// Snowball versions remove it after a consonant; we do the same, except where "-et" belongs to the
/// word ("-het", "-itet", "paket", "raket", "komet", "alfabet", "staket").</summary>
public static class SwedishStems
{
    private static readonly string[] EtBelongsToWord = ["h", "it", "iet", "fab", "kom", "rak", "pak", "stak"];
    private const string Vowels = "aeiouyäåö";

    // The Lucene stemmer keeps state between SetCurrent and Current, so each thread has its own.
    [ThreadStatic] private static LuceneSwedishStemmer? _stemmer;

    /// <summary>The stem of one word, lower-cased.</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length < 3)
            return w;
        w = WithoutDefiniteEt(w);
        var stemmer = _stemmer ??= new LuceneSwedishStemmer();
        stemmer.SetCurrent(w);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>"barnet" → "barn", "barnets" → "barn"; only when at least three letters stay, the
    /// letter before is a consonant, and "-et" is not part of the word.</summary>
    private static string WithoutDefiniteEt(string w)
    {
        var suffix = w.EndsWith("ets", StringComparison.Ordinal) ? 3 : w.EndsWith("et", StringComparison.Ordinal) ? 2 : 0;
        if (suffix == 0 || w.Length - suffix < 3)
            return w;
        var stem = w[..^suffix];
        if (Vowels.Contains(stem[^1]) || EtBelongsToWord.Any(e => stem.EndsWith(e, StringComparison.Ordinal)))
            return w;
        // A first syllable only ("het", "set", "kaket") is the word itself.
        return stem.Any(Vowels.Contains) ? stem : w;
    }

    /// <summary>The word without diacritics: "länssamordnare" → "lanssamordnare", "tvångsarbete" →
    /// "tvangsarbete". Users often type Swedish without å, ä and ö.</summary>
    public static string Fold(string word) => Portal.Domain.Common.SearchText.Fold(word);

    /// <summary>What a text is indexed under: for each word its stem and the stem of its folded form
    /// (once when they are the same), so a query typed with or without diacritics finds it.</summary>
    public static IEnumerable<string> IndexTerms(string text)
    {
        foreach (var (word, _) in Words(text))
        {
            var stem = Stem(word);
            yield return stem;
            var folded = Stem(Fold(word));
            if (folded != stem)
                yield return folded;
        }
    }

    /// <summary>What a query looks for: the stem of each word as typed. A word typed without
    /// diacritics matches the folded terms of the text; one typed with them matches only itself.</summary>
    public static IReadOnlyList<string> QueryTerms(string query) => Words(query).Select(w => Stem(w.Word)).Distinct().ToList();

    /// <summary>Whether a word of the text matches one of the query's terms (for highlighting).</summary>
    public static bool Matches(string word, IReadOnlySet<string> queryTerms) =>
        queryTerms.Contains(Stem(word)) || queryTerms.Contains(Stem(Fold(word)));

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
}
