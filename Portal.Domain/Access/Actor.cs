namespace Portal.Domain.Access;

/// <summary>The member acting, as loaded fresh from the database for each use case, so that a
/// revoked role or a disabled organisation takes effect at once.</summary>
public sealed record Actor(Guid MemberId, Guid OrganisationId, bool IsAdministrator);
