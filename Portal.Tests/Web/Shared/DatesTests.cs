using System.Globalization;
using Portal.Web.Components.Shared;

namespace Portal.Tests.Web.Shared;

/// <summary>Times show in Swedish time and in a form that cannot be read as another day: ISO in
/// Swedish, day first with the month as a word in English (not the US 11/27/2026 4:14 AM).</summary>
public sealed class DatesTests
{
    // 03:14 UTC in November is 04:14 in Stockholm (CET); 12:05 UTC in July is 14:05 (CEST).
    private static readonly DateTimeOffset Winter = new(2026, 11, 27, 3, 14, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 3, 12, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "27 Nov 2026 04:14", "3 Jul 2026 14:05")]
    [InlineData("sv", "2026-11-27 04:14", "2026-07-03 14:05")]
    public void Show_in_each_language_gives_an_unambiguous_Stockholm_time(string culture, string winter, string summer)
    {
        InCulture(culture, () =>
        {
            Dates.Show(Winter).ShouldBe(winter);
            Dates.Show(Summer).ShouldBe(summer);
        });
    }

    [Theory]
    [InlineData("en", "27 Nov 2026")]
    [InlineData("sv", "2026-11-27")]
    public void ShowDate_in_each_language_gives_the_day_unambiguously(string culture, string expected)
    {
        InCulture(culture, () => Dates.ShowDate(Winter).ShouldBe(expected));
    }

    [Fact]
    public void ShowDate_takes_the_day_in_Stockholm_not_in_UTC()
    {
        // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
        InCulture("sv", () => Dates.ShowDate(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)).ShouldBe("2027-01-01"));
    }

    private static void InCulture(string culture, Action check)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            check();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
