using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Portal.Web.Components.Live;

namespace Portal.Web.Features.Discussions;

/// <summary>The composer's browser side (<c>wwwroot/js/composer.js</c>): keys, caret and pastes too
/// large to send, and the draft kept in localStorage per member and thread (ADR 0020). Without a
/// browser (prerendering, a dropped connection) the composer works on, only without these.</summary>
internal sealed class ComposerScript(IJSRuntime js, TimeProvider clock, ILogger logger, Func<string> currentText,
    Func<Func<Task>, Task> dispatch) : IAsyncDisposable
{
    /// <summary>Texts larger than this (in UTF-8) stay in the browser: the circuit's message limit is 96 KB.</summary>
    public const int MaxSentBytes = 64 * 1024;
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private IJSObjectReference? _module;
    private string? _draftKey;
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;
    private bool _pending;

    /// <summary>Wires the field's keys and caret to <paramref name="composer"/> and returns the kept
    /// draft under <paramref name="draftKey"/> (null: keep none).</summary>
    public async Task<string?> AttachAsync(ElementReference root, object composer, string? draftKey)
    {
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", "./js/composer.js");
            await _module.InvokeVoidAsync("attach", root, composer, MaxSentBytes);
            _draftKey = draftKey;
            return draftKey is null ? null : await _module.InvokeAsync<string?>("loadDraft", draftKey);
        }
        catch (Exception exception) when (IsBrowserGone(exception))
        {
            logger.LogInformation(exception, "The composer's browser side is not available");
            return null;
        }
    }

    /// <summary>Keeps the text at most once a second while typing; the rest follows a second later,
    /// or when the composer goes away (leaving the thread). <paramref name="now"/> writes at once (sent: empty).</summary>
    public async Task SaveDraftAsync(bool now = false)
    {
        if (_draftKey is null || _module is null)
            return;
        var at = clock.GetUtcNow();
        if (!now && at - _savedAt < SaveInterval)
        {
            if (!_pending)
                _ = LiveEvents.RunAsync(SaveLaterAsync, logger);
            _pending = true;
            return;
        }
        _savedAt = at;
        _pending = false;
        try
        {
            await _module.InvokeVoidAsync("saveDraft", _draftKey, currentText());
        }
        catch (Exception exception) when (IsBrowserGone(exception))
        {
            logger.LogInformation(exception, "A draft could not be kept in the browser");
        }
    }

    private async Task SaveLaterAsync()
    {
        await Task.Delay(SaveInterval, clock);
        await dispatch(async () =>
        {
            if (_pending)
                await SaveDraftAsync(now: true);
        });
    }

    private static bool IsBrowserGone(Exception exception) =>
        exception is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException;

    public async ValueTask DisposeAsync()
    {
        if (_pending)
            await SaveDraftAsync(now: true);
        _draftKey = null;
        if (_module is null)
            return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the module.
        }
    }
}
