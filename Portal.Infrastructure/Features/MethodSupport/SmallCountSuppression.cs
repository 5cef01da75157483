namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>Suppresses small counts in a table with its row and column totals, so that no published figure
/// points at one or two requests (and so at the people in them). Primary: every count from 1 to
/// <see cref="Threshold"/> − 1, totals included. Complementary: a line (a row or a column, with its total) with
/// exactly one suppressed cell would give that cell away by subtraction, so one more cell of that line is
/// suppressed — the smallest non-zero inner cell, else an inner zero, else the total — and this is repeated
/// until every line has none or at least two suppressed cells. Zero is published: it says nobody.</summary>
public static class SmallCountSuppression
{
    public const int Threshold = 3;

    /// <summary>Takes the inner counts (<paramref name="cells"/>[row, column]); returns the table with totals
    /// as an array one larger each way (the last row and column are the totals), null where suppressed.</summary>
    public static int?[,] Apply(int[,] cells)
    {
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        var values = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = cells[r, c];
                values[r, columns] += cells[r, c];
                values[rows, c] += cells[r, c];
                values[rows, columns] += cells[r, c];
            }
        }
        return Apply(values, rows, columns);
    }

    /// <summary>For tables whose totals are not the sums of their cells (a request with two exploitation forms
    /// counts in both, once in the total): <paramref name="values"/> already carries the totals in its last
    /// row and column. The same rule applies; it is conservative there.</summary>
    public static int?[,] ApplyWithTotals(int[,] values) => Apply(values, values.GetLength(0) - 1, values.GetLength(1) - 1);

    private static int?[,] Apply(int[,] values, int rows, int columns)
    {
        var suppressed = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
                suppressed[r, c] = values[r, c] is > 0 and < Threshold;
        }

        // Each line is a list of (row, column) cells, the total last.
        var lines = new List<(int Row, int Column)[]>();
        for (var r = 0; r <= rows; r++)
            lines.Add(Enumerable.Range(0, columns + 1).Select(c => (r, c)).ToArray());
        for (var c = 0; c <= columns; c++)
            lines.Add(Enumerable.Range(0, rows + 1).Select(r => (r, c)).ToArray());

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(cell => suppressed[cell.Row, cell.Column]) != 1)
                    continue;
                var open = line.Where(cell => !suppressed[cell.Row, cell.Column]).ToList();
                if (open.Count == 0)
                    continue;
                var inner = line[..^1].Where(cell => !suppressed[cell.Row, cell.Column]).ToList();
                var pick = inner.Where(cell => values[cell.Row, cell.Column] > 0).OrderBy(cell => values[cell.Row, cell.Column]).Cast<(int, int)?>().FirstOrDefault()
                    ?? inner.Cast<(int, int)?>().FirstOrDefault()
                    ?? open[^1];
                suppressed[pick.Item1, pick.Item2] = true;
                changed = true;
            }
        }
        while (changed);

        var result = new int?[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
                result[r, c] = suppressed[r, c] ? null : values[r, c];
        }
        return result;
    }
}
