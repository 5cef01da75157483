using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Portal.Tests.Web.Meetings;

/// <summary>Choosing a MudRadio or MudCheckBox by its data-testid, wherever MudBlazor puts the attribute
/// (on the input, or on the element around it).</summary>
internal static class MeetingPageChoices
{
    public static void Choose<T>(this IRenderedComponent<T> cut, string testId) where T : IComponent
    {
        var input = cut.FindAll($"input[data-testid={testId}], [data-testid={testId}] input").FirstOrDefault()
            ?? throw new InvalidOperationException($"No input for {testId} in:\n{cut.Markup[..Math.Min(cut.Markup.Length, 6000)]}");
        Pick(input);
    }

    private static void Pick(IElement input)
    {
        try
        {
            input.Change(true);
        }
        catch (MissingEventHandlerException)
        {
            input.Click();
        }
    }
}
