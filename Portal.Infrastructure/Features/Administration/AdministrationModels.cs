using Portal.Domain.Directory;
using Portal.Domain.Organisations;
using Portal.Domain.Workspaces;

namespace Portal.Infrastructure.Features.Administration;

public sealed record OrganisationInput(
    string Name,
    string? ShortName,
    OrganisationKind Kind,
    Guid? ParentId,
    IReadOnlyList<County> CountiesServed,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<string> TenantIds);

public sealed record OrganisationAdminRow(
    Guid Id,
    string Name,
    string? ShortName,
    OrganisationKind Kind,
    Guid? ParentId,
    bool Enabled,
    IReadOnlyList<County> CountiesServed,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<string> TenantIds,
    int MemberCount);

public sealed record WorkspaceInput(
    string Name,
    WorkspaceKind Kind,
    WorkspaceVisibility Visibility,
    string? Purpose,
    IReadOnlyList<Guid> LeadIds);

public sealed record MemberAdminRow(
    Guid Id,
    string DisplayName,
    string? Email,
    string OrganisationName,
    bool OrganisationEnabled,
    bool IsAdministrator,
    DateTimeOffset? LastSignInAt);
