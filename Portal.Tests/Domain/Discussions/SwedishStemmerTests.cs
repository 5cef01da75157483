using Portal.Infrastructure.Features.Search;

namespace Portal.Tests.Domain.Discussions;

public sealed class SwedishStemmerTests
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
    public void Stem_of_word_forms_is_the_same(string form, string baseForm) =>
        SwedishStemmer.Stem(form).ShouldBe(SwedishStemmer.Stem(baseForm));

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
        SwedishStemmer.Stem(word).ShouldBe(stem);

    [Fact]
    public void Stem_keeps_different_words_apart()
    {
        SwedishStemmer.Stem("barn").ShouldNotBe(SwedishStemmer.Stem("bära"));
        SwedishStemmer.Stem("ärende").ShouldNotBe(SwedishStemmer.Stem("äran"));
    }

    [Fact]
    public void Words_split_on_punctuation_and_keep_positions()
    {
        var words = SwedishStemmer.Words("Barnet, 16 år – ärenden!").ToList();
        words.Select(w => w.Word).ShouldBe(["Barnet", "16", "år", "ärenden"]);
        words[3].Start.ShouldBe(16);
    }

    [Fact]
    public void Highlight_marks_every_word_with_a_matching_stem()
    {
        var segments = SearchHighlighter.Highlight("Ett barn och barnet i ärendet.", new HashSet<string> { SwedishStemmer.Stem("barn") });
        segments.Where(s => s.IsMatch).Select(s => s.Text).ShouldBe(["barn", "barnet"]);
        string.Concat(segments.Select(s => s.Text)).ShouldBe("Ett barn och barnet i ärendet.");
    }

    [Fact]
    public void FromMarked_splits_a_headline_into_segments()
    {
        var segments = SearchHighlighter.FromMarked("ett \u0002barn\u0003 på 16 år");
        segments.ShouldBe([new TextSegment("ett ", false), new TextSegment("barn", true), new TextSegment(" på 16 år", false)]);
    }
}
