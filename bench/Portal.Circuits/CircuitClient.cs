using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Circuits;

/// <summary>When a render batch arrived (a <see cref="Stopwatch"/> timestamp, taken before decoding),
/// how large it was and what it held (null if it could not be decoded). Raised after the batch is
/// applied to <see cref="CircuitClient.Read"/>'s document.</summary>
public sealed record RenderBatchReceived(CircuitClient Circuit, long BatchId, long Timestamp, int Bytes, RenderBatch? Batch = null);

public sealed class CircuitClientOptions
{
    /// <summary>How long opening the circuit and each wait may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Answers a JavaScript interop call (identifier, arguments as JSON) with a result as JSON,
    /// or null for the default answer: a new object reference where one is expected, else null.</summary>
    public Func<string, string, string?>? AnswerJavaScript { get; init; }
}

/// <summary>One browser tab's Blazor Server circuit without a browser: it loads the prerendered page,
/// opens <c>/_blazor</c> with the "blazorpack" protocol, starts the circuit and adds the page's root
/// components as blazor.web.js does (<c>StartCircuit</c>, then <c>UpdateRootComponents</c> with the
/// page's component markers), applies and acknowledges every render batch (<c>OnRenderCompleted</c>),
/// answers JavaScript interop calls with harmless results, follows navigations, and dispatches browser
/// events (click, input/change, submit) to the event handlers the render batches named.</summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    private const string NavigateTo = "Blazor._internal.navigationManager.navigateTo";
    private const string AttachWebRendererInterop = "Blazor._internal.attachWebRendererInterop";

    // One pool of connections for every circuit of a run; cookies go in headers, per circuit.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    private readonly HubConnection _connection;
    private readonly CircuitClientOptions _options;
    private readonly string? _cookie;
    private readonly Lock _gate = new();
    private readonly CircuitDocument _document = new();
    private readonly TaskCompletionSource _rootComponentsAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _pendingDotNetCalls = new();
    private long _nextJavaScriptObjectId;
    private long _nextCallId;
    private long _rendererInterop;
    private bool _disposing;
    private long _batches;

    private CircuitClient(Uri baseUri, Uri location, string? cookie, CircuitClientOptions options)
    {
        BaseUri = baseUri;
        Location = location;
        _cookie = cookie;
        _options = options;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), http =>
        {
            if (cookie is not null)
                http.Headers["Cookie"] = cookie;
            http.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _connection = builder.Build();

        _connection.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (_gate)
                _document.AttachRoot(componentId);
        });
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _connection.On<long>("JS.EndUpdateRootComponents", _ => _rootComponentsAdded.TrySetResult());
        _connection.On<string, bool, string?>("JS.EndInvokeDotNet", (callId, succeeded, result) =>
        {
            if (_pendingDotNetCalls.TryRemove(callId, out var pending))
            {
                if (succeeded)
                    pending.TrySetResult(result);
                else
                    pending.TrySetException(new InvalidOperationException(result));
            }
        });
        _connection.On<string>("JS.Error", Fail);
        _connection.Closed += exception =>
        {
            if (!_disposing)
                Fail("The connection closed" + (exception is null ? "." : ": " + exception.Message));
            return Task.CompletedTask;
        };
    }

    public Uri BaseUri { get; }

    /// <summary>The page's address, as the browser's address bar would show it.</summary>
    public Uri Location { get; private set; }

    /// <summary>The circuit's secret id, as StartCircuit returned it.</summary>
    public string? CircuitId { get; private set; }

    /// <summary>What went wrong, if anything: a <c>JS.Error</c> from the server, a lost connection, or
    /// a render batch this client could not apply.</summary>
    public string? Error { get; private set; }

    /// <summary>Render batches received so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>JavaScript interop calls answered, by identifier.</summary>
    public ConcurrentDictionary<string, int> JavaScriptCalls { get; } = new();

    public event Action<RenderBatchReceived>? BatchReceived;

    /// <summary>Loads <paramref name="path"/> with the session cookie (name=value) and opens its circuit;
    /// returns once the page's components have rendered interactively for the first time.</summary>
    public static async Task<CircuitClient> OpenAsync(Uri baseUrl, string path, string? cookie,
        CircuitClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CircuitClientOptions();
        var location = new Uri(baseUrl, path.TrimStart('/'));
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        using var response = await Http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        var html = await response.Content.ReadAsStringAsync(cancellationToken);

        var circuit = new CircuitClient(baseUrl, location, cookie, options);
        try
        {
            await circuit.StartAsync(html, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(string html, CancellationToken cancellationToken)
    {
        // Prerendered interactive components leave a start marker <!--Blazor:{…"descriptor":…}-->
        // (and an end marker without a descriptor); the browser hands the start markers back.
        var markers = ComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m.ContainsKey("descriptor") && (string?)m["type"] == "server")
            .ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{Location} has no interactive server components.");
        var state = ApplicationState().Match(html) is { Success: true } found ? found.Groups[1].Value : "";

        await _connection.StartAsync(cancellationToken);
        CircuitId = await _connection.InvokeAsync<string?>("StartCircuit", BaseUri.ToString(), Location.ToString(), "[]", "", cancellationToken)
            ?? throw new InvalidOperationException("The server refused to start the circuit: " + Error);
        var operations = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
        {
            ["type"] = "add",
            ["ssrComponentId"] = i + 1,
            ["marker"] = marker,
        }).ToArray());
        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await _connection.SendAsync("UpdateRootComponents", batch.ToJsonString(), state, cancellationToken);

        await Task.WhenAny(_rootComponentsAdded.Task, FailedAsync()).WaitAsync(_options.Timeout, cancellationToken);
        if (Error is not null)
            throw new InvalidOperationException("The circuit failed to start: " + Error);
    }

    private async Task FailedAsync()
    {
        while (Error is null)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            await changed;
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var at = Stopwatch.GetTimestamp();
        RenderBatch? batch = null;
        try
        {
            batch = RenderBatch.Parse(data);
            lock (_gate)
                _document.Apply(batch);
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidCastException or ArgumentException or IndexOutOfRangeException)
        {
            // Acknowledge all the same: the circuit lives on, but this client's page is wrong.
            Error ??= $"Render batch {batchId} could not be applied: {exception}";
        }
        Interlocked.Increment(ref _batches);
        await _connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
        Changed();
        BatchReceived?.Invoke(new RenderBatchReceived(this, batchId, at, data.Length, batch));
    }

    private async Task OnBeginInvokeJSAsync(long handle, string identifier, string arguments, int resultType, long targetInstanceId, int callType)
    {
        JavaScriptCalls.AddOrUpdate(identifier, 1, (_, count) => count + 1);
        string result;
        if (identifier == NavigateTo)
        {
            await FollowNavigationAsync(arguments);
            result = "null";
        }
        else if (identifier == AttachWebRendererInterop)
        {
            // The renderer hands the browser a .NET object to dispatch events to:
            // [rendererId, {"__dotNetObject": id}, …].
            var reference = JsonNode.Parse(arguments)!.AsArray().OfType<JsonObject>().First(o => o.ContainsKey("__dotNetObject"));
            Interlocked.Exchange(ref _rendererInterop, reference["__dotNetObject"]!.GetValue<long>());
            result = "null";
        }
        else
        {
            // resultType 1 (JSCallResultType.JSObjectReference): the caller holds on to an object,
            // for example an imported module; it gets an id, and calls on it are answered like the rest.
            result = _options.AnswerJavaScript?.Invoke(identifier, arguments)
                ?? (resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJavaScriptObjectId)}}}" : "null");
        }
        // Handle 0: a call that wants no answer (such as releasing an object reference).
        if (handle != 0)
            await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    /// <summary>NavigationManager.NavigateTo on the server: the browser moves within the app
    /// (telling the circuit the location changed) unless a full page load is asked for.</summary>
    private async Task FollowNavigationAsync(string arguments)
    {
        var args = JsonNode.Parse(arguments)!.AsArray();
        var target = new Uri(BaseUri, (string)args[0]!);
        var forceLoad = args.Count > 1 && args[1]?["forceLoad"]?.GetValue<bool>() == true;
        Location = target;
        if (!forceLoad && BaseUri.IsBaseOf(target))
            await _connection.SendAsync("OnLocationChanged", target.ToString(), (string?)args.ElementAtOrDefault(1)?["historyEntryState"]?.GetValue<string>(), false);
    }

    private void Fail(string error)
    {
        Error ??= error;
        foreach (var pending in _pendingDotNetCalls.Values)
            pending.TrySetException(new InvalidOperationException(error));
        Changed();
    }

    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Reads the page under the lock that render batches are applied under.</summary>
    public T Read<T>(Func<CircuitDocument, T> read)
    {
        lock (_gate)
            return read(_document);
    }

    /// <summary>The page's text, whitespace collapsed.</summary>
    public string Text => Read(d => d.Text);

    /// <summary>Waits until <paramref name="condition"/> holds for the page, checking after each render batch.</summary>
    public async Task WaitForAsync(Func<CircuitDocument, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? _options.Timeout).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_document))
                    return;
                changed = _changed.Task;
            }
            if (Error is not null)
                throw new InvalidOperationException($"The circuit failed while waiting for {what}: {Error}");
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"Waited in vain for {what} at {Location}. The page reads: {Shorten(Text)}");
            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }

    public Task WaitForTextAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync(d => d.Text.Contains(text, StringComparison.Ordinal), $"the text \"{text}\"", timeout);

    /// <summary>Waits for an element that matches and is not disabled, and returns it.</summary>
    public async Task<ElementNode> WaitForElementAsync(string selector, Func<ElementNode, bool>? ready = null, TimeSpan? timeout = null)
    {
        var parsed = Selector.Parse(selector);
        ElementNode? found = null;
        await WaitForAsync(d => (found = d.Elements().FirstOrDefault(e => parsed.Matches(e) && !e.Attributes.ContainsKey("disabled")
            && (ready is null || ready(e)))) is not null, $"an element {selector}", timeout);
        return found!;
    }

    /// <summary>Follows a link within the app, as a click on an anchor does: the circuit's router
    /// renders the new page. Wait for what the page shows to know when it has.</summary>
    public async Task NavigateAsync(string path)
    {
        Location = new Uri(BaseUri, path.TrimStart('/'));
        await _connection.SendAsync("OnLocationChanged", Location.ToString(), (string?)null, true);
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    /// <summary>Closes the tab: like blazor.web.js on unload, tells the server to end the circuit now
    /// (rather than keep it for a reconnect), then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        if (CircuitId is not null)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, "_blazor/disconnect"))
                {
                    Content = new FormUrlEncodedContent([new("circuitId", CircuitId)]),
                };
                if (_cookie is not null)
                    request.Headers.Add("Cookie", _cookie);
                using var _ = await Http.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                // The server is gone already.
            }
        }
        await _connection.DisposeAsync();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ApplicationState();
}
