using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.MethodSupport;

/// <summary>What <see cref="PersonalDataGuard"/> found in a text.</summary>
public enum PersonalDataKind
{
    /// <summary>A Swedish personal identity number (personnummer) with a valid date and checksum: refused.</summary>
    IdentityNumber = 1,
    /// <summary>A coordination number (samordningsnummer: the day plus 60) with a valid checksum: refused.</summary>
    CoordinationNumber,
    PhoneNumber,
    EmailAddress,
    StreetAddress,
}

/// <summary>One finding: its kind and where it stands in the text (for a message beside the field that
/// can point at it, so the member rephrases without losing the rest).</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Index, int Length)
{
    /// <summary>Identity and coordination numbers are refused; the rest are warnings.</summary>
    public bool IsRefused => Kind is PersonalDataKind.IdentityNumber or PersonalDataKind.CoordinationNumber;
}

/// <summary>Keeps personal identities out of method-support requests: a request is about a situation, never
/// about who the victim is. Identity numbers are recognised only when the date exists and the Luhn checksum
/// holds, so dates, organisation numbers, diary numbers and other numbers that merely look alike pass.
/// Phone numbers, e-mail addresses and street addresses are only warned about: a functional contact may be
/// exactly that, and the member decides.</summary>
public static partial class PersonalDataGuard
{
    public const string RefusedCode = "support.personal-identity-number";

    // 6 or 8 digits of date, an optional '-' or '+' (the '+' marks a person of 100 or more), 4 digits.
    [GeneratedRegex(@"(?<![\d])(?<century>\d{2})?(?<date>\d{6})(?<sep>[-+]?)(?<tail>\d{4})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityPattern();

    [GeneratedRegex(@"[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Swedish numbers: +46 / 0046 / 0, then groups of digits with optional spaces or dashes.
    [GeneratedRegex(@"(?<![\d+])(?:\+46|0046|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,4}){2,4}(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // "Storgatan 12", "Kungsvägen 3B", "Lilla torget 4": a street word, then a house number.
    [GeneratedRegex(@"\b[\p{L}]*(?:gatan|vägen|gränd|torget|stigen|allén|backen|leden|street|road)\s+\d{1,4}[A-Za-z]?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreetPattern();

    /// <summary>Everything found in the text, in order of position.</summary>
    public static IReadOnlyList<PersonalDataFinding> Scan(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var findings = new List<PersonalDataFinding>();
        foreach (Match match in IdentityPattern().Matches(text))
        {
            if (Classify(match) is { } kind)
                findings.Add(new PersonalDataFinding(kind, match.Index, match.Length));
        }
        AddUnlessOverlapping(findings, EmailPattern(), text, PersonalDataKind.EmailAddress);
        AddUnlessOverlapping(findings, PhonePattern(), text, PersonalDataKind.PhoneNumber, m => m.Value.Count(char.IsDigit) is >= 8 and <= 13);
        AddUnlessOverlapping(findings, StreetPattern(), text, PersonalDataKind.StreetAddress);
        return findings.OrderBy(f => f.Index).ToList();
    }

    /// <summary>Refuses a text with an identity or coordination number (<see cref="RefusedCode"/>, beside
    /// <paramref name="field"/>; the detail is the position, never the number).</summary>
    public static void Refuse(string? text, string field)
    {
        if (Scan(text).FirstOrDefault(f => f.IsRefused) is { } found)
            throw new DomainRuleException(RefusedCode, field, $"{found.Index}:{found.Length}");
    }

    /// <summary>Whether the digits are a personal identity or coordination number: the date exists (for a
    /// coordination number, the day minus 60) and the Luhn checksum over the ten digits holds.</summary>
    public static PersonalDataKind? Classify(string candidate)
    {
        var match = IdentityPattern().Match(candidate.Trim());
        return match.Success && match.Length == candidate.Trim().Length ? Classify(match) : null;
    }

    private static PersonalDataKind? Classify(Match match)
    {
        var date = match.Groups["date"].Value;
        var tail = match.Groups["tail"].Value;
        var month = int.Parse(date.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(date.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var yy = int.Parse(date.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var coordination = day > 60;
        if (coordination)
            day -= 60;
        if (month is < 1 or > 12 || day < 1)
            return null;
        int[] years = match.Groups["century"].Success
            ? [int.Parse(match.Groups["century"].Value, CultureInfo.InvariantCulture) * 100 + yy]
            : [1900 + yy, 2000 + yy];
        if (years[0] is < 1800 or > 2099 || !years.Any(year => day <= DateTime.DaysInMonth(year, month)))
            return null;
        if (!LuhnHolds(date + tail))
            return null;
        return coordination ? PersonalDataKind.CoordinationNumber : PersonalDataKind.IdentityNumber;
    }

    /// <summary>The Luhn (mod 10) check of the ten digits YYMMDDNNNC: weights 2,1,2,1… from the left.</summary>
    private static bool LuhnHolds(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }

    private static void AddUnlessOverlapping(List<PersonalDataFinding> findings, Regex pattern, string text, PersonalDataKind kind,
        Func<Match, bool>? accept = null)
    {
        var earlier = findings.ToList();
        foreach (Match match in pattern.Matches(text))
        {
            if (accept is not null && !accept(match))
                continue;
            if (earlier.Any(f => f.Index < match.Index + match.Length && match.Index < f.Index + f.Length))
                continue;
            findings.Add(new PersonalDataFinding(kind, match.Index, match.Length));
        }
    }
}
