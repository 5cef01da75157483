using System.Globalization;

namespace Portal.Web.Features.Assignments.Reports;

/// <summary>Days, amounts and counts on the report pages, as <see cref="Components.Shared.Dates"/> shows days:
/// ISO in Swedish, day first with the month as a word otherwise.</summary>
public static class ReportFormat
{
    public static string Day(DateOnly day)
    {
        var culture = CultureInfo.CurrentCulture;
        return day.ToString(culture.TwoLetterISOLanguageName == "sv" ? "yyyy-MM-dd" : "d MMM yyyy", culture);
    }

    public static string Money(decimal amount) => amount.ToString("N0", CultureInfo.CurrentCulture) + " kr";

    public static string Count(int? count) => count is { } value ? value.ToString("N0", CultureInfo.CurrentCulture) : "..";
}
