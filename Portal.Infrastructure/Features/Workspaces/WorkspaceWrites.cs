using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Workspaces;

/// <summary>The kinds of write that workspaces count against a member's write limits (ADR 0019). Each
/// of them may notify people (a request notifies the leads), so a loop of request and withdraw is held.</summary>
public static class WorkspaceWrites
{
    /// <summary>A member's own standing: join, request, withdraw, accept or decline an invitation, leave.</summary>
    public const string Membership = "membership";

    /// <summary>A lead inviting someone.</summary>
    public const string Invitation = "invitation";

    /// <summary>A lead deciding about others: approve or decline a request, cancel an invitation, change a role, remove.</summary>
    public const string Roster = "roster";

    public static IServiceCollection AddWorkspaceWriteLimits(this IServiceCollection services) => services
        .AddWriteLimit(Membership, 20, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Invitation, 30, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Roster, 60, TimeSpan.FromMinutes(10));
}
