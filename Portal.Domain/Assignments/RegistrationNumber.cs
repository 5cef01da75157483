using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.Assignments;

/// <summary>A ministry's registration number (<i>diarienummer</i>) of a government decision, e.g.
/// <c>Ju2017/01271/PO</c> or <c>S2014/1695/FST</c>: the ministry's code, the year, a serial number and the
/// office unit's code. Normalised so that two spellings of one number compare equal: the ministry's code in
/// its usual casing (<c>Ju</c>, <c>Fi</c>, <c>UD</c>), the unit's in capitals, no spaces. The serial keeps its
/// leading zeros — they are part of the number as the ministry writes it.</summary>
public sealed partial record RegistrationNumber
{
    public const int MaxLength = 40;

    /// <summary>Codes whose usual casing is not "capital, then small letters".</summary>
    private static readonly Dictionary<string, string> KnownMinistries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UD"] = "UD", ["SB"] = "SB", ["KN"] = "KN", ["LI"] = "LI", ["IJ"] = "IJ",
    };

    private RegistrationNumber(string ministry, int year, string serial, string unit)
    {
        Ministry = ministry;
        Year = year;
        Serial = serial;
        Unit = unit;
    }

    public string Ministry { get; }
    public int Year { get; }
    public string Serial { get; }
    public string Unit { get; }

    public string Value => $"{Ministry}{Year:D4}/{Serial}/{Unit}";

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out RegistrationNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var compact = WhiteSpace().Replace(text, "");
        if (compact.Length > MaxLength)
            return false;
        var match = Pattern().Match(compact);
        if (!match.Success)
            return false;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200)
            return false;
        var ministry = match.Groups["ministry"].Value;
        ministry = KnownMinistries.TryGetValue(ministry, out var known)
            ? known
            : char.ToUpperInvariant(ministry[0]) + ministry[1..].ToLowerInvariant();
        number = new RegistrationNumber(ministry, year, match.Groups["serial"].Value, match.Groups["unit"].Value.ToUpperInvariant());
        return true;
    }

    /// <summary>Parses or refuses with <c>assignment.registration-number.invalid</c>.</summary>
    public static RegistrationNumber Parse(string? text) =>
        TryParse(text, out var number) ? number : throw new DomainRuleException(InvalidCode, Field);

    public const string InvalidCode = "assignment.registration-number.invalid";
    public const string Field = "registrationNumber";

    [GeneratedRegex(@"^(?<ministry>\p{L}{1,3})(?<year>\d{4})/(?<serial>\d{1,7})/(?<unit>\p{L}{1,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
