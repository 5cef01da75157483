using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Web.Resources;

namespace Portal.Web.Components.Shared;

/// <summary>MudBlazor's own texts (the clear button, dialog and snackbar close, pagination, date
/// pickers…) from the portal's resources, keyed by MudBlazor's resource names
/// (<c>MudInput_Clear</c>): without it a Swedish page says "Clear". MudBlazor keeps its built-in
/// English for an English page; a key missing here falls back to that English too.</summary>
public sealed class PortalMudLocalizer(IStringLocalizer<MudBlazorText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
