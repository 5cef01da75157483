using System.Buffers.Binary;
using System.Text;

namespace Portal.Circuits;

/// <summary>The frame types of a render tree, numbered as in Blazor's <c>RenderTreeFrameType</c>.</summary>
public enum FrameType
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
    ComponentRenderMode = 9,
    NamedEvent = 10,
}

/// <summary>The edit types of a render tree diff, numbered as in Blazor's <c>RenderTreeEditType</c>.</summary>
public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>One frame as the browser receives it. Which fields mean something depends on the type:
/// <see cref="Name"/> is an element's tag or an attribute's name, <see cref="Value"/> an attribute's
/// value (null: a false boolean, "": a true one), a text or markup.</summary>
public readonly record struct Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong EventHandlerId);

/// <summary>One edit; <see cref="ReferenceFrameIndex"/> is also the "move to" index of a permutation entry.</summary>
public readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <summary>A render batch decoded from the binary form Blazor Server sends in <c>JS.RenderBatch</c>
/// (written by its <c>RenderBatchWriter</c>, read in the browser by blazor.web.js): the diffs per
/// component, the frames they refer to, and the components and event handlers that went away.</summary>
public sealed class RenderBatch
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    public required IReadOnlyList<ComponentDiff> Diffs { get; init; }
    public required IReadOnlyList<Frame> ReferenceFrames { get; init; }
    public required IReadOnlyList<int> DisposedComponentIds { get; init; }
    public required IReadOnlyList<ulong> DisposedEventHandlerIds { get; init; }

    /// <summary>Decodes a batch. The layout: the sections one after the other, then the string table,
    /// then five 32-bit offsets (diffs table, frames, disposed components, disposed handlers, string
    /// table index) at the very end. All integers are little-endian.</summary>
    public static RenderBatch Parse(ReadOnlySpan<byte> data)
    {
        var end = data.Length - 5 * 4;
        var diffsTable = Int32(data, end);
        var framesAt = Int32(data, end + 4);
        var disposedComponentsAt = Int32(data, end + 8);
        var disposedHandlersAt = Int32(data, end + 12);
        var stringIndexAt = Int32(data, end + 16);
        var strings = new StringTable(data, stringIndexAt, end);

        var frames = new Frame[Int32(data, framesAt)];
        for (var i = 0; i < frames.Length; i++)
            frames[i] = ReadFrame(data, framesAt + 4 + i * FrameSize, strings);

        var diffs = new ComponentDiff[Int32(data, diffsTable)];
        for (var i = 0; i < diffs.Length; i++)
        {
            var at = Int32(data, diffsTable + 4 + i * 4);
            var componentId = Int32(data, at);
            var edits = new Edit[Int32(data, at + 4)];
            for (var e = 0; e < edits.Length; e++)
            {
                var editAt = at + 8 + e * EditSize;
                edits[e] = new Edit((EditType)Int32(data, editAt), Int32(data, editAt + 4), Int32(data, editAt + 8),
                    strings.Get(Int32(data, editAt + 12)));
            }
            diffs[i] = new ComponentDiff(componentId, edits);
        }

        var disposedComponents = new int[Int32(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++)
            disposedComponents[i] = Int32(data, disposedComponentsAt + 4 + i * 4);
        var disposedHandlers = new ulong[Int32(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlersAt + 4 + i * 8)..]);

        return new RenderBatch
        {
            Diffs = diffs,
            ReferenceFrames = frames,
            DisposedComponentIds = disposedComponents,
            DisposedEventHandlerIds = disposedHandlers,
        };
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> data, int at, StringTable strings)
    {
        var type = (FrameType)Int32(data, at);
        var body = at + 4;
        return type switch
        {
            FrameType.Element => new Frame(type, Int32(data, body), 0, strings.Get(Int32(data, body + 4)), null, 0),
            FrameType.Text or FrameType.Markup => new Frame(type, 0, 0, null, strings.Get(Int32(data, body)), 0),
            FrameType.Attribute => new Frame(type, 0, 0, strings.Get(Int32(data, body)), strings.Get(Int32(data, body + 4)),
                BinaryPrimitives.ReadUInt64LittleEndian(data[(body + 8)..])),
            FrameType.Component => new Frame(type, Int32(data, body), Int32(data, body + 4), null, null, 0),
            FrameType.Region => new Frame(type, Int32(data, body), 0, null, null, 0),
            FrameType.ElementReferenceCapture => new Frame(type, 0, 0, null, strings.Get(Int32(data, body)), 0),
            // Component reference captures, render modes and named events: padding only.
            _ => new Frame(type, 0, 0, null, null, 0),
        };
    }

    private static int Int32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    /// <summary>Strings as .NET's BinaryWriter writes them (a 7-bit encoded byte length, then UTF-8),
    /// found through a table of their offsets; index -1 is null.</summary>
    private readonly ref struct StringTable(ReadOnlySpan<byte> data, int indexAt, int indexEnd)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public string? Get(int index)
        {
            if (index < 0)
                return null;
            if (indexAt + index * 4 >= indexEnd)
                throw new InvalidDataException($"String {index} is outside the string table.");
            var at = Int32(_data, indexAt + index * 4);
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = _data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return Encoding.UTF8.GetString(_data.Slice(at, length));
        }
    }
}
