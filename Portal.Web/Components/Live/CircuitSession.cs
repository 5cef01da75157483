namespace Portal.Web.Components.Live;

/// <summary>Ends the UI of a circuit whose member's session is over, before the circuit is made
/// anonymous: pages that find no member would otherwise fail while they re-render. <see cref="SessionGuard"/>
/// registers what ending means (remove every page, load the sign-in). Scoped: one per circuit.</summary>
public sealed class CircuitSession
{
    private Func<Task>? _end;

    /// <summary>Set by the guard around the circuit's UI.</summary>
    public void WhenEnded(Func<Task> end) => _end = end;

    public Task EndAsync() => _end?.Invoke() ?? Task.CompletedTask;
}
