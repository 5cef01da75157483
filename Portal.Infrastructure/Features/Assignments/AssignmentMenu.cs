using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>What the pages offer a member in the assignments area: the menu entry (the coordinator's staff
/// and those named as an activity's owner) and the secretariat's buttons. Only what to show: every use case
/// loads the actor and asks the policy itself.</summary>
/// <param name="ShowsEntry">The member reads assignments or the plan: staff, or the owner of an activity.</param>
/// <param name="IsSecretariat">The member registers assignments and plans activities.</param>
public sealed record AssignmentMenuStanding(bool ShowsEntry, bool IsStaff, bool IsSecretariat)
{
    public static AssignmentMenuStanding None { get; } = new(false, false, false);
}

public sealed class AssignmentMenu(IDbContextFactory<PortalDbContext> contexts, AssignmentOptions options)
{
    public async Task<AssignmentMenuStanding> ForAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Portal.Domain.Access.Actor actor;
        try
        {
            actor = await db.LoadActorAsync(memberId, cancellationToken);
        }
        catch (Portal.Domain.Common.AccessDeniedException)
        {
            return AssignmentMenuStanding.None;
        }
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var owner = !standing.IsStaff && await db.PlannedActivities.AnyAsync(a => a.OwnerId == memberId, cancellationToken);
        return new(standing.IsStaff || owner, standing.IsStaff, standing.IsSecretariat);
    }
}

public static class AssignmentMenuRegistration
{
    /// <summary>The pages' menu standing, next to the assignments' use cases.</summary>
    public static IServiceCollection AddAssignmentMenu(this IServiceCollection services) =>
        services.AddSingleton<AssignmentMenu>();
}
