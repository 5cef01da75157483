using Bunit;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

/// <summary>The review panel on the real use cases: the owner sees each reviewer's organisation and
/// decision and names reviewers only from those who may read the document; a named reviewer decides,
/// and a refusal lands beside the field with what was typed kept.</summary>
public sealed class DocumentWriteReviewPanelTests : PortalBunitContext
{
    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall");
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = DemoData.IdFor("member:johan.berg");

    private DocumentWriteService Writes => Database.Get<DocumentWriteService>();

    private async Task<(Guid Id, DraftView Draft)> DraftWithReviewerAsync()
    {
        var today = StockholmTime.Today(TimeProvider.System);
        var id = await Writes.CreateAsync(Johanna, DemoData.Workspaces.ManualRevision,
            new DocumentMetadata("Checklista vid första kontakt", null, DocumentType.Checklist, DocumentAudience.Children,
                [ExploitationForm.SexualPurposes], today.AddYears(1)),
            "# Första kontakt\n\nRing socialtjänsten.", "Första versionen");
        var draft = (await Writes.GetDraftAsync(Johanna, id)).Draft!;
        await Writes.SetReviewersAsync(Johanna, id, draft.VersionId, [Karin]);
        await Writes.DecideAsync(Karin, id, draft.VersionId, ReviewDecision.Approved, "Ser bra ut.");
        return (id, (await Writes.GetDraftAsync(Johanna, id)).Draft!);
    }

    [Fact]
    public async Task The_owner_sees_each_reviewers_organisation_and_decision_and_names_another_eligible_member()
    {
        var (id, draft) = await DraftWithReviewerAsync();
        SignInAs(Johanna);
        var changed = 0;
        var cut = Render<ReviewPanel>(p => p
            .Add(c => c.DocumentId, id).Add(c => c.Draft, draft).Add(c => c.CanEdit, true)
            .Add(c => c.OnChanged, () => changed++));

        var row = cut.Find("[data-testid=reviewer-row]");
        row.TextContent.ShouldContain("Karin Holm");
        row.TextContent.ShouldContain("Polis");
        row.QuerySelector("[data-testid=reviewer-decision]")!.TextContent.ShouldContain("Godkänt");
        row.QuerySelector("[data-testid=reviewer-comment]")!.TextContent.ShouldBe("Ser bra ut.");
        cut.FindAll("[data-testid=decision-form]").ShouldBeEmpty();

        var johan = (await Writes.EligibleReviewersAsync(Johanna, id, "Johan Berg")).ShouldHaveSingleItem();
        await cut.InvokeAsync(() => cut.FindComponent<ReviewerPicker>().Instance.ValueChanged.InvokeAsync(johan));
        cut.Find("[data-testid=add-reviewer]").Click();

        cut.WaitForAssertion(() => changed.ShouldBe(1));
        (await Writes.GetDraftAsync(Johanna, id)).Draft!.Reviewers.Select(r => r.Person.MemberId).ShouldBe([Karin, Johan], ignoreOrder: true);
    }

    [Fact]
    public async Task A_member_who_may_not_read_the_document_is_refused_beside_the_picker()
    {
        var (id, draft) = await DraftWithReviewerAsync();
        SignInAs(Johanna);
        var cut = Render<ReviewPanel>(p => p.Add(c => c.DocumentId, id).Add(c => c.Draft, draft).Add(c => c.CanEdit, true));
        var outsider = new PersonRef(DemoData.Personas.NgoMember, "Fatima Ali", Guid.Empty, "Frälsningsarmén");

        await cut.InvokeAsync(() => cut.FindComponent<ReviewerPicker>().Instance.ValueChanged.InvokeAsync(outsider));
        cut.Find("[data-testid=add-reviewer]").Click();

        cut.WaitForAssertion(() => cut.FieldAround("input[data-testid=reviewer-picker]").TextContent
            .ShouldContain("Granskare måste kunna läsa dokumentet"));
        cut.FindComponent<ReviewerPicker>().Instance.Value.ShouldBe(outsider);
    }

    [Fact]
    public async Task A_named_reviewer_must_say_which_changes_and_keeps_what_they_typed_until_then()
    {
        var (id, draft) = await DraftWithReviewerAsync();
        SignInAs(Karin);
        var changed = 0;
        var cut = Render<ReviewPanel>(p => p
            .Add(c => c.DocumentId, id).Add(c => c.Draft, draft).Add(c => c.CanReview, true)
            .Add(c => c.OnChanged, () => changed++));
        cut.FindAll("[data-testid=add-reviewer]").ShouldBeEmpty();

        cut.Find("[data-testid=request-changes]").Click();
        cut.WaitForAssertion(() => cut.FieldAround("textarea[data-testid=decision-comment]").TextContent.ShouldContain("Skriv vilka ändringar du vill ha."));
        changed.ShouldBe(0);

        cut.Find("textarea[data-testid=decision-comment]").Change("Avsnitt 1 saknar polisens roll.");
        cut.Find("[data-testid=request-changes]").Click();

        cut.WaitForAssertion(() => changed.ShouldBe(1));
        cut.Find("[data-testid=decision-saved]").TextContent.ShouldContain("Ditt beslut är sparat.");
        var review = (await Writes.GetDraftAsync(Johanna, id)).Draft!.Reviewers.ShouldHaveSingleItem();
        review.Decision.ShouldBe(ReviewDecision.ChangesRequested);
        review.Comment.ShouldBe("Avsnitt 1 saknar polisens roll.");
    }
}
