namespace Portal.Domain.Common;

/// <summary>The portal's name is a proper name: the same in every language, in the header, the
/// mails and the texts (ADR 0022).</summary>
public static class Product
{
    public const string Name = "Samverkansportalen";
}
