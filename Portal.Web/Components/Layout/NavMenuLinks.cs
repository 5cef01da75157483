namespace Portal.Web.Components.Layout;

/// <summary>Which menu link is the current page, as NavLink decides it: the whole path for the home
/// link, otherwise the link's path or anything below it ("/workspaces" for "/workspaces/…", not for
/// "/workspacesfoo"); the query and fragment do not count.</summary>
public static class NavMenuLinks
{
    /// <param name="relativePath">The address relative to the base, as NavigationManager.ToBaseRelativePath gives it.</param>
    /// <param name="href">The link, starting with "/".</param>
    public static bool IsCurrent(string relativePath, string href, bool exact)
    {
        var end = relativePath.IndexOfAny(['?', '#']);
        var path = "/" + (end < 0 ? relativePath : relativePath[..end]).TrimEnd('/');
        var link = href.TrimEnd('/');
        if (exact || link.Length == 0)
            return string.Equals(path.TrimEnd('/'), link, StringComparison.OrdinalIgnoreCase);
        return path.StartsWith(link, StringComparison.OrdinalIgnoreCase)
            && (path.Length == link.Length || path[link.Length] == '/');
    }
}
