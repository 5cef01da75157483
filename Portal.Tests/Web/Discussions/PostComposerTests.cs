using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Portal.Infrastructure.Features.Presence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Discussions;

namespace Portal.Tests.Web.Discussions;

/// <summary>The composer in everyday use: mentions suggested as one types and shown as names,
/// drafts kept per thread, nothing cut off, images said to be dropped, Ctrl+Enter, and "writing…"
/// that is neither shown to oneself nor left behind after sending.</summary>
public sealed class PostComposerTests : DiscussionPageTestBase
{
    private static readonly Guid Mats = DemoData.IdFor("member:mats.olsson");

    private async Task<(IRenderedComponent<ThreadPage> Page, Guid ThreadId)> OpenNmtThreadAsync(Guid member)
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        SignInAs(member);
        var cut = Render<ThreadPage>(p => p.Add(x => x.Id, threadId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=post]").Count.ShouldBe(4));
        return (cut, threadId);
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ThreadPage> cut) => cut.Find("textarea[data-testid=composer]");

    [Fact]
    public async Task Typing_at_and_a_name_suggests_readers_of_the_thread_and_the_keyboard_picks_one_shown_as_its_name()
    {
        var (cut, threadId) = await OpenNmtThreadAsync(Karin);

        Field(cut).Input("Hej @Ma");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=mention-option]").Select(o => o.QuerySelector("strong")!.TextContent)
            .ShouldBe(["@Maria Ek", "@Mats Olsson"]));
        var list = cut.Find("[data-testid=mention-suggestions]");
        list.GetAttribute("role").ShouldBe("listbox");
        Field(cut).GetAttribute("aria-controls").ShouldBe(list.Id);
        Field(cut).GetAttribute("aria-activedescendant").ShouldBe(cut.FindAll("[role=option]")[0].Id);
        cut.Find("[data-testid=mention-status]").TextContent.ShouldContain("Förslag: 2");

        Field(cut).KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        cut.FindAll("[role=option]")[1].GetAttribute("aria-selected").ShouldBe("true");
        Field(cut).GetAttribute("aria-activedescendant").ShouldBe(cut.FindAll("[role=option]")[1].Id);
        Field(cut).KeyDown(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Field(cut).GetAttribute("value").ShouldBe("Hej @Mats Olsson "));
        cut.FindAll("[data-testid=mention-suggestions]").ShouldBeEmpty();
        Field(cut).HasAttribute("aria-activedescendant").ShouldBeFalse();

        // Sent, the name is a mention again: a link to the person, and Mats is notified.
        Field(cut).Input("Hej @Mats Olsson kan du ta gränsfrågan?");
        cut.Find("[data-testid=send-post]").Click();

        cut.WaitForAssertion(() =>
        {
            var mention = cut.Find("[data-sequence='5'] [data-testid=post-body] a.mention");
            mention.GetAttribute("href").ShouldBe($"/directory/people/{Mats:D}");
            mention.TextContent.ShouldBe("@Mats Olsson");
        });
        (await Discussions.GetThreadAsync(Karin, threadId)).Posts.Last().Post.Markdown.ShouldBe($"Hej @[Mats Olsson](member:{Mats:D}) kan du ta gränsfrågan?");
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_someone_outside_the_closed_workspace_is_not_suggested()
    {
        var (cut, _) = await OpenNmtThreadAsync(Karin);

        Field(cut).Input("Fråga @Fat");
        Field(cut).Input("Fråga @Eri");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=mention-option]").Count.ShouldBe(1));

        Field(cut).KeyDown(new KeyboardEventArgs { Key = "Escape" });
        cut.FindAll("[data-testid=mention-suggestions]").ShouldBeEmpty();
        Field(cut).Input("Fråga @Erik");
        cut.FindAll("[data-testid=mention-suggestions]").ShouldBeEmpty(); // the same "@" stays dismissed

        Field(cut).Input("Fråga @Erik och @Fatima");
        cut.FindAll("[data-testid=mention-suggestions]").ShouldBeEmpty(); // Fatima may not read NMT's thread
    }

    [Fact]
    public async Task A_mention_in_a_post_being_edited_shows_as_the_name_and_stays_a_mention()
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Discussions.PostAsync(Karin, threadId, $"Fråga {Mention("Erik Sandberg", Erik)} om detta.");
        SignInAs(Karin);
        var cut = Render<ThreadPage>(p => p.Add(x => x.Id, threadId));
        cut.WaitForAssertion(() => cut.Find("[data-sequence='5'] [data-testid=edit-post]").Click());

        var editor = cut.Find("textarea[data-testid=edit-composer]");
        editor.GetAttribute("value").ShouldBe("Fråga @Erik Sandberg om detta.");
        editor.Input("Fråga @Erik Sandberg om detta i dag.");
        cut.Find("[data-testid=save-edit]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-sequence='5'] [data-testid=post-body]").TextContent.ShouldContain("i dag."));
        cut.Find("[data-sequence='5'] a.mention").GetAttribute("href").ShouldBe($"/directory/people/{Erik:D}");
    }

    [Fact]
    public async Task A_text_over_the_limit_is_kept_whole_and_the_field_says_how_much_is_too_long()
    {
        var (cut, threadId) = await OpenNmtThreadAsync(Karin);
        var pasted = new string('x', 20_050);

        // No limit the browser would cut a paste at.
        (Field(cut).GetAttribute("maxlength") is not { } max || long.Parse(max) >= int.MaxValue).ShouldBeTrue();
        Field(cut).Input(pasted);

        cut.FieldAround("textarea[data-testid=composer]").TextContent.ShouldContain("50 tecken för mycket");
        Field(cut).GetAttribute("value").ShouldBe(pasted);
        cut.Find("[data-testid=send-post]").Click();
        Field(cut).GetAttribute("value").ShouldBe(pasted);
        (await Discussions.GetThreadAsync(Karin, threadId)).Thread.PostCount.ShouldBe(4);

        Field(cut).Input(pasted[..20_000]);
        cut.FieldAround("textarea[data-testid=composer]").TextContent.ShouldNotContain("för mycket");
    }

    [Fact]
    public async Task The_preview_says_that_images_are_not_shown()
    {
        var (cut, _) = await OpenNmtThreadAsync(Karin);

        Field(cut).Input("Kartan: ![karta](https://example.org/karta.png)");
        cut.Find("[data-testid=composer-area] [data-testid=preview-toggle]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=preview-images-dropped]").TextContent.ShouldContain("Bilder visas inte"));
        cut.Find("[data-testid=preview]").QuerySelectorAll("img").ShouldBeEmpty();

        Field(cut).Input("Kartan: [karta](https://example.org/karta.png)");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=preview-images-dropped]").ShouldBeEmpty());
    }

    [Fact]
    public async Task Ctrl_Enter_sends_and_empties_the_editor()
    {
        var (cut, _) = await OpenNmtThreadAsync(Karin);

        Field(cut).Input("Skickat med tangentbordet.");
        Field(cut).KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=post]")[^1].TextContent.ShouldContain("Skickat med tangentbordet."));
        Field(cut).GetAttribute("value").ShouldBe("");
    }

    [Fact]
    public async Task A_draft_kept_in_the_browser_comes_back_with_its_mention_as_a_name_and_sending_clears_it()
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        var key = $"{Karin:N}.thread.{threadId:N}";
        var module = JSInterop.SetupModule("./js/composer.js");
        module.Setup<string?>("loadDraft", i => (string?)i.Arguments[0] == key).SetResult($"Utkast till {Mention("Erik Sandberg", Erik)}");
        SignInAs(Karin);
        var cut = Render<ThreadPage>(p => p.Add(x => x.Id, threadId));

        cut.WaitForAssertion(() => Field(cut).GetAttribute("value").ShouldBe("Utkast till @Erik Sandberg"));
        cut.Find("[data-testid=send-post]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=post]")[^1].QuerySelector("a.mention")!.TextContent.ShouldBe("@Erik Sandberg"));
        var saved = module.Invocations["saveDraft"];
        saved[^1].Arguments.ShouldBe([key, ""]);
    }

    [Fact]
    public async Task Typing_shows_the_member_as_writing_to_others_but_not_to_themself()
    {
        var (cut, threadId) = await OpenNmtThreadAsync(Karin);
        var presence = Database.Get<ThreadPresence>();
        await using var erik = await presence.EnterAsync(threadId, Erik, "Erik Sandberg");

        Field(cut).Input("Jag skriver");
        await presence.WritingAsync(threadId, Erik);

        cut.WaitForAssertion(() => cut.Find("[data-testid=presence-writing]").TextContent.ShouldContain("Erik Sandberg skriver…"));
        cut.Find("[data-testid=presence-writing]").TextContent.ShouldNotContain("Karin Holm");
        presence.Get(threadId, Erik).Writing.ShouldBe(["Karin Holm"]);
    }

    [Fact]
    public async Task Sending_ends_writing_at_once()
    {
        var (cut, threadId) = await OpenNmtThreadAsync(Karin);
        var presence = Database.Get<ThreadPresence>();
        Field(cut).Input("Strax klart.");
        presence.Get(threadId, Erik).Writing.ShouldBe(["Karin Holm"]);

        cut.Find("[data-testid=send-post]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=post]").Count.ShouldBe(5));
        presence.Get(threadId, Erik).Writing.ShouldBeEmpty();
    }
}
