using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Web.Resources;

namespace Portal.Web.Features.MethodSupport;

/// <summary>The figures' keys (dimensions, periods, category keys) in the reader's language, for the page and the exports alike.</summary>
public sealed class SupportFigureLabels(IStringLocalizer<SupportText> text, IStringLocalizer<TermText> terms)
{
    public string Of(SupportFigureDimension? dimension, string key)
    {
        if (dimension is null)
            return Enum.TryParse<SupportFigureDimension>(key, out _) ? text[$"Dimension.{key}"] : text[$"Figures.{key}"];
        if (key == SupportFigures.None)
            return text["Figures.None"];
        return dimension switch
        {
            SupportFigureDimension.ExploitationForm => terms[$"ExploitationForm.{key}"],
            SupportFigureDimension.County => terms[$"County.{key}"],
            SupportFigureDimension.AskingOrganisationKind => terms[$"OrganisationKind.{key}"],
            SupportFigureDimension.ChildConcerned => text[$"Figures.{key}"],
            SupportFigureDimension.Channel => text[$"Channel.{key}"],
            _ => key, // a referral target is an organisation's own name
        };
    }
}
