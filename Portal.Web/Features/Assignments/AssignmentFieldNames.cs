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

    /// <summary>The domain's field as the form's key: a property name ("RegistrationNumber" → "registrationNumber"),
    /// or a guarded text's name ("assignment.title" → "title"; any budget line's own field → the lines' message).</summary>
    private static string? Normalised(string? field) => field switch
    {
        null or "" => null,
        _ when field.StartsWith("assignment.budget-line", StringComparison.Ordinal) => "budgetLines",
        "assignment.part" => "parts",
        _ when field.StartsWith("assignment.", StringComparison.Ordinal) => field["assignment.".Length..],
        _ when field.StartsWith("activity.", StringComparison.Ordinal) => field["activity.".Length..],
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
