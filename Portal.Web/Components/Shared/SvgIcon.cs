using Microsoft.AspNetCore.Components;

namespace Portal.Web.Components.Shared;

/// <summary>A Material icon as plain markup, the same &lt;svg&gt; MudIcon renders, without a component:
/// every component a live circuit keeps costs it two render-tree buffers (ADR 0024), and an icon
/// never changes once drawn.</summary>
public static class SvgIcon
{
    /// <param name="icon">An icon from MudBlazor's <c>Icons</c> (its &lt;path&gt; elements).</param>
    /// <param name="size">"small", "medium" or "large", as MudIcon's sizes.</param>
    public static MarkupString Of(string icon, string size = "medium", string? classes = null) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}{(classes is null ? "" : " " + classes)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
