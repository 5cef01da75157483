using Portal.Infrastructure.Features.MethodSupport;

namespace Portal.Tests.Infrastructure.MethodSupport;

/// <summary>Small-count suppression on known tables: counts of one and two go, and so does one more cell of every
/// line that would otherwise give a suppressed cell away by subtraction from its total.</summary>
public sealed class SupportSuppressionTests
{
    /// <summary>No line (row or column, with its total) has exactly one suppressed cell.</summary>
    private static void ShouldHaveNoLoneSuppressedCell(int?[,] published)
    {
        var rows = published.GetLength(0);
        var columns = published.GetLength(1);
        for (var r = 0; r < rows; r++)
            Enumerable.Range(0, columns).Count(c => published[r, c] is null).ShouldNotBe(1, $"row {r}");
        for (var c = 0; c < columns; c++)
            Enumerable.Range(0, rows).Count(r => published[r, c] is null).ShouldNotBe(1, $"column {c}");
    }

    [Fact]
    public void Large_counts_and_zeros_are_published_with_their_totals()
    {
        var published = SmallCountSuppression.Apply(new[,] { { 5, 0, 7 }, { 3, 4, 0 } });

        published.ShouldBe(new int?[,] { { 5, 0, 7, 12 }, { 3, 4, 0, 7 }, { 8, 4, 7, 19 } });
    }

    [Fact]
    public void A_lone_small_count_takes_the_smallest_other_count_of_its_row_and_its_column_with_it()
    {
        // Counties by quarter: Gotland had one request in Q1.
        var published = SmallCountSuppression.Apply(new[,] { { 10, 1, 6 }, { 8, 5, 4 } });

        published[0, 1].ShouldBeNull();
        // Q1 = 17 is published, so Q1's other smallest (6) goes too; Gotland's total (6) is published, so its Q2 (5) goes too.
        published[0, 2].ShouldBeNull();
        published[1, 1].ShouldBeNull();
        ShouldHaveNoLoneSuppressedCell(published);
        // What remains cannot give the 1 back: Q1's row leaves 1 + 6 = 7 split between two unknowns, and so on.
        published[0, 3].ShouldBe(17);
        published[2, 3].ShouldBe(34);
    }

    [Fact]
    public void A_small_total_is_suppressed_with_its_cells_and_the_grand_total_stays_safe()
    {
        var published = SmallCountSuppression.Apply(new[,] { { 1, 1 }, { 4, 6 } });

        published[0, 0].ShouldBeNull();
        published[0, 1].ShouldBeNull();
        published[0, 2].ShouldBeNull(); // the row total of 2
        ShouldHaveNoLoneSuppressedCell(published);
    }

    [Fact]
    public void When_the_other_cells_of_a_line_are_zero_the_total_goes_instead()
    {
        var published = SmallCountSuppression.Apply(new[,] { { 2, 0, 0 }, { 3, 3, 3 } });

        published[0, 0].ShouldBeNull();
        ShouldHaveNoLoneSuppressedCell(published);
        // Row 0 is 2 + 0 + 0: with its zeros published, its total would say 2, so it is suppressed (or a zero is).
        Enumerable.Range(0, 4).Count(c => published[0, c] is null).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Any_table_comes_out_with_no_line_holding_a_single_suppressed_cell()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 200; i++)
        {
            var cells = new int[random.Next(1, 6), random.Next(1, 8)];
            for (var r = 0; r < cells.GetLength(0); r++)
            {
                for (var c = 0; c < cells.GetLength(1); c++)
                    cells[r, c] = random.Next(0, 3) == 0 ? random.Next(0, 3) : random.Next(0, 12);
            }
            var published = SmallCountSuppression.Apply(cells);
            ShouldHaveNoLoneSuppressedCell(published);
            foreach (var value in published)
                (value is null or 0 or >= SmallCountSuppression.Threshold).ShouldBeTrue();
        }
    }
}
