namespace Portal.Infrastructure.Features.Search;

/// <summary>Names of the PostgreSQL-only shadow columns on posts and threads.</summary>
public static class SearchColumns
{
    public const string Stems = "SearchStems";
    public const string Vector = "SearchVector";
}
