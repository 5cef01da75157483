using Microsoft.AspNetCore.Components;

namespace Portal.Web.Components.Shared;

/// <summary>MudBlazor's look as class names, for plain elements on the pages every live circuit keeps:
/// a MudButton, MudIconButton or MudChip costs a circuit its component, its MudIcon and their render-tree
/// buffers (ADR 0024, 0033). The strings are shared by every circuit; focus rings come from app.css.</summary>
public static class MudLook
{
    public const string TextButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-ripple";
    public const string TextButtonInherit = "mud-button-root mud-button mud-button-text mud-button-text-inherit mud-button-text-size-medium mud-ripple";
    public const string OutlinedButtonSmall = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple";
    public const string OutlinedButton = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-medium mud-ripple";
    public const string FilledPrimaryButton = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-medium mud-ripple";
    public const string IconButton = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon";
    public const string IconButtonInheritStart = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon mud-icon-button-edge-start";
    public const string ChipSmall = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-default";
    public const string ChipSmallOutlined = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-default";
    public const string ChipSmallWarning = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-warning";
    public const string ChipSmallDark = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-dark";
    public const string Caption = "mud-typography mud-typography-caption";

    /// <summary>A button's label with an icon before the text, as MudButton's StartIcon.</summary>
    public static MarkupString StartIcon(string icon, string size = "medium") =>
        new($"<span class=\"mud-button-icon-start mud-button-icon-size-{size}\">{SvgIcon.Of(icon, size)}</span>");

    /// <summary>A chip's icon, as MudChip's Icon.</summary>
    public static MarkupString ChipIcon(string icon) => SvgIcon.Of(icon, "small", "mud-chip-icon");
}
