using Portal.Infrastructure.Features.Search;

namespace Portal.Tests.Infrastructure.Search;

public sealed class SwedishStemsTests
{
    [Theory]
    [InlineData("barnet", "barn")]
    [InlineData("barnen", "barn")]
    [InlineData("barns", "barn")]
    [InlineData("barnets", "barn")]
    [InlineData("ärenden", "ärende")]
    [InlineData("ärendet", "ärende")]
    [InlineData("hästarna", "häst")]
    [InlineData("flickorna", "flicka")]
    [InlineData("utredningen", "utredning")]
    [InlineData("myndigheter", "myndighet")]
    [InlineData("kommunernas", "kommun")]
    [InlineData("Myndigheterna", "myndighet")]
    [InlineData("arbetet", "arbete")]
    [InlineData("tvångsarbetet", "tvångsarbete")]
    [InlineData("länssamordnaren", "länssamordnare")]
    public void Stem_of_word_forms_is_the_same(string form, string baseForm) =>
        SwedishStems.Stem(form).ShouldBe(SwedishStems.Stem(baseForm));

    [Theory]
    [InlineData("barn", "barn")]
    [InlineData("ärende", "ärend")]
    [InlineData("hästarna", "häst")]
    [InlineData("springande", "spring")]
    [InlineData("kärleksfullt", "kärleksfull")]
    [InlineData("huset", "hus")]
    [InlineData("paket", "paket")]
    [InlineData("identitet", "identitet")]
    [InlineData("frihet", "frihet")]
    [InlineData("på", "på")]
    public void Stem_gives_the_snowball_stem(string word, string stem) =>
        SwedishStems.Stem(word).ShouldBe(stem);

    [Fact]
    public void Stem_keeps_different_words_apart()
    {
        SwedishStems.Stem("barn").ShouldNotBe(SwedishStems.Stem("bära"));
        SwedishStems.Stem("ärende").ShouldNotBe(SwedishStems.Stem("äran"));
    }

    [Theory]
    [InlineData("Länssamordnare", "lanssamordnare")]
    [InlineData("tvångsarbete", "tvangsarbete")]
    [InlineData("Östergötland", "ostergotland")]
    [InlineData("café", "cafe")]
    public void Fold_removes_diacritics(string word, string folded) => SwedishStems.Fold(word).ShouldBe(folded);

    [Theory]
    [InlineData("länssamordnaren", "lanssamordnare")]
    [InlineData("tvångsarbete", "tvangsarbete")]
    [InlineData("ärenden", "arende")]
    [InlineData("ärendet", "ärenden")]
    [InlineData("barnet", "barn")]
    public void A_query_finds_the_text_with_or_without_diacritics(string text, string query) =>
        SwedishStems.IndexTerms(text).ShouldContain(SwedishStems.QueryTerms(query).Single());

    [Fact]
    public void A_query_with_diacritics_does_not_match_the_word_without_them()
    {
        // "får" (sheep, gets) typed with its ring does not find "far" (father).
        SwedishStems.IndexTerms("far").ShouldNotContain(SwedishStems.QueryTerms("får").Single());
        // Typed without the ring, it finds both: the price of folding (ADR 0009).
        SwedishStems.IndexTerms("får").ShouldContain(SwedishStems.QueryTerms("far").Single());
    }

    [Fact]
    public void Words_split_on_punctuation_and_keep_positions()
    {
        var words = SwedishStems.Words("Barnet, 16 år – ärenden!").ToList();
        words.Select(w => w.Word).ShouldBe(["Barnet", "16", "år", "ärenden"]);
        words[3].Start.ShouldBe(16);
    }

    [Fact]
    public void Highlight_marks_every_word_that_matches_with_or_without_diacritics()
    {
        var segments = SearchHighlighter.Highlight("Ett barn och barnet i ärendet.", new HashSet<string> { SwedishStems.Stem("barn"), SwedishStems.Stem("arende") });
        segments.Where(s => s.IsMatch).Select(s => s.Text).ShouldBe(["barn", "barnet", "ärendet"]);
        string.Concat(segments.Select(s => s.Text)).ShouldBe("Ett barn och barnet i ärendet.");
    }
}
