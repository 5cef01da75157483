using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Members;
using Portal.Infrastructure.Features.Search;

namespace Portal.Infrastructure.Features.Directory;

/// <summary>The names people use for exploitation forms, counties and spoken languages, in every
/// language the portal speaks. The web layer supplies the localised names from its resources;
/// without it the enum names and language codes are used ("ForcedLabour", "Skane", "en").</summary>
public interface ITermNames
{
    IEnumerable<string> NamesOf(ExploitationForm form);

    IEnumerable<string> NamesOf(County county);

    /// <summary>The names of a <see cref="Portal.Domain.Members.SpokenLanguages"/> code ("engelska", "English").</summary>
    IEnumerable<string> NamesOfLanguage(string code);
}

internal sealed partial class EnumTermNames : ITermNames
{
    public IEnumerable<string> NamesOf(ExploitationForm form) => [Spaced(form.ToString())];

    public IEnumerable<string> NamesOf(County county) => [Spaced(county.ToString())];

    public IEnumerable<string> NamesOfLanguage(string code) => [code];

    private static string Spaced(string name) => CamelCase().Replace(name, " $1");

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelCase();
}

/// <summary>Recognises words of a directory search that name an exploitation form, a county or a
/// spoken language ("tvångsarbete Skåne arabiska", "forced labour skane arabic"): compared stemmed and
/// without diacritics, so word forms and missing å/ä/ö still match. Words shared by many names
/// ("län", "county") name nothing.</summary>
public sealed class DirectoryTerms
{
    private readonly IReadOnlyDictionary<string, ExploitationForm[]> _forms;
    private readonly IReadOnlyDictionary<string, County[]> _counties;
    private readonly IReadOnlyDictionary<string, string[]> _languages;
    private readonly IReadOnlyDictionary<string, string[]> _languagesByName;
    private readonly IReadOnlySet<string> _generic;

    public DirectoryTerms(ITermNames names)
    {
        var generic = new HashSet<string>();
        _forms = Index(Enum.GetValues<ExploitationForm>(), names.NamesOf, generic);
        _counties = Index(Counties.All, names.NamesOf, generic);
        _languages = Index(SpokenLanguages.All, names.NamesOfLanguage, generic);
        // A whole name, as a language filter gives it ("Engelska", "english"), folded but not stemmed.
        _languagesByName = SpokenLanguages.All
            .SelectMany(code => names.NamesOfLanguage(code).Append(code).Select(name => (Name: SearchText.Fold(name.Trim()), Code: code)))
            .Distinct()
            .GroupBy(p => p.Name)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToArray());
        _generic = generic;
    }

    /// <summary>A word that is part of many names ("län", "county"): it narrows nothing.</summary>
    public bool IsGeneric(string word) => _generic.Contains(Key(word));

    public static string Key(string word) => SwedishStems.Stem(SwedishStems.Fold(word));

    public IReadOnlyList<ExploitationForm> FormsNamedBy(string word) => _forms.GetValueOrDefault(Key(word)) ?? [];

    public IReadOnlyList<County> CountiesNamedBy(string word) => _counties.GetValueOrDefault(Key(word)) ?? [];

    /// <summary>Language codes a word of a free-text search names ("arabiska", "arabic" → "ar").</summary>
    public IReadOnlyList<string> LanguagesNamedBy(string word) => _languages.GetValueOrDefault(Key(word)) ?? [];

    /// <summary>The language a filter value means: a code ("en") or a whole name in any of the
    /// portal's languages, with or without diacritics ("English", "engelska", "rumanska").</summary>
    public IReadOnlyList<string> LanguagesFor(string codeOrName)
    {
        var trimmed = codeOrName.Trim();
        if (SpokenLanguages.IsKnown(SpokenLanguages.Normalise(trimmed)))
            return [SpokenLanguages.Normalise(trimmed)];
        return _languagesByName.GetValueOrDefault(SearchText.Fold(trimmed)) ?? [];
    }

    private static IReadOnlyDictionary<string, T[]> Index<T>(IEnumerable<T> values, Func<T, IEnumerable<string>> namesOf,
        HashSet<string> generic) where T : notnull
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
