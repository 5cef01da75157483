using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Portal.Circuits;

/// <summary>Browser events: found by selector, sent to the handler ids the render batches named.</summary>
public sealed partial class CircuitClient
{
    /// <summary>Clicks like a browser: the click goes to the element's handler and bubbles up through
    /// its ancestors' click handlers; a submit button then submits its form.</summary>
    public async Task ClickAsync(string selector, TimeSpan? timeout = null)
    {
        var element = await WaitForElementAsync(selector, e => HasHandler(e, "click") || SubmitsForm(e) is not null, timeout);
        var mouse = new
        {
            detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0, pageX = 0, pageY = 0,
            movementX = 0, movementY = 0, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false,
            type = "click",
        };
        await BubbleAsync(element, "click", mouse);
        if (Read(_ => SubmitsForm(element)) is { } form)
            await DispatchAsync(form, "submit", new { type = "submit" });
    }

    /// <summary>Types a value into a field: "input" then "change", to whichever the field listens.</summary>
    public async Task SetValueAsync(string selector, string value, TimeSpan? timeout = null)
    {
        var element = await WaitForElementAsync(selector, e => e.EventHandlers.ContainsKey("input") || e.EventHandlers.ContainsKey("change"), timeout);
        lock (_gate)
            element.Attributes["value"] = value;
        foreach (var eventName in new[] { "input", "change" })
        {
            if (Read(_ => element.EventHandlers.ContainsKey(eventName)))
                await DispatchAsync(element, eventName, new { value, type = eventName }, value);
        }
    }

    /// <summary>Submits a form (or the form around the element the selector names).</summary>
    public async Task SubmitAsync(string selector, TimeSpan? timeout = null)
    {
        var element = await WaitForElementAsync(selector, e => FormOf(e)?.EventHandlers.ContainsKey("submit") == true, timeout);
        await DispatchAsync(Read(_ => FormOf(element))!, "submit", new { type = "submit" });
    }

    private async Task BubbleAsync(ElementNode element, string eventName, object args)
    {
        var targets = Read(_ =>
        {
            var list = new List<ElementNode>();
            for (Node? node = element; node is not null; node = node.Parent)
            {
                if (node is not ElementNode current)
                    continue;
                if (current.EventHandlers.ContainsKey(eventName))
                    list.Add(current);
                if (current.Attributes.ContainsKey("__internal_stopPropagation_on" + eventName))
                    break;
            }
            return list;
        });
        foreach (var target in targets)
            await DispatchAsync(target, eventName, args);
    }

    /// <summary>Dispatches an event as blazor.web.js does since .NET 8: a call of the renderer's
    /// <c>DispatchEventAsync</c> through JS-to-.NET interop. Returns when the server has run the
    /// handler (its task completed); a handler that threw fails the returned task.</summary>
    private async Task DispatchAsync(ElementNode element, string eventName, object args, string? fieldValue = null)
    {
        ulong handlerId;
        lock (_gate)
        {
            if (!element.EventHandlers.TryGetValue(eventName, out handlerId))
                return;
        }
        var rendererInterop = Interlocked.Read(ref _rendererInterop);
        if (rendererInterop == 0)
            throw new InvalidOperationException("The renderer has not attached its event dispatcher.");
        var descriptor = new
        {
            eventHandlerId = handlerId,
            eventName,
            // Tells the server what the field now holds, so that its next render does not put the old value back.
            eventFieldInfo = fieldValue is null ? null : new { componentId = element.OwnerComponentId, fieldValue },
        };
        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingDotNetCalls[callId] = done;
        await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, (string?)null, "DispatchEventAsync", rendererInterop,
            JsonSerializer.Serialize(new object[] { descriptor, args }));
        try
        {
            await done.Task.WaitAsync(_options.Timeout);
        }
        finally
        {
            _pendingDotNetCalls.TryRemove(callId, out _);
        }
    }

    private static bool HasHandler(ElementNode element, string eventName)
    {
        for (Node? node = element; node is not null; node = node.Parent)
        {
            if (node is ElementNode current && current.EventHandlers.ContainsKey(eventName))
                return true;
        }
        return false;
    }

    private static ElementNode? FormOf(ElementNode element)
    {
        for (Node? node = element; node is not null; node = node.Parent)
        {
            if (node is ElementNode { TagName: "form" } form)
                return form;
        }
        return null;
    }

    /// <summary>The form a click on this element submits: a button whose type is submit (the default).</summary>
    private static ElementNode? SubmitsForm(ElementNode element) =>
        element.TagName.Equals("button", StringComparison.OrdinalIgnoreCase)
        && (element.Attribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase)
        && FormOf(element) is { } form && form.EventHandlers.ContainsKey("submit")
            ? form
            : null;
}
