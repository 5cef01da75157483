namespace Portal.Domain.Documents;

/// <summary>What kind of guidance a document is (the library's type filter). Stored as its number: never renumber.</summary>
public enum DocumentType
{
    Manual = 1,
    Checklist = 2,
    Routine = 3,
    TrainingMaterial = 4,
    Template = 5,
    Study = 6,
    Decision = 7,
}

/// <summary>Whom the guidance is about: children, adults or both (the child-rights perspective is filtered on).</summary>
public enum DocumentAudience
{
    Both = 0,
    Children = 1,
    Adults = 2,
}

public enum DocumentVersionStatus
{
    /// <summary>Being written and reviewed; seen only by the document's editors and its named reviewers.</summary>
    Draft = 0,
    /// <summary>Signed off and published: read-only for ever. In force from its effective date until a later
    /// published version comes into force (then it is superseded, kept and marked so).</summary>
    Published = 1,
}

public enum ReviewDecision
{
    Pending = 0,
    Approved = 1,
    ChangesRequested = 2,
}

/// <summary>A version's number, major.minor. A major version asks every reader to acknowledge it again;
/// a minor one (corrections, clarifications) keeps their acknowledgement of the same major version.</summary>
public readonly record struct VersionNumber(int Major, int Minor) : IComparable<VersionNumber>
{
    public static VersionNumber First => new(1, 0);

    public VersionNumber Next(bool major) => major ? new(Major + 1, 0) : new(Major, Minor + 1);

    public int CompareTo(VersionNumber other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(VersionNumber left, VersionNumber right) => left.CompareTo(right) < 0;
    public static bool operator >(VersionNumber left, VersionNumber right) => left.CompareTo(right) > 0;
    public static bool operator <=(VersionNumber left, VersionNumber right) => left.CompareTo(right) <= 0;
    public static bool operator >=(VersionNumber left, VersionNumber right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}";

    public static bool TryParse(string? text, out VersionNumber number)
    {
        number = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor) || major < 1 || minor < 0)
            return false;
        number = new VersionNumber(major, minor);
        return true;
    }
}
