using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Assignments;

/// <summary>Which field of the assignment and activity forms a refusal belongs beside. The domain names the
/// field on its rule when it can; the codes below are placed by their meaning when it does not.</summary>
public static class AssignmentFieldNames
{
    public static string? Of(Exception exception)
    {
        if (exception is not Portal.Domain.Common.DomainRuleException rule)
            return null;
        return Normalised(UserMessages.FieldOf(exception)) ?? ByCode(rule.Code);
    }

    private static string? ByCode(string code) => code switch
    {
        _ when code.StartsWith("assignment.registration-number", StringComparison.Ordinal) => "registrationNumber",
        "activity.owner-required" => "owner",
        _ => null,
    };

    /// <summary>The domain's property name as the form's key ("RegistrationNumber" → "registrationNumber").</summary>
    private static string? Normalised(string? field) =>
        string.IsNullOrEmpty(field) ? null : char.ToLowerInvariant(field[0]) + field[1..];
}
