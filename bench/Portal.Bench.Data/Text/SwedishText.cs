using System.Text;

namespace Portal.Bench.Data.Text;

/// <summary>Swedish posts and titles from the domain's words in their varied forms (barn, barnet,
/// barnen, barnens; utsatt, utsatta…), so that search meets the word forms it must match. Sentences
/// come from templates whose slots name a word class and form: {n.pd} a noun in the definite plural,
/// {an} article, adjective and noun that agree, {v.sup} a verb's supine. Every slot draws a new word.</summary>
public sealed class SwedishText(BenchRandom random)
{
    /// <param name="Neuter">an ett-word: "ett nytt ärende", not "en ny".</param>
    private sealed record Noun(string Indefinite, string Definite, string Plural, string DefinitePlural, bool Neuter);

    private sealed record Adjective(string Common, string Neuter, string Plural);

    private sealed record Verb(string Infinitive, string Present, string Past, string Supine);

    private static readonly Noun[] Nouns =
    [
        new("barn", "barnet", "barn", "barnen", true),
        new("ärende", "ärendet", "ärenden", "ärendena", true),
        new("offer", "offret", "offer", "offren", true),
        new("kvinna", "kvinnan", "kvinnor", "kvinnorna", false),
        new("myndighet", "myndigheten", "myndigheter", "myndigheterna", false),
        new("utredning", "utredningen", "utredningar", "utredningarna", false),
        new("arbetsgivare", "arbetsgivaren", "arbetsgivare", "arbetsgivarna", false),
        new("arbetstagare", "arbetstagaren", "arbetstagare", "arbetstagarna", false),
        new("socialsekreterare", "socialsekreteraren", "socialsekreterare", "socialsekreterarna", false),
        new("polis", "polisen", "poliser", "poliserna", false),
        new("åklagare", "åklagaren", "åklagare", "åklagarna", false),
        new("annons", "annonsen", "annonser", "annonserna", false),
        new("lägenhet", "lägenheten", "lägenheter", "lägenheterna", false),
        new("pass", "passet", "pass", "passen", true),
        new("skuld", "skulden", "skulder", "skulderna", false),
        new("signal", "signalen", "signaler", "signalerna", false),
        new("kontakt", "kontakten", "kontakter", "kontakterna", false),
        new("rapport", "rapporten", "rapporter", "rapporterna", false),
        new("manual", "manualen", "manualer", "manualerna", false),
        new("utbildning", "utbildningen", "utbildningar", "utbildningarna", false),
        new("möte", "mötet", "möten", "mötena", true),
        new("underlag", "underlaget", "underlag", "underlagen", true),
        new("boende", "boendet", "boenden", "boendena", true),
        new("vårdnadshavare", "vårdnadshavaren", "vårdnadshavare", "vårdnadshavarna", false),
        new("tolk", "tolken", "tolkar", "tolkarna", false),
        new("förundersökning", "förundersökningen", "förundersökningar", "förundersökningarna", false),
        new("stödinsats", "stödinsatsen", "stödinsatser", "stödinsatserna", false),
        new("samordnare", "samordnaren", "samordnare", "samordnarna", false),
        new("länsstyrelse", "länsstyrelsen", "länsstyrelser", "länsstyrelserna", false),
        new("kommun", "kommunen", "kommuner", "kommunerna", false),
        new("frivilligorganisation", "frivilligorganisationen", "frivilligorganisationer", "frivilligorganisationerna", false),
        new("handlingsplan", "handlingsplanen", "handlingsplaner", "handlingsplanerna", false),
        new("bärplockare", "bärplockaren", "bärplockare", "bärplockarna", false),
        new("restaurang", "restaurangen", "restauranger", "restaurangerna", false),
        new("familj", "familjen", "familjer", "familjerna", false),
        new("telefonnummer", "telefonnumret", "telefonnummer", "telefonnumren", true),
        new("vittne", "vittnet", "vittnen", "vittnena", true),
        new("bedömning", "bedömningen", "bedömningar", "bedömningarna", false),
        new("samråd", "samrådet", "samråd", "samråden", true),
        new("arbetsplats", "arbetsplatsen", "arbetsplatser", "arbetsplatserna", false),
    ];

    private static readonly Adjective[] Adjectives =
    [
        new("utsatt", "utsatt", "utsatta"), new("misstänkt", "misstänkt", "misstänkta"), new("ny", "nytt", "nya"),
        new("allvarlig", "allvarligt", "allvarliga"), new("ensamkommande", "ensamkommande", "ensamkommande"),
        new("akut", "akut", "akuta"), new("särskild", "särskilt", "särskilda"), new("gemensam", "gemensamt", "gemensamma"),
        new("aktuell", "aktuellt", "aktuella"), new("regional", "regionalt", "regionala"), new("liknande", "liknande", "liknande"),
        new("omfattande", "omfattande", "omfattande"), new("oklar", "oklart", "oklara"), new("tidigare", "tidigare", "tidigare"),
    ];

    private static readonly Verb[] Verbs =
    [
        new("utreda", "utreder", "utredde", "utrett"), new("samordna", "samordnar", "samordnade", "samordnat"),
        new("kontakta", "kontaktar", "kontaktade", "kontaktat"), new("identifiera", "identifierar", "identifierade", "identifierat"),
        new("rapportera", "rapporterar", "rapporterade", "rapporterat"), new("stödja", "stödjer", "stödde", "stött"),
        new("placera", "placerar", "placerade", "placerat"), new("kartlägga", "kartlägger", "kartlade", "kartlagt"),
        new("granska", "granskar", "granskade", "granskat"), new("hänvisa", "hänvisar", "hänvisade", "hänvisat"),
        new("dokumentera", "dokumenterar", "dokumenterade", "dokumenterat"), new("bedöma", "bedömer", "bedömde", "bedömt"),
        new("anmäla", "anmäler", "anmälde", "anmält"), new("uppmärksamma", "uppmärksammar", "uppmärksammade", "uppmärksammat"),
    ];

    private static readonly string[] Places =
    [
        "Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Jönköping", "Norrköping",
        "Lund", "Umeå", "Gävle", "Borås", "Södertälje", "Eskilstuna", "Halmstad", "Växjö", "Karlstad", "Sundsvall", "Luleå",
        "Östersund", "Kristianstad", "Kalmar", "Visby",
    ];

    private static readonly string[] Actors =
    [
        "polisen", "socialtjänsten", "Migrationsverket", "Arbetsmiljöverket", "åklagaren", "länsstyrelsen", "Skatteverket",
        "frivilligorganisationerna", "regionkoordinatorn", "NMT", "Ungdomsjouren", "Gränspolisen",
    ];

    private static readonly string[] Forms =
    [
        "sexuella ändamål", "tvångsarbete", "tiggeri", "kriminell verksamhet", "organhandel", "människoexploatering",
        "prostitution", "tvångsäktenskap",
    ];

    private static readonly string[] Days = ["måndag", "tisdag", "onsdag", "torsdag", "fredag"];

    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "augusti", "september", "oktober", "november", "december"];

    private static readonly string[] Sentences =
    [
        "Vi har {v.sup} {num} {n.p} i {place} sedan {month}.",
        "{Actor} har {v.sup} {an} som rör {form}.",
        "I {place} ser vi fler {ap} än tidigare.",
        "Kan någon dela erfarenheter av hur man {v.pres} {n.pd} i sådana ärenden?",
        "{n.dg} situation är oklar, och vi behöver {v.inf} {n.pd} innan {day}.",
        "Barnrättsperspektivet ska dokumenteras i varje {n}.",
        "Vi {v.past} {n.d} i går och återkommer efter samrådet.",
        "Enligt manualen ska {actor} {v.inf} {n.pd} så tidigt som möjligt.",
        "{Actor} och {actor} {v.past} {ap} under {month}.",
        "Det finns tecken på {form} i flera {n.p} i {place}.",
        "Tack, det är värdefullt för {n.pdg} del.",
        "Jag tar med frågan till nästa möte på {day}.",
        "Har ni {v.sup} {n.pd} med stöd av tolk?",
        "Flera {ap} uppger skulder för resan hit.",
        "Vi behöver ett gemensamt underlag om {n.pd} före {month}.",
        "{Actor} kan bidra med underlag om {ap}.",
        "I det senaste ärendet {v.past} vi {num} {n.p} tillsammans med {actor}.",
        "Barnen i ärendet har ingen vårdnadshavare i Sverige, och barnets behov måste bedömas först.",
        "Lägesbilden i {place} visar att {n.pd} {v.pres} allt oftare.",
        "Vi har en fråga om {n.pdg} rätt till stöd.",
        "Återkommer i morgon med mer information.",
        "Bra fråga! I liknande ärenden har vi {v.sup} {n.pd} parallellt.",
        "{Actor} har tagit emot {num} {ap} under året.",
        "Kvinnorna bor i {an} utan kontrakt, och {n.d} är okänt för {actor}.",
        "Vem hos {actor} ansvarar för {n.pdg} skydd i {place}?",
        "Vi har {an} där {n.d} är {adj} och behöver {v.inf} det snabbt.",
        "Det utsatta barnets berättelse stämmer med {n.dg} uppgifter.",
        "Utsatta personer i {place} har svårt att nå {actor}.",
    ];

    private static readonly string[] Titles =
    [
        "Metodstöd: {form} i {place}",
        "Lägesbild {place}: {ap}",
        "{Ap} – samverkan med {actor}",
        "Fråga om {n.pd} i {place}",
        "Erfarenheter av {n.pd} vid {form}",
        "Utbildningsdag om människohandel i {place}",
        "Underlag till årsrapporten: {n.pd}",
        "Rutiner när {n.d} är ett barn",
        "{An} i {place}",
        "Misstänkt {form} – {n.pd} i {place}",
    ];

    private static readonly string[] ListItems = ["{ap} i {place}", "{n.pd} hos {actor}", "{an} som rör {form}", "{num} {n.p} sedan {month}"];

    public string Title() => Capitalise(Fill(random.Pick(Titles)));

    public string Sentence() => Capitalise(Fill(random.Pick(Sentences)));

    /// <summary>A post: one to three paragraphs, now and then a list, an emphasised word or a link.</summary>
    public string Post()
    {
        var text = new StringBuilder();
        var paragraphs = random.Chance(0.25) ? random.Next(2, 4) : 1;
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
                text.Append("\n\n");
            var sentences = random.Next(1, 5);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                    text.Append(' ');
                var sentence = Sentence();
                if (random.Chance(0.05))
                {
                    var space = sentence.IndexOf(' ');
                    sentence = space > 0 ? $"**{sentence[..space]}**{sentence[space..]}" : sentence;
                }
                text.Append(sentence);
            }
        }
        if (random.Chance(0.08))
        {
            text.Append("\n\n");
            var items = random.Next(2, 5);
            for (var i = 0; i < items; i++)
                text.Append(i == 0 ? "" : "\n").Append("- ").Append(Capitalise(Fill(random.Pick(ListItems))));
        }
        if (random.Chance(0.03))
            text.Append("\n\nSe [manualen](https://www.lansstyrelsen.se/) för mer.");
        return text.ToString();
    }

    /// <summary>A workspace update: one or two sentences.</summary>
    public string Update() => random.Chance(0.5) ? Sentence() : Sentence() + " " + Sentence();

    public string Place() => random.Pick(Places);

    public string Form() => random.Pick(Forms);

    private string Fill(string template)
    {
        var result = new StringBuilder(template.Length * 2);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }
            result.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            var word = Word(slot.ToLowerInvariant());
            result.Append(char.IsUpper(slot[0]) ? Capitalise(word) : word);
            i = close + 1;
        }
        return result.ToString();
    }

    private string Word(string slot)
    {
        switch (slot)
        {
            case "place": return random.Pick(Places);
            case "actor": return random.Pick(Actors);
            case "form": return random.Pick(Forms);
            case "day": return random.Pick(Days);
            case "month": return random.Pick(Months);
            case "num": return random.Next(2, 41).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "adj": return random.Pick(Adjectives).Common;
            case "an":
            {
                var noun = random.Pick(Nouns);
                var adjective = random.Pick(Adjectives);
                return noun.Neuter ? $"ett {adjective.Neuter} {noun.Indefinite}" : $"en {adjective.Common} {noun.Indefinite}";
            }
            case "ap": return $"{random.Pick(Adjectives).Plural} {random.Pick(Nouns).Plural}";
        }
        var dot = slot.IndexOf('.');
        var kind = dot < 0 ? slot : slot[..dot];
        var form = dot < 0 ? "" : slot[(dot + 1)..];
        if (kind == "v")
        {
            var verb = random.Pick(Verbs);
            return form switch { "inf" => verb.Infinitive, "pres" => verb.Present, "past" => verb.Past, _ => verb.Supine };
        }
        var n = random.Pick(Nouns);
        return form switch
        {
            "d" => n.Definite,
            "p" => n.Plural,
            "pd" => n.DefinitePlural,
            "dg" => Genitive(n.Definite),
            "pdg" => Genitive(n.DefinitePlural),
            _ => n.Indefinite,
        };
    }

    private static string Genitive(string word) => word.EndsWith('s') ? word : word + "s";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
