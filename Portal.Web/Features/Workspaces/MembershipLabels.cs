using Microsoft.Extensions.Localization;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Workspaces;

public static class MembershipLabels
{
    /// <summary>The member's own standing in words: "Medlem", "Medlem (Ledare)", "Ansökan väntar"…
    /// Null when there is nothing current to say (never joined, left, withdrew).</summary>
    public static string? StatusOf(IStringLocalizer<TermText> terms, MyMembership? mine) => mine?.Status switch
    {
        MembershipStatus.Active when mine.Role == MembershipRole.Member => terms.Of(MembershipStatus.Active),
        MembershipStatus.Active => $"{terms.Of(MembershipStatus.Active)} ({terms.Of(mine.Role)})",
        MembershipStatus.Requested or MembershipStatus.Invited or MembershipStatus.Declined => terms.Of(mine.Status),
        _ => null,
    };

    /// <summary>True when the member has no membership in play: may join or ask again.</summary>
    public static bool IsOutside(MyMembership? mine) =>
        mine is null or { Status: MembershipStatus.Declined or MembershipStatus.Withdrawn or MembershipStatus.Left or MembershipStatus.Removed };

    /// <summary>The first sentence or so of a purpose, for lists.</summary>
    public static string Short(string text, int max = 180)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > 0 ? cut : max)] + " …";
    }
}
