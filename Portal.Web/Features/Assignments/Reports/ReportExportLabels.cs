using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Web.Features.MethodSupport;
using Portal.Web.Resources;

namespace Portal.Web.Features.Assignments.Reports;

/// <summary>The words of an exported report in the reader's language: "Export.*" from <see cref="ReportText"/>,
/// the method-support categories as the figures page names them.</summary>
public static class ReportExportLabels
{
    public static ReportLabels For(IStringLocalizer<ReportText> text, SupportFigureLabels figures) =>
        new(CultureInfo.CurrentCulture,
            key => text[$"Export.{key}"] is { ResourceNotFound: false } found ? found.Value : null,
            (dimension, key) => figures.Of(dimension, key));
}
