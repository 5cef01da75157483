namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Administration: organisations, workspaces and their leads, the administrator role ----

    public static bool CanAdminister(Actor actor) => actor.IsAdministrator;
}
