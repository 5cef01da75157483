using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Circuits;

/// <summary>A node of the page as a circuit client sees it: the "logical" tree blazor.web.js keeps,
/// where a child component is one node (its container) holding what that component rendered.</summary>
public abstract class Node
{
    public Node? Parent { get; internal set; }

    /// <summary>The text a browser would show for this node and what it contains.</summary>
    public abstract void AppendText(StringBuilder text);

    public string Text
    {
        get
        {
            var text = new StringBuilder();
            AppendText(text);
            return CircuitDocument.WhitespaceRun.Replace(text.ToString(), " ").Trim();
        }
    }
}

/// <summary>A node with children: an element, or the container of a component.</summary>
public abstract class ContainerNode : Node
{
    public List<Node> Children { get; } = [];

    public override void AppendText(StringBuilder text)
    {
        foreach (var child in Children)
            child.AppendText(text);
    }

    internal void Insert(int index, Node node)
    {
        node.Parent = this;
        Children.Insert(index, node);
    }
}

public sealed class ComponentNode(int componentId) : ContainerNode
{
    public int ComponentId { get; } = componentId;
}

public sealed class ElementNode(string tagName, int ownerComponentId) : ContainerNode
{
    public string TagName { get; } = tagName;

    /// <summary>The component that rendered this element (the one told about a changed field value).</summary>
    public int OwnerComponentId { get; } = ownerComponentId;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Event handler ids by event name without "on": "click", "input", "submit"…</summary>
    public Dictionary<string, ulong> EventHandlers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
        { "a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "sub", "sup", "time" };

    public override void AppendText(StringBuilder text)
    {
        if (TagName is "style" or "script")
            return;
        // Other than inline elements, elements separate words as a browser lays them out.
        var separate = !Inline.Contains(TagName);
        if (separate)
            text.Append(' ');
        base.AppendText(text);
        if (separate)
            text.Append(' ');
    }

    public override string ToString() => $"<{TagName}{string.Concat(Attributes.Select(a => $" {a.Key}=\"{a.Value}\""))}>";
}

public sealed class TextNode(string text) : Node
{
    public string Content { get; set; } = text;

    public override void AppendText(StringBuilder text) => text.Append(Content);
}

/// <summary>Raw HTML (a MarkupString, such as a post's rendered body); its text is the HTML without tags.</summary>
public sealed partial class MarkupNode(string html) : Node
{
    public string Html { get; } = html;

    public override void AppendText(StringBuilder text) => text.Append(' ').Append(WebUtility.HtmlDecode(Tag().Replace(Html, " "))).Append(' ');

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}

/// <summary>The page of one circuit, kept up to date by applying each render batch as blazor.web.js
/// applies it to the DOM (its BrowserRenderer): edits walk a component's container by sibling index,
/// regions are flattened into their parent, a child component is one node. Not thread-safe: the
/// <see cref="CircuitClient"/> applies batches and reads it under one lock.</summary>
public sealed partial class CircuitDocument
{
    internal static readonly Regex WhitespaceRun = WhitespaceRunRegex();

    private readonly Dictionary<int, ComponentNode> _components = [];
    private readonly Dictionary<ulong, ElementNode> _handlers = [];

    /// <summary>The root components (HeadOutlet, Routes…) in the order they were attached.</summary>
    public List<ComponentNode> Roots { get; } = [];

    public string Text => string.Join(" ", Roots.Select(r => r.Text)).Trim();

    public void AttachRoot(int componentId)
    {
        var root = new ComponentNode(componentId);
        _components[componentId] = root;
        Roots.Add(root);
    }

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.Diffs)
        {
            if (!_components.TryGetValue(diff.ComponentId, out var container))
                throw new InvalidDataException($"No node is associated with component {diff.ComponentId}.");
            ApplyEdits(diff, container, batch.ReferenceFrames);
        }
        foreach (var componentId in batch.DisposedComponentIds)
            _components.Remove(componentId);
        foreach (var handlerId in batch.DisposedEventHandlerIds)
        {
            if (_handlers.Remove(handlerId, out var element))
            {
                foreach (var name in element.EventHandlers.Where(h => h.Value == handlerId).Select(h => h.Key).ToList())
                    element.EventHandlers.Remove(name);
            }
        }
    }

    private void ApplyEdits(ComponentDiff diff, ContainerNode container, IReadOnlyList<Frame> frames)
    {
        ContainerNode parent = container;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in diff.Edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(diff.ComponentId, parent, edit.SiblingIndex, frames, edit.ReferenceFrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(ElementAt(parent, edit.SiblingIndex), frames[edit.ReferenceFrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                {
                    var element = ElementAt(parent, edit.SiblingIndex);
                    var name = edit.RemovedAttributeName!;
                    element.Attributes.Remove(name);
                    if (name.StartsWith("on", StringComparison.Ordinal))
                        element.EventHandlers.Remove(name[2..]);
                    break;
                }
                case EditType.UpdateText:
                    ((TextNode)parent.Children[edit.SiblingIndex]).Content = frames[edit.ReferenceFrameIndex].Value ?? "";
                    break;
                case EditType.UpdateMarkup:
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    parent.Insert(edit.SiblingIndex, new MarkupNode(frames[edit.ReferenceFrameIndex].Value ?? ""));
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = (ContainerNode)parent.Parent!;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndex));
                    break;
                case EditType.PermutationListEnd:
                {
                    // Every moved node is taken first, then put in its new place.
                    var moving = permutation!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moving)
                        parent.Children[to] = node;
                    permutation = null;
                    break;
                }
                default:
                    throw new InvalidDataException($"Unknown edit type {edit.Type}.");
            }
        }
    }

    private static ElementNode ElementAt(ContainerNode parent, int index) =>
        parent.Children[index] as ElementNode ?? throw new InvalidDataException("An attribute edit names a node that is not an element.");

    /// <summary>Inserts a frame and its subtree at <paramref name="index"/>; returns how many nodes
    /// that made (a region makes as many as it holds, a reference capture none).</summary>
    private int InsertFrame(int componentId, ContainerNode parent, int index, IReadOnlyList<Frame> frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
            {
                var element = new ElementNode(frame.Name!, componentId);
                parent.Insert(index, element);
                var end = frameIndex + frame.SubtreeLength;
                var child = frameIndex + 1;
                for (; child < end && frames[child].Type == FrameType.Attribute; child++)
                    ApplyAttribute(element, frames[child]);
                InsertRange(componentId, element, 0, frames, child, end);
                return 1;
            }
            case FrameType.Text:
                parent.Insert(index, new TextNode(frame.Value ?? ""));
                return 1;
            case FrameType.Markup:
                parent.Insert(index, new MarkupNode(frame.Value ?? ""));
                return 1;
            case FrameType.Component:
            {
                var node = new ComponentNode(frame.ComponentId);
                _components[frame.ComponentId] = node;
                parent.Insert(index, node);
                return 1;
            }
            case FrameType.Region:
                return InsertRange(componentId, parent, index, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            case FrameType.ElementReferenceCapture:
                if (parent is ElementNode captured)
                    captured.Attributes["_bl_" + frame.Value] = "";
                return 0;
            case FrameType.Attribute:
                throw new InvalidDataException("An attribute frame outside the head of an element.");
            default:
                return 0;
        }
    }

    private int InsertRange(int componentId, ContainerNode parent, int index, IReadOnlyList<Frame> frames, int start, int endExclusive)
    {
        var first = index;
        for (var i = start; i < endExclusive; i++)
        {
            var frame = frames[i];
            index += InsertFrame(componentId, parent, index, frames, i);
            // The subtree was inserted with its frame: skip it.
            if (frame.Type is FrameType.Element or FrameType.Component or FrameType.Region)
                i += frame.SubtreeLength - 1;
        }
        return index - first;
    }

    private void ApplyAttribute(ElementNode element, Frame attribute)
    {
        var name = attribute.Name!;
        if (attribute.EventHandlerId != 0)
        {
            var eventName = name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name;
            element.EventHandlers[eventName] = attribute.EventHandlerId;
            _handlers[attribute.EventHandlerId] = element;
            return;
        }
        // A false boolean attribute arrives as null: the browser removes it.
        if (attribute.Value is null)
            element.Attributes.Remove(name);
        else
            element.Attributes[name] = attribute.Value;
    }

    /// <summary>Every element of the page in document order.</summary>
    public IEnumerable<ElementNode> Elements() => Roots.SelectMany(Descendants);

    private static IEnumerable<ElementNode> Descendants(ContainerNode container)
    {
        foreach (var child in container.Children)
        {
            if (child is ElementNode element)
                yield return element;
            if (child is ContainerNode inner)
            {
                foreach (var descendant in Descendants(inner))
                    yield return descendant;
            }
        }
    }

    public IEnumerable<ElementNode> QueryAll(string selector)
    {
        var parsed = Selector.Parse(selector);
        return Elements().Where(parsed.Matches);
    }

    public ElementNode? Query(string selector) => QueryAll(selector).FirstOrDefault();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRunRegex();
}
