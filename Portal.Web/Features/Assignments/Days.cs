using System.Globalization;

namespace Portal.Web.Features.Assignments;

/// <summary>Days as the assignment pages show them: the ISO form, which Swedish and English readers of
/// government decisions both use.</summary>
public static class Days
{
    public static string Show(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Show(DateOnly? day) => day is { } value ? Show(value) : "–";

    public static string Span(DateOnly from, DateOnly to) => $"{Show(from)} – {Show(to)}";
}
