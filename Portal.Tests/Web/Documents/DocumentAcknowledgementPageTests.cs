using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

/// <summary>The owner's "who has read it" page on the demo manual: a table per organisation with its count,
/// the filter to those who have not read it, live when the document changes, and a reader who is not an
/// editor told so.</summary>
public sealed class DocumentAcknowledgementPageTests : PortalBunitContext
{
    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall");

    private async Task<Guid> ManualAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Documents.Where(d => d.Title == DemoData.Documents.Manual).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Shows_each_organisation_with_its_count_and_filters_to_those_who_have_not_read_it()
    {
        var manual = await ManualAsync();
        SignInAs(Johanna);

        var cut = Render<DocumentAcknowledgementsPage>(p => p.Add(x => x.Id, manual));

        cut.WaitForAssertion(() => cut.Find("[data-testid=acknowledgements-summary]").TextContent.ShouldContain("Version 2.0 gäller från"));
        var rows = cut.FindAll("[data-testid=acknowledgement]");
        rows.Count(r => r.GetAttribute("data-acknowledged") == "true").ShouldBe(7);
        rows.ShouldContain(r => r.GetAttribute("data-acknowledged") == "false");
        cut.FindAll("[data-testid=organisation] caption").ShouldAllBe(c => c.TextContent.StartsWith("Medlemmar i "));
        cut.FindAll("[data-testid=organisation] th[scope=col]").ShouldNotBeEmpty();
        var police = cut.FindAll("[data-testid=organisation]").Single(o => o.TextContent.Contains("Nationella operativa avdelningen"));
        police.QuerySelector("[data-testid=organisation-count]")!.TextContent.ShouldContain("1 av 1 har bekräftat");

        cut.Find("[data-testid=only-missing] input, input[data-testid=only-missing]").Change(true);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=acknowledgement]").ShouldAllBe(r => r.GetAttribute("data-acknowledged") == "false"));
        cut.FindAll("[data-testid=organisation]").ShouldNotContain(o => o.TextContent.Contains("Nationella operativa avdelningen"));
    }

    [Fact]
    public async Task Follows_a_change_of_the_document_without_reload()
    {
        var manual = await ManualAsync();
        SignInAs(Johanna);
        var cut = Render<DocumentAcknowledgementsPage>(p => p.Add(x => x.Id, manual));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=acknowledgement][data-acknowledged=true]").Count.ShouldBe(7));

        // Fatima reads 2.0; the document changes in the same unit of work (its change event reaches the page).
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            var document = await db.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == manual);
            var version = document.LatestPublished!;
            db.DocumentAcknowledgements.Add(new DocumentAcknowledgement(manual, version.Id, version.Number, DemoData.Personas.NgoMember, DateTimeOffset.UtcNow));
            document.Describe(new DocumentMetadata(document.Title, document.Summary, document.Type, document.Audience,
                document.ExploitationForms.ToList(), document.ReviewDueOn), DateOnly.FromDateTime(DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=acknowledgement][data-acknowledged=true]").Count.ShouldBe(8));
    }

    [Fact]
    public async Task A_reader_who_is_not_an_editor_is_told_only_editors_see_it()
    {
        var manual = await ManualAsync();
        SignInAs(DemoData.IdFor("member:sara.nilsson"));

        var cut = Render<DocumentAcknowledgementsPage>(p => p.Add(x => x.Id, manual));

        cut.WaitForAssertion(() => cut.Find("[data-testid=load-error]").TextContent.ShouldContain("Endast dokumentets ägare"));
        cut.FindAll("[data-testid=acknowledgement]").ShouldBeEmpty();
    }
}
