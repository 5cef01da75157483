using System.Globalization;
using Portal.Infrastructure.Features.MethodSupport;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>The words of an exported report in the reader's language: the web layer passes its resources in
/// (<see cref="Lookup"/> gives null for a key it lacks); without them the key itself is written.</summary>
public sealed class ReportLabels(CultureInfo culture, Func<string, string?>? lookup = null,
    Func<SupportFigureDimension, string, string>? category = null)
{
    /// <summary>The mark official Swedish statistics use for a figure withheld.</summary>
    public const string SuppressedMark = SupportFiguresExport.SuppressedMark;

    public static ReportLabels Invariant { get; } = new(CultureInfo.InvariantCulture);

    public CultureInfo Culture { get; } = culture;

    public Func<string, string?> Lookup { get; } = lookup ?? (_ => null);

    public string this[string key] => Lookup(key) ?? key;

    public string Category(SupportFigureDimension dimension, string key) => category?.Invoke(dimension, key) ?? key;

    public string Instant(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, StockholmTime.Zone).ToString("g", Culture);
}
