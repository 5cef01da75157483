using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Portal.Infrastructure.Features.Members;

namespace Portal.Web.Account;

/// <summary>A circuit's session is checked like a request's (security stamp, organisation enabled),
/// also while it stays open: at once when the member's sessions end (<c>CircuitAccess</c> hears it on
/// the event bus), and every few minutes here, for the case the event was lost (Redis away). A session
/// that no longer holds makes the circuit anonymous, and its pages give way to the sign-in.</summary>
public sealed class CircuitSessionCheck(ILoggerFactory loggers, SignInService signIn, Components.Live.CircuitSession session)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(2);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.FindMemberId() is not { } memberId)
            return true; // nothing to lose
        var current = await signIn.FindCurrentAsync(memberId, cancellationToken);
        if (current is not null && current.SecurityStamp == state.User.FindFirst(PortalClaims.SecurityStamp)?.Value)
            return true;
        // The UI goes first: pages re-rendered for an anonymous circuit would fail.
        await session.EndAsync();
        return false;
    }
}
