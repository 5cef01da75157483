using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Web.Resources;

namespace Portal.Web.Components.Shared;

/// <summary>Turns what a use case said no with into a sentence for the member, in their language.</summary>
public sealed class UserMessages(IStringLocalizer<ErrorText> errors)
{
    public string For(Exception exception) => exception switch
    {
        DomainRuleException rule => Text(rule.Code),
        AccessDeniedException denied => Text(denied.Code),
        NotFoundException missing => Text(missing.Code),
        _ => errors["unexpected"],
    };

    /// <summary>The field a rule belongs beside, if any.</summary>
    public static string? FieldOf(Exception exception) => (exception as DomainRuleException)?.Field;

    public bool IsExpected(Exception exception) =>
        exception is DomainRuleException or AccessDeniedException or NotFoundException;

    private string Text(string code)
    {
        var text = errors[code];
        return text.ResourceNotFound ? errors["rule.generic"] : text.Value;
    }
}
