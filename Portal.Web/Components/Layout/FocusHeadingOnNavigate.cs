using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Portal.Web.Components.Layout;

/// <summary>Blazor's <c>FocusOnNavigate</c>, except that it leaves the focus alone when the member has
/// already moved it on the new page (<c>wwwroot/js/focus.js</c> says why). Like the original it acts
/// when the page (its component type) changes, including the first interactive render.</summary>
public sealed class FocusHeadingOnNavigate : ComponentBase, IAsyncDisposable
{
    private Type? _page;
    private bool _focusAfterRender;
    private IJSObjectReference? _module;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private ILogger<FocusHeadingOnNavigate> Logger { get; set; } = null!;

    [Parameter, EditorRequired] public required Microsoft.AspNetCore.Components.RouteData RouteData { get; set; }

    [Parameter] public string Selector { get; set; } = "h1";

    protected override void OnParametersSet()
    {
        if (RouteData.PageType == _page)
            return;
        _page = RouteData.PageType;
        _focusAfterRender = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusAfterRender)
            return;
        _focusAfterRender = false;
        try
        {
            // Imported on the first render, so that the script notes the clicks that start navigations.
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/focus.js");
            await _module.InvokeAsync<bool>("focusHeadingUnlessMoved", Selector);
        }
        catch (Exception exception) when (exception is JSDisconnectedException or TaskCanceledException or JSException)
        {
            // The tab closed or the connection dropped: there is no focus to move.
            Logger.LogDebug(exception, "Focusing the heading after a navigation did not happen");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
            return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // Already gone with the circuit.
        }
    }
}
