using Portal.Bench.Data;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Search;

namespace Portal.Bench;

/// <summary>One query of scenario 4: what a member types, the filters they set, and who they are.</summary>
public sealed record SearchQuery(string Category, string Text, SearchFilters Filters, Guid MemberId)
{
    public override string ToString() => Filters == SearchFilters.None ? $"{Category}: {Text}" : $"{Category}: {Text} {Filters}";
}

/// <summary>The mixed query set of scenario 4, the same for the same seed and manifest: single words
/// as the generator writes them, other forms of them (plural, definite, genitive, without å/ä/ö),
/// phrases of two or three words, words with filters (workspace, exploitation form, child concerned,
/// a date range), and names (places, authorities, members mentioned in posts). Each is asked by a
/// generated member drawn at random, so access is checked as for a real member.</summary>
public static class SearchQueries
{
    /// <summary>Words in the forms the generator writes them (bench/Portal.Bench.Data/Text/SwedishText.cs).</summary>
    private static readonly string[] Words =
    [
        "barn", "ärende", "kvinnor", "myndighet", "utredning", "arbetsgivare", "socialsekreterare", "polisen", "åklagare",
        "annonser", "lägenhet", "pass", "skulder", "signaler", "kontakt", "rapport", "manualen", "utbildning", "möte", "underlag",
        "boende", "vårdnadshavare", "tolk", "förundersökning", "stödinsatser", "samordnare", "kommun", "handlingsplan",
        "bärplockare", "restauranger", "familj", "telefonnummer", "vittne", "bedömning", "samråd", "arbetsplats",
        "tvångsarbete", "tiggeri", "organhandel", "prostitution", "tvångsäktenskap", "människoexploatering", "lägesbild",
        "utsatta", "misstänkt", "ensamkommande", "akuta", "kartlägga", "identifierat", "dokumenterade",
    ];

    /// <summary>Other forms of the words: what stemming and folding must match.</summary>
    private static readonly string[] OtherForms =
    [
        "barnet", "barnens", "barnets", "ärendena", "ärendet", "arende", "kvinnan", "kvinnornas", "myndigheterna", "utredningarna",
        "arbetsgivarnas", "socialsekreteraren", "poliserna", "aklagaren", "annonsen", "lagenheterna", "passen", "skulden",
        "signalerna", "kontakterna", "rapporterna", "manualer", "utbildningarna", "mötena", "motet", "underlagen", "boendena",
        "vardnadshavarna", "tolkarna", "forundersokningen", "stödinsatsen", "samordnarna", "kommunerna", "handlingsplanerna",
        "barplockarna", "restaurangen", "familjerna", "telefonnumren", "vittnena", "bedomningarna", "samrådet",
        "arbetsplatserna", "utsatt", "misstankta", "identifierade", "kartlade", "dokumenterat", "rapporterar", "utreder",
        "samordnade",
    ];

    private static readonly string[] Phrases =
    [
        "utsatta barn", "sexuella ändamål", "kriminell verksamhet", "tvångsarbete restaurang", "ensamkommande barn",
        "misstänkt människohandel", "barnets behov", "stöd av tolk", "gemensamt underlag", "lägesbilden visar",
        "skulder för resan", "utan kontrakt", "vårdnadshavare i Sverige", "allvarligt ärende", "nytt boende",
        "polisen utreder", "akuta stödinsatser", "regionala samordnare", "tidigare ärenden", "barnrättsperspektivet dokumenteras",
        "bärplockare tiggeri", "hänvisa kvinnorna", "omfattande utredning", "särskilda skäl", "utsatta personer svårt",
    ];

    private static readonly string[] Places =
    [
        "Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Jönköping", "Norrköping",
        "Lund", "Umeå", "Gävle", "Borås", "Södertälje", "Eskilstuna", "Halmstad", "Växjö", "Karlstad", "Sundsvall", "Luleå",
        "Östersund", "Kristianstad", "Kalmar", "Visby", "Goteborg", "Malmo",
    ];

    private static readonly string[] Authorities =
    [
        "Migrationsverket", "Arbetsmiljöverket", "Skatteverket", "socialtjänsten", "länsstyrelsen", "Gränspolisen",
        "Ungdomsjouren", "NMT", "regionkoordinatorn", "frivilligorganisationerna",
    ];

    private static readonly ExploitationForm[] Forms =
    [
        ExploitationForm.SexualPurposes, ExploitationForm.ForcedLabour, ExploitationForm.Begging,
        ExploitationForm.CriminalActivities, ExploitationForm.OrganRemoval, ExploitationForm.Other,
    ];

    /// <summary>Categories in fixed shares: a fifth single words, a fifth other forms, a fifth phrases,
    /// a fifth filtered, a fifth names.</summary>
    public static IReadOnlyList<SearchQuery> Build(BenchManifest manifest, int count, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var members = manifest.Members;
        var readable = manifest.Workspaces
            .SelectMany(w => w.Readers.Select(r => (Member: r, Workspace: w.Id)))
            .ToLookup(x => x.Member, x => x.Workspace);
        var today = DateOnly.FromDateTime(manifest.Now.UtcDateTime);

        var queries = new List<SearchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var member = Pick(members).Id;
            queries.Add((i % 5) switch
            {
                0 => new SearchQuery("word", Pick(Words), SearchFilters.None, member),
                1 => new SearchQuery("other form", Pick(OtherForms), SearchFilters.None, member),
                2 => new SearchQuery("phrase", Pick(Phrases), SearchFilters.None, member),
                3 => Filtered(),
                _ => Name(),
            });

            SearchQuery Filtered()
            {
                var word = random.Next(2) == 0 ? Pick(Words) : Pick(OtherForms);
                var filters = random.Next(4) switch
                {
                    0 => new SearchFilters(WorkspaceId: readable[member].DefaultIfEmpty(manifest.OpenNetworkId).ElementAt(
                        random.Next(Math.Max(1, readable[member].Count())))),
                    1 => new SearchFilters(Form: Pick(Forms)),
                    2 => new SearchFilters(ChildConcernedOnly: true),
                    _ => new SearchFilters(From: today.AddDays(-random.Next(30, 300)), To: today.AddDays(-random.Next(0, 30))),
                };
                return new SearchQuery("filtered", word, filters, member);
            }

            SearchQuery Name() => random.Next(3) switch
            {
                0 => new SearchQuery("name", Pick(Places), SearchFilters.None, member),
                1 => new SearchQuery("name", Pick(Authorities), SearchFilters.None, member),
                _ => new SearchQuery("name", Pick(members).DisplayName, SearchFilters.None, member),
            };
        }
        return queries;
    }
}
