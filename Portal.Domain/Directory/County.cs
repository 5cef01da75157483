namespace Portal.Domain.Directory;

/// <summary>Sweden's 21 counties (län). The letter code is the official county letter.</summary>
public enum County
{
    Stockholm = 1,     // AB
    Uppsala,           // C
    Sodermanland,      // D
    Ostergotland,      // E
    Jonkoping,         // F
    Kronoberg,         // G
    Kalmar,            // H
    Gotland,           // I
    Blekinge,          // K
    Skane,             // M
    Halland,           // N
    VastraGotaland,    // O
    Varmland,          // S
    Orebro,            // T
    Vastmanland,       // U
    Dalarna,           // W
    Gavleborg,         // X
    Vasternorrland,    // Y
    Jamtland,          // Z
    Vasterbotten,      // AC
    Norrbotten,        // BD
}

public static class Counties
{
    public static IReadOnlyList<County> All { get; } = Enum.GetValues<County>();
}
