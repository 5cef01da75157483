using System.Globalization;

namespace Portal.Web.Features.Assignments;

/// <summary>Kronor as the pages show them: whole kronor with the culture's grouping, öre only when there are any.</summary>
public static class Money
{
    public static string Show(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "#,0" : "#,0.00", CultureInfo.CurrentCulture) + " kr";

    public static string Show(decimal? amount) => amount is { } value ? Show(value) : "–";
}
