using System.Globalization;

namespace Portal.Web.Features.Documents;

/// <summary>Dates of effect and review are Swedish days (no time of day): shown as the UI language writes a date.</summary>
public static class DocumentDays
{
    public static string Show(DateOnly day) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv"
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
