using System.Globalization;
using System.Resources;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Directory;
using Portal.Web.Account;
using Portal.Web.Resources;

namespace Portal.Web.Features.Directory;

/// <summary>The names of forms, counties and spoken languages from the term resources, in every
/// language the portal offers, so the directory's free text finds "tvångsarbete Skåne arabiska" and
/// "forced labour Skane Arabic" alike.</summary>
public sealed class ResourceTermNames : ITermNames
{
    private static readonly ResourceManager Resources = new(typeof(TermText));

    public IEnumerable<string> NamesOf(ExploitationForm form) => Names($"{nameof(ExploitationForm)}.{form}");

    public IEnumerable<string> NamesOf(County county) => Names($"{nameof(County)}.{county}");

    public IEnumerable<string> NamesOfLanguage(string code) => Names($"Language.{code}");

    private static IEnumerable<string> Names(string key) =>
        CultureCookie.Supported.Select(c => Resources.GetString(key, CultureInfo.GetCultureInfo(c))).OfType<string>().Distinct();
}
