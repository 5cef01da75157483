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
            // MudBlazor's default error (#f44336, 3.7:1) and warning (#ff9800, 2.2:1) fail AA as text on
            // white and behind white text; these darker tones pass both ways (5.6:1 and 6.1:1).
            Error = "#c62828",
            Warning = "#a84300",
            // The same for success (#00c853, 2.2:1 behind white: "Aktiv", "Godkänn") and info (#2196f3, 3.1:1):
            // 5.1:1 and 5.8:1.
            Success = "#2e7d32",
            Info = "#1565c0",
        },
    };
}
