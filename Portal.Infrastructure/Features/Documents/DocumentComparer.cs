using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Portal.Domain.Documents;

namespace Portal.Infrastructure.Features.Documents;

public enum DiffLineKind
{
    Unchanged = 0,
    Inserted = 1,
    Deleted = 2,
    /// <summary>A line changed in place: its old and new words are both given, each word marked.</summary>
    Changed = 3,
}

public enum DiffWordKind
{
    Unchanged = 0,
    Inserted = 1,
    Deleted = 2,
}

public sealed record DiffWord(string Text, DiffWordKind Kind);

/// <summary>One line of the comparison. A changed line carries its old words (with what went marked
/// deleted) and its new words (with what came marked inserted); the other kinds carry their one text.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, IReadOnlyList<DiffWord> OldWords, IReadOnlyList<DiffWord> NewWords);

/// <summary>A section where something changed; <see cref="Anchor"/> is null for the text before the first heading.</summary>
public sealed record ChangedSection(string? Anchor, string? Number, string? Title);

public sealed record DocumentComparison(
    Guid DocumentId,
    string Title,
    VersionRef From,
    VersionRef To,
    IReadOnlyList<DiffLine> Lines,
    IReadOnlyList<ChangedSection> ChangedSections,
    IReadOnlyList<VersionRef> Versions);

/// <summary>A line diff of two versions' Markdown with word-level changes inside changed lines (DiffPlex),
/// and the sections the changes fall in, numbered as the reader sees them.</summary>
public sealed class DocumentComparer(DocumentRenderer renderer)
{
    public (IReadOnlyList<DiffLine> Lines, IReadOnlyList<ChangedSection> Sections) Compare(string oldText, string newText)
    {
        var model = SideBySideDiffBuilder.Instance.BuildDiffModel(oldText ?? "", newText ?? "", ignoreWhitespace: false);
        var oldSections = renderer.SectionsByLine(oldText ?? "");
        var newSections = renderer.SectionsByLine(newText ?? "");
        var lines = new List<DiffLine>();
        var changed = new List<DocumentSection?>();
        var touchedIntro = false;

        void Touch(DocumentSection?[] byLine, int? position)
        {
            if (position is not { } p || p < 1 || p > byLine.Length)
                return;
            if (byLine[p - 1] is { } section)
                changed.Add(section);
            else
                touchedIntro = true;
        }

        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var before = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : new DiffPiece();
            var after = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : new DiffPiece();
            if (before.Type == ChangeType.Modified || after.Type == ChangeType.Modified)
            {
                lines.Add(new DiffLine(DiffLineKind.Changed, after.Text ?? "", Words(before, DiffWordKind.Deleted), Words(after, DiffWordKind.Inserted)));
                Touch(oldSections, before.Position);
                Touch(newSections, after.Position);
                continue;
            }
            if (before.Type == ChangeType.Deleted)
            {
                lines.Add(new DiffLine(DiffLineKind.Deleted, before.Text ?? "", [], []));
                Touch(oldSections, before.Position);
            }
            if (after.Type == ChangeType.Inserted)
            {
                lines.Add(new DiffLine(DiffLineKind.Inserted, after.Text ?? "", [], []));
                Touch(newSections, after.Position);
            }
            if (before.Type == ChangeType.Unchanged)
                lines.Add(new DiffLine(DiffLineKind.Unchanged, before.Text ?? "", [], []));
        }

        var sections = changed.OfType<DocumentSection>()
            .GroupBy(s => s.Anchor)
            // The new version's title where the section still is; the old one's where it went.
            .Select(g => g.Last())
            .OrderBy(s => s.Number.Split('.').Select(int.Parse).ToArray(), NumberOrder.Instance)
            .Select(s => new ChangedSection(s.Anchor, s.Number, s.Title))
            .ToList();
        if (touchedIntro)
            sections.Insert(0, new ChangedSection(null, null, null));
        return (lines, sections);
    }

    private static List<DiffWord> Words(DiffPiece line, DiffWordKind changeKind) =>
        line.SubPieces.Count == 0
            ? line.Text is null ? [] : [new DiffWord(line.Text, line.Type == ChangeType.Unchanged ? DiffWordKind.Unchanged : changeKind)]
            : line.SubPieces
                .Where(p => p.Type != ChangeType.Imaginary && p.Text is not null)
                .Select(p => new DiffWord(p.Text!, p.Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Modified ? changeKind : DiffWordKind.Unchanged))
                .ToList();

    private sealed class NumberOrder : IComparer<int[]>
    {
        public static readonly NumberOrder Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (x[i] != y[i])
                    return x[i].CompareTo(y[i]);
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
