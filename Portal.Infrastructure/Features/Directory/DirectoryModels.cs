using Portal.Domain.Directory;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Features.Directory;

/// <summary>What to look for among people; every part is optional and they combine with AND.</summary>
public sealed record PeopleQuery(
    string? Text = null,
    Guid? OrganisationId = null,
    County? County = null,
    ExploitationForm? Form = null,
    string? Language = null,
    int Skip = 0,
    int Take = 50);

public sealed record PersonCard(
    Guid Id,
    string DisplayName,
    string? Title,
    Guid OrganisationId,
    string OrganisationName,
    County? County,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    IReadOnlyList<string> Languages,
    string? Email,
    string? Phone);

public sealed record PeoplePage(IReadOnlyList<PersonCard> People, int Total);

public sealed record OrganisationQuery(string? Text = null, OrganisationKind? Kind = null, County? County = null);

public sealed record OrganisationCard(
    Guid Id,
    string Name,
    string? ShortName,
    OrganisationKind Kind,
    IReadOnlyList<County> CountiesServed,
    string? ContactEmail,
    string? ContactPhone,
    string? ParentName,
    int MemberCount);

public sealed record OrganisationProfile(OrganisationCard Organisation, IReadOnlyList<PersonCard> People, IReadOnlyList<OrganisationCard> Units);

public sealed record ProfileInput(
    string? Title,
    string? Phone,
    County? County,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    IReadOnlyList<string> Languages);
