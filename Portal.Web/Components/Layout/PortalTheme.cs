using MudBlazor;

namespace Portal.Web.Components.Layout;

public static class PortalTheme
{
    // Colours chosen for WCAG AA contrast against white text and backgrounds.
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f72",
            Secondary = "#6c3483",
            AppbarBackground = "#1b4f72",
            TextSecondary = "rgba(0,0,0,0.7)",
        },
    };
}
