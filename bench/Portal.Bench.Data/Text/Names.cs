using Portal.Domain.Directory;
using Portal.Domain.Organisations;
using static Portal.Domain.Directory.County;

namespace Portal.Bench.Data.Text;

/// <summary>Invented people and real kinds of organisation, for generated members and organisations.</summary>
internal static class Names
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Johanna", "Kristina", "Malin", "Sofia", "Ida", "Linnéa",
        "Elin", "Hanna", "Camilla", "Helena", "Therese", "Jenny", "Frida", "Maja", "Fatima", "Amina", "Nora", "Leyla", "Yasmin",
        "Agnieszka", "Ana", "Ewa", "Tove", "Greta", "Rebecka", "Birgitta", "Ulla", "Åsa", "Lars", "Erik", "Anders", "Johan",
        "Karl", "Per", "Mikael", "Peter", "Jonas", "Magnus", "Fredrik", "Daniel", "Henrik", "Tomas", "Niklas", "Mats", "Ola",
        "Björn", "Oskar", "Viktor", "Ali", "Omar", "Ahmed", "Hassan", "Marco", "Dragan", "Tobias", "Kenneth", "Göran", "Stefan",
    ];

    public static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
        "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström",
        "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson",
        "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson",
        "Håkansson", "Lundin", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson",
        "Nyström", "Åberg", "Holmberg", "Hedlund", "Ali", "Ahmed", "Hassan", "Mohammed", "Haddad", "Nowak", "Kowalski", "Rossi",
        "Popescu", "Yilmaz", "Novak", "Ek", "Ström", "Dahl", "Falk", "Sundberg",
    ];

    public static readonly (string Name, County County)[] CountyBoards =
    [
        ("Länsstyrelsen i Stockholms län", Stockholm), ("Länsstyrelsen i Uppsala län", Uppsala),
        ("Länsstyrelsen i Södermanlands län", Sodermanland), ("Länsstyrelsen i Östergötlands län", Ostergotland),
        ("Länsstyrelsen i Jönköpings län", Jonkoping), ("Länsstyrelsen i Kronobergs län", Kronoberg),
        ("Länsstyrelsen i Kalmar län", Kalmar), ("Länsstyrelsen i Gotlands län", Gotland),
        ("Länsstyrelsen i Blekinge län", Blekinge), ("Länsstyrelsen Skåne", Skane),
        ("Länsstyrelsen i Hallands län", Halland), ("Länsstyrelsen i Västra Götalands län", VastraGotaland),
        ("Länsstyrelsen i Värmlands län", Varmland), ("Länsstyrelsen i Örebro län", Orebro),
        ("Länsstyrelsen i Västmanlands län", Vastmanland), ("Länsstyrelsen Dalarna", Dalarna),
        ("Länsstyrelsen Gävleborg", Gavleborg), ("Länsstyrelsen Västernorrland", Vasternorrland),
        ("Länsstyrelsen i Jämtlands län", Jamtland), ("Länsstyrelsen i Västerbottens län", Vasterbotten),
        ("Länsstyrelsen i Norrbottens län", Norrbotten),
    ];

    /// <summary>State agencies; a unit names its parent's index in this list and the counties it serves
    /// (none: the whole country).</summary>
    public static readonly (string Name, string? ShortName, int? Parent, County[] Counties)[] StateAgencies =
    [
        ("Polismyndigheten", "Polisen", null, []),
        ("Åklagarmyndigheten", null, null, []),
        ("Migrationsverket", null, null, []),
        ("Polisen – Nationella operativa avdelningen", "NOA", 0, []),
        ("Polisen – Region Stockholm", null, 0, [Stockholm, Gotland]),
        ("Polisen – Region Syd", null, 0, [Skane, Blekinge, Kronoberg, Kalmar]),
        ("Polisen – Region Väst", null, 0, [VastraGotaland, Halland]),
        ("Socialstyrelsen", null, null, []),
        ("Arbetsmiljöverket", null, null, []),
        ("Polisen – Gränspolisen", null, 0, []),
        ("Polisen – Region Öst", null, 0, [Ostergotland, Jonkoping, Sodermanland]),
        ("Polisen – Region Mitt", null, 0, [Uppsala, Vastmanland, Gavleborg]),
        ("Polisen – Region Bergslagen", null, 0, [Orebro, Varmland, Dalarna]),
        ("Polisen – Region Nord", null, 0, [Vasternorrland, Jamtland, Vasterbotten, Norrbotten]),
        ("Skatteverket", null, null, []),
        ("Barnombudsmannen", null, null, []),
        ("Arbetsförmedlingen", null, null, []),
        ("Jämställdhetsmyndigheten", null, null, []),
        ("Kriminalvården", null, null, []),
        ("Tullverket", null, null, []),
        ("Försäkringskassan", null, null, []),
        ("Ekobrottsmyndigheten", null, null, []),
    ];

    public static readonly (string Name, County County)[] Municipalities =
    [
        ("Stockholms stad", Stockholm), ("Göteborgs stad", VastraGotaland), ("Malmö stad", Skane), ("Uppsala kommun", Uppsala),
        ("Västerås stad", Vastmanland), ("Örebro kommun", Orebro), ("Linköpings kommun", Ostergotland), ("Helsingborgs stad", Skane),
        ("Jönköpings kommun", Jonkoping), ("Norrköpings kommun", Ostergotland), ("Lunds kommun", Skane), ("Umeå kommun", Vasterbotten),
        ("Gävle kommun", Gavleborg), ("Borås stad", VastraGotaland), ("Södertälje kommun", Stockholm), ("Eskilstuna kommun", Sodermanland),
        ("Halmstads kommun", Halland), ("Växjö kommun", Kronoberg), ("Karlstads kommun", Varmland), ("Sundsvalls kommun", Vasternorrland),
        ("Luleå kommun", Norrbotten), ("Östersunds kommun", Jamtland), ("Kristianstads kommun", Skane), ("Kalmar kommun", Kalmar),
        ("Karlskrona kommun", Blekinge), ("Falu kommun", Dalarna), ("Borlänge kommun", Dalarna), ("Trollhättans stad", VastraGotaland),
        ("Nyköpings kommun", Sodermanland), ("Botkyrka kommun", Stockholm), ("Huddinge kommun", Stockholm), ("Nacka kommun", Stockholm),
        ("Solna stad", Stockholm), ("Sollentuna kommun", Stockholm), ("Järfälla kommun", Stockholm), ("Haninge kommun", Stockholm),
        ("Skellefteå kommun", Vasterbotten), ("Kiruna kommun", Norrbotten), ("Varbergs kommun", Halland), ("Uddevalla kommun", VastraGotaland),
        ("Skövde kommun", VastraGotaland), ("Motala kommun", Ostergotland), ("Landskrona stad", Skane), ("Trelleborgs kommun", Skane),
        ("Enköpings kommun", Uppsala), ("Västerviks kommun", Kalmar), ("Ljungby kommun", Kronoberg), ("Arvika kommun", Varmland),
        ("Härnösands kommun", Vasternorrland), ("Hudiksvalls kommun", Gavleborg),
    ];

    /// <summary>The 21 regions, in the order of <see cref="County"/>.</summary>
    public static readonly string[] Regions =
    [
        "Region Stockholm", "Region Uppsala", "Region Sörmland", "Region Östergötland", "Region Jönköpings län", "Region Kronoberg",
        "Region Kalmar län", "Region Gotland", "Region Blekinge", "Region Skåne", "Region Halland", "Västra Götalandsregionen",
        "Region Värmland", "Region Örebro län", "Region Västmanland", "Region Dalarna", "Region Gävleborg", "Region Västernorrland",
        "Region Jämtland Härjedalen", "Region Västerbotten", "Region Norrbotten",
    ];

    public static readonly (string Name, string? ShortName)[] Ngos =
    [
        ("Plattformen Civila Sverige mot Människohandel", "Plattformen"), ("Frälsningsarmén", null), ("Caritas Sverige", null),
        ("ECPAT Sverige", null), ("UNICEF Sverige", null), ("Svenska Röda Korset", "Röda Korset"), ("Stockholms Stadsmission", null),
        ("Göteborgs Stadsmission", null), ("Rädda Barnen", null), ("Talita", null), ("Noomi", null), ("Unizon", null),
        ("Hela Människan", null), ("Convictus", null), ("Ersta diakoni", null), ("Kvinnors Nätverk", null),
    ];

    public static readonly (string Name, string? ShortName)[] International =
    [
        ("IOM – Internationella organisationen för migration", "IOM"), ("UNHCR – FN:s flyktingorgan", "UNHCR"),
    ];

    public static readonly IReadOnlyDictionary<OrganisationKind, string[]> Titles = new Dictionary<OrganisationKind, string[]>
    {
        [OrganisationKind.CountyAdministrativeBoard] = ["Länssamordnare mot människohandel", "Handläggare", "Utredare", "Jurist", "Enhetschef"],
        [OrganisationKind.StateAgency] = ["Kriminalinspektör", "Utredare", "Handläggare", "Specialist människohandel", "Analytiker", "Inspektör"],
        [OrganisationKind.Municipality] = ["Socialsekreterare", "Regionkoordinator", "Enhetschef", "Barnutredare", "Kurator"],
        [OrganisationKind.Region] = ["Kurator", "Barnmorska", "Läkare", "Samordnare, sexuell hälsa"],
        [OrganisationKind.Ngo] = ["Projektledare", "Samordnare", "Stödperson", "Sakkunnig"],
        [OrganisationKind.InternationalOrganisation] = ["Programansvarig", "Handläggare, frivilligt återvändande"],
    };

    public static readonly string[] ExtraLanguages =
    [
        // Codes, as the product stores spoken languages (Portal.Domain.Members.SpokenLanguages).
        "ar", "so", "pl", "ro", "ru", "es", "fr", "de", "prs", "fa", "ti", "bg", "hu", "th", "it",
    ];
}
