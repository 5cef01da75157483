using System.Text.RegularExpressions;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Search;

namespace Portal.Infrastructure.Features.Directory;

/// <summary>The names people use for exploitation forms and counties, in every language the portal
/// speaks. The web layer supplies the localised names from its resources; without it the enum names
/// are used ("ForcedLabour", "Skane").</summary>
public interface ITermNames
{
    IEnumerable<string> NamesOf(ExploitationForm form);

    IEnumerable<string> NamesOf(County county);
}

internal sealed partial class EnumTermNames : ITermNames
{
    public IEnumerable<string> NamesOf(ExploitationForm form) => [Spaced(form.ToString())];

    public IEnumerable<string> NamesOf(County county) => [Spaced(county.ToString())];

    private static string Spaced(string name) => CamelCase().Replace(name, " $1");

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelCase();
}

/// <summary>Recognises words of a directory search that name an exploitation form or a county
/// ("tvångsarbete Skåne", "forced labour skane"): compared stemmed and without diacritics, so word
/// forms and missing å/ä/ö still match. Words shared by many names ("län", "county") name nothing.</summary>
public sealed class DirectoryTerms
{
    private readonly IReadOnlyDictionary<string, ExploitationForm[]> _forms;
    private readonly IReadOnlyDictionary<string, County[]> _counties;
    private readonly IReadOnlySet<string> _generic;

    public DirectoryTerms(ITermNames names)
    {
        var generic = new HashSet<string>();
        _forms = Index(Enum.GetValues<ExploitationForm>(), names.NamesOf, generic);
        _counties = Index(Counties.All, names.NamesOf, generic);
        _generic = generic;
    }

    /// <summary>A word that is part of many names ("län", "county"): it narrows nothing.</summary>
    public bool IsGeneric(string word) => _generic.Contains(Key(word));

    public static string Key(string word) => SwedishStems.Stem(SwedishStems.Fold(word));

    public IReadOnlyList<ExploitationForm> FormsNamedBy(string word) => _forms.GetValueOrDefault(Key(word)) ?? [];

    public IReadOnlyList<County> CountiesNamedBy(string word) => _counties.GetValueOrDefault(Key(word)) ?? [];

    private static IReadOnlyDictionary<string, T[]> Index<T>(IEnumerable<T> values, Func<T, IEnumerable<string>> namesOf,
        HashSet<string> generic) where T : struct, Enum
    {
        var pairs = values
            .SelectMany(value => namesOf(value).SelectMany(name => SwedishStems.Words(name).Select(w => (Key: Key(w.Word), Value: value))))
            .Distinct()
            .ToList();
        var groups = pairs.GroupBy(p => p.Key).ToList();
        // A word in more than two names is a generic part ("län", "county"), not a name.
        generic.UnionWith(groups.Where(g => g.Count() > 2).Select(g => g.Key));
        return groups.Where(g => g.Key.Length > 1 && g.Count() <= 2)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray());
    }
}
