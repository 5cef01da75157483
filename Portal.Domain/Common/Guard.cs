namespace Portal.Domain.Common;

internal static class Guard
{
    /// <summary>Trims and checks a required text against its maximum length.</summary>
    public static string RequiredText(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainRuleException($"{field}.required", field);
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"{field}.too-long", field);
        return trimmed;
    }

    /// <summary>Trims an optional text; empty becomes null.</summary>
    public static string? OptionalText(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"{field}.too-long", field);
        return trimmed;
    }
}
