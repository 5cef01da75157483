using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Common;

namespace Portal.Web.Account;

/// <summary>The signed-in member's id for components. Scoped per circuit; holds no data of its own
/// beyond the id, so the use cases always load the member fresh.</summary>
public sealed class MemberSession(AuthenticationStateProvider authentication)
{
    public async Task<Guid> GetIdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindMemberId() ?? throw new AccessDeniedException("member.unknown");
    }
}
