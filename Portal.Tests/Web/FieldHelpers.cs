using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Portal.Tests.Web;

internal static class FieldHelpers
{
    /// <summary>The MudBlazor input control (label, input and helper/error line) around an element,
    /// so a test can check that a message is shown beside that very field.</summary>
    public static IElement FieldAround<T>(this IRenderedComponent<T> cut, string selector) where T : IComponent =>
        cut.Find(selector).Closest(".mud-input-control") ?? throw new InvalidOperationException($"No input control around {selector}");
}
