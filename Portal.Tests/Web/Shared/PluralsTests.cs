using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Tests.Web.Shared;

/// <summary>Counted texts take the singular for one and the plural otherwise, in both languages
/// ("1 träff", not "1 träffar"; "1 result", not "1 results").</summary>
public sealed class PluralsTests
{
    [Theory]
    [InlineData("sv", 1, "1 träff för ”barn”")]
    [InlineData("sv", 2, "2 träffar för ”barn”")]
    [InlineData("sv", 0, "0 träffar för ”barn”")]
    [InlineData("en", 1, "1 result for “barn”")]
    [InlineData("en", 2, "2 results for “barn”")]
    [InlineData("en", 0, "0 results for “barn”")]
    public void Search_count_takes_the_form_of_its_number(string culture, int count, string expected)
    {
        InCulture(culture, () => Localizer<DiscussionText>().Counted("Search.Count", count, "barn").ShouldBe(expected));
    }

    [Theory]
    [InlineData("sv", "Thread.UnreadLabel", "1 oläst", "3 olästa")]
    [InlineData("sv", "Bell.GroupUnread", "1 oläst", "3 olästa")]
    [InlineData("en", "Search.MoreMatches", "and 1 more match", "and 3 more matches")]
    public void Discussion_counts_take_the_form_of_their_number(string culture, string key, string one, string three)
    {
        InCulture(culture, () =>
        {
            Localizer<DiscussionText>().Counted(key, 1).ShouldBe(one);
            Localizer<DiscussionText>().Counted(key, 3).ShouldBe(three);
        });
    }

    [Theory]
    [InlineData("sv", "1 medlem", "5 medlemmar", "1 oläst inlägg")]
    [InlineData("en", "1 member", "5 members", "1 unread post")]
    public void Workspace_counts_take_the_form_of_their_number(string culture, string oneMember, string fiveMembers, string oneUnread)
    {
        InCulture(culture, () =>
        {
            var texts = Localizer<WorkspaceText>();
            texts.Counted("List.MemberCount", 1).ShouldBe(oneMember);
            texts.Counted("List.MemberCount", 5).ShouldBe(fiveMembers);
            texts.Counted("Home.UnreadLabel", 1).ShouldBe(oneUnread);
        });
    }

    [Fact]
    public void Every_counted_text_has_its_plural_form_showing_the_count()
    {
        var problems = new List<string>();
        foreach (var file in ResourceFiles.All())
        {
            var keys = ResourceFiles.Entries(file);
            foreach (var key in keys.Keys)
            {
                if (!key.EndsWith(".One"))
                    continue;
                if (!keys.TryGetValue(key[..^4] + ".Other", out var other))
                    problems.Add($"{Path.GetFileName(file)}: {key} has no .Other");
                else if (!other.Contains("{0}"))
                    problems.Add($"{Path.GetFileName(file)}: {key[..^4]}.Other does not show its count");
            }
        }

        problems.ShouldBeEmpty();
    }

    private static IStringLocalizer<T> Localizer<T>() =>
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<T>>();

    internal static void InCulture(string culture, Action check)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            check();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
