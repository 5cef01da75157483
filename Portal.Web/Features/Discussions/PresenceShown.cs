using Portal.Infrastructure.Features.Presence;

namespace Portal.Web.Features.Discussions;

/// <summary>What the presence line says: the readers counted exactly while few, then rounded down
/// ("20+", "300+", "1000+") so that each newcomer does not change the line of every reader; and
/// the first few writers by name, the rest as a number.</summary>
public sealed record PresenceShown(int Reading, bool AtLeast, IReadOnlyList<string> Writing, int MoreWriting)
{
    public const int ExactUpTo = 20;
    public const int WritersNamed = 3;

    public static PresenceShown From(ThreadPresenceView view)
    {
        var reading = Rounded(view.ReadingCount);
        return new PresenceShown(reading, reading != view.ReadingCount, view.Writing.Take(WritersNamed).ToList(),
            Math.Max(0, view.Writing.Count - WritersNamed));
    }

    /// <summary>Exact up to <see cref="ExactUpTo"/>, then down to the tens, hundreds or thousands.</summary>
    public static int Rounded(int count)
    {
        if (count <= ExactUpTo)
            return count;
        var step = count < 100 ? 10 : count < 1000 ? 100 : 1000;
        return count / step * step;
    }

    public bool Equals(PresenceShown? other) =>
        other is not null && Reading == other.Reading && AtLeast == other.AtLeast && MoreWriting == other.MoreWriting
        && Writing.SequenceEqual(other.Writing);

    public override int GetHashCode() => HashCode.Combine(Reading, AtLeast, MoreWriting, Writing.Count);
}
