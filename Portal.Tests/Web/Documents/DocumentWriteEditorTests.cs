using Bunit;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Web.Documents;

/// <summary>The draft editor on the real use cases: a save that lost the race keeps what the member
/// typed, says so beside the form and can show the other text beside it.</summary>
public sealed class DocumentWriteEditorTests : PortalBunitContext
{
    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall");

    private DocumentWriteService Writes => Database.Get<DocumentWriteService>();

    [Fact]
    public async Task A_save_from_an_old_snapshot_keeps_the_typed_text_and_shows_the_other_beside_it()
    {
        var id = await Writes.CreateAsync(Johanna, DemoData.Workspaces.ManualRevision,
            new DocumentMetadata("Rutin", null, DocumentType.Routine, DocumentAudience.Both, [ExploitationForm.Begging],
                StockholmTime.Today(TimeProvider.System).AddYears(1)),
            "# Roller\n\nFörsta texten.", "Första versionen");
        var view = await Writes.GetDraftAsync(Johanna, id);
        SignInAs(Johanna);
        var reloads = 0;
        var cut = Render<DraftEditor>(p => p
            .Add(c => c.DocumentId, id).Add(c => c.Draft, view.Draft!).Add(c => c.Version, view.Version)
            .Add(c => c.OnSaved, () => reloads++));
        // Someone else (another tab, a lead) saves first.
        await Writes.SaveDraftAsync(Johanna, id, view.Draft!.VersionId, view.Version, "# Roller\n\nDen andra texten.", "Annan ändring", major: false);

        cut.Find("textarea[data-testid=draft-body]").Change("# Roller\n\nMin text.");
        cut.Find("[data-testid=save-draft]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-conflict]").TextContent.ShouldContain("Någon annan har ändrat dokumentet"));
        reloads.ShouldBe(1);
        var now = await Writes.GetDraftAsync(Johanna, id);
        cut.Render(p => p.Add(c => c.Draft, now.Draft!).Add(c => c.Version, now.Version));
        cut.Find("textarea[data-testid=draft-body]").GetAttribute("value").ShouldBe("# Roller\n\nMin text.");
        cut.Find("[data-testid=show-other-text]").Click();
        cut.Find("textarea[data-testid=draft-other-body]").GetAttribute("value").ShouldBe("# Roller\n\nDen andra texten.");

        cut.Find("[data-testid=keep-my-text]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-saved]"));
        (await Writes.GetDraftAsync(Johanna, id)).Draft!.Body.ShouldBe("# Roller\n\nMin text.");
    }
}
