using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

public sealed class DocumentWriteSectionsTests
{
    [Fact]
    public void Headings_are_numbered_from_the_highest_level_used_with_anchors_from_the_numbers()
    {
        var sections = DraftSections.Of("Inledning utan rubrik.\n\n## Roller\n\n### Polisen\n\n### Socialtjänsten\n\n## Första steg\n\n```\n# inte en rubrik\n```");

        sections.Select(s => (s.Number, s.Title, s.Anchor)).ShouldBe([
            ("1", "Roller", "avsnitt-1"),
            ("1.1", "Polisen", "avsnitt-1-1"),
            ("1.2", "Socialtjänsten", "avsnitt-1-2"),
            ("2", "Första steg", "avsnitt-2"),
        ]);
    }

    [Fact]
    public void A_text_without_headings_has_no_sections()
    {
        DraftSections.Of("Bara text.").ShouldBeEmpty();
        DraftSections.Of(null).ShouldBeEmpty();
    }
}
