using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Discussions;

namespace Portal.Tests.Web.Discussions;

/// <summary>The finding: five big buttons under every post (50 of the 80 Tabs to the composer). Now the
/// reactions used are chips with their count and who gave them, and one button opens the choice.</summary>
public sealed class PostReactionsTests : DiscussionPageTestBase
{
    private const string SecondPost = "[data-sequence='2']";

    private async Task<(IRenderedComponent<ThreadPage> Page, Guid ThreadId)> OpenAsync(Guid member)
    {
        var threadId = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        SignInAs(member);
        var cut = Render<ThreadPage>(p => p.Add(x => x.Id, threadId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=post]").Count.ShouldBe(4));
        return (cut, threadId);
    }

    private async Task<Guid> SecondPostIdAsync(Guid threadId) =>
        (await Discussions.GetThreadAsync(Erik, threadId)).Posts.SelectMany(p => p.Replies.Prepend(p.Post)).Single(p => p.Sequence == 2).Id;

    [Fact]
    public async Task A_post_without_reactions_has_one_button_to_add_one_and_no_reaction_buttons()
    {
        var (cut, _) = await OpenAsync(Karin);

        var buttons = cut.FindAll($"{SecondPost} [data-testid=reactions] button");
        buttons.Select(b => b.GetAttribute("data-testid")).ShouldBe(["add-reaction"]);
        buttons[0].GetAttribute("aria-label").ShouldBe("Lägg till en reaktion");
        buttons[0].GetAttribute("aria-expanded").ShouldBe("false");
        cut.FindAll($"{SecondPost} [data-testid=reaction-option]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_add_button_opens_every_reaction_with_focus_on_the_first_and_Escape_closes_it_back_to_the_button()
    {
        var (cut, _) = await OpenAsync(Karin);

        cut.Find($"{SecondPost} [data-testid=add-reaction]").Click();

        cut.Find($"{SecondPost} [data-testid=add-reaction]").GetAttribute("aria-expanded").ShouldBe("true");
        var options = cut.FindAll($"{SecondPost} [data-testid=reaction-option]");
        options.Select(o => o.GetAttribute("data-reaction")).ShouldBe(PostReaction.Offered);
        options[0].GetAttribute("aria-label").ShouldBe("Reagera med 👍");
        JSInterop.VerifyFocusAsyncInvoke().Arguments[0].ShouldBeOfType<Microsoft.AspNetCore.Components.ElementReference>();

        cut.Find($"{SecondPost} [data-testid=reaction-option]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        cut.Find($"{SecondPost} [data-testid=reaction-option]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        cut.FindAll($"{SecondPost} [data-testid=reaction-option]").ShouldBeEmpty();
        cut.Find($"{SecondPost} [data-testid=add-reaction]").GetAttribute("aria-expanded").ShouldBe("false");
        // Open (first option), ArrowRight (second), Escape (back to the button).
        JSInterop.VerifyFocusAsyncInvoke(calledTimes: 3);
    }

    [Fact]
    public async Task A_used_reaction_shows_its_count_and_who_reacted_and_the_member_toggles_their_own()
    {
        var (cut, threadId) = await OpenAsync(Karin);
        await Discussions.ReactAsync(Erik, await SecondPostIdAsync(threadId), "🎉");

        cut.WaitForAssertion(() =>
        {
            var chip = cut.Find($"{SecondPost} [data-testid=reaction][data-reaction='🎉']");
            chip.TextContent.ShouldContain("1");
            chip.GetAttribute("aria-pressed").ShouldBe("false");
            chip.GetAttribute("title").ShouldBe("Erik Sandberg");
            chip.GetAttribute("aria-label").ShouldBe("🎉 1: Erik Sandberg");
        });

        cut.Find($"{SecondPost} [data-testid=reaction][data-reaction='🎉']").Click();

        cut.WaitForAssertion(() =>
        {
            var chip = cut.Find($"{SecondPost} [data-testid=reaction][data-reaction='🎉']");
            chip.GetAttribute("aria-pressed").ShouldBe("true");
            chip.GetAttribute("aria-label").ShouldBe("🎉 2: Erik Sandberg, Karin Holm");
        });

        cut.Find($"{SecondPost} [data-testid=reaction][data-reaction='🎉']").Click();

        cut.WaitForAssertion(() => cut.Find($"{SecondPost} [data-testid=reaction][data-reaction='🎉']")
            .GetAttribute("aria-label").ShouldBe("🎉 1: Erik Sandberg"));
    }

    [Fact]
    public async Task Choosing_from_the_menu_adds_a_chip_of_ones_own_and_closes_the_menu()
    {
        var (cut, _) = await OpenAsync(Karin);

        cut.Find($"{SecondPost} [data-testid=add-reaction]").Click();
        cut.Find($"{SecondPost} [data-testid=reaction-option][data-reaction='🙏']").Click();

        cut.WaitForAssertion(() =>
        {
            var chip = cut.Find($"{SecondPost} [data-testid=reaction][data-reaction='🙏']");
            chip.GetAttribute("aria-pressed").ShouldBe("true");
            chip.GetAttribute("aria-label").ShouldBe("🙏 1: Karin Holm");
        });
        cut.FindAll($"{SecondPost} [data-testid=reaction-option]").ShouldBeEmpty();
    }
}
