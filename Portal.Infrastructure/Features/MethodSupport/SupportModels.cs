using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>An asker outside the portal, as the NMT member logging the request knows them: an organisation
/// from the directory, or a typed name with its kind; and a functional contact.</summary>
public sealed record OutsideAsker(Guid? OrganisationId, string? OrganisationName, OrganisationKind? OrganisationKind, string? FunctionalContact);

public sealed record SupportSubmitted(Guid Id, string Reference);

/// <summary>A line in a list: no text of the request, only what triage needs.</summary>
public sealed record SupportRequestSummary(Guid Id, string Reference, SupportStatus Status, SupportUrgency Urgency, bool ChildConcerned,
    County County, IReadOnlyList<ExploitationForm> Forms, SupportChannel Channel, string AskingOrganisation, DateTimeOffset SubmittedAt,
    DateTimeOffset FirstResponseDue, bool IsOverdue, IReadOnlyList<string> Assignees);

/// <summary>One page of a list (<see cref="Page"/> from 1, clamped to the last page). Only these lines were
/// read and audited as listed; <see cref="Total"/> is a count, not a read.</summary>
public sealed record SupportRequestList(IReadOnlyList<SupportRequestSummary> Items, int Page, int PageCount, int Total)
{
    public const int PageSize = 25;

    /// <summary>The page to read for a requested one: 1 for anything below, the last for anything beyond.</summary>
    public static int Clamp(int page, int total) => Math.Clamp(page, 1, Math.Max(1, PageCountOf(total)));

    public static int PageCountOf(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);
}

public sealed record SupportPerson(Guid MemberId, string Name, string Organisation);

public sealed record SupportReplyView(Guid Id, SupportPerson Author, bool FromTeam, string Text, DateTimeOffset At);

public sealed record SupportNoteView(Guid Id, SupportPerson Author, string Text, DateTimeOffset At);

public sealed record SupportReferralView(Guid Id, Guid OrganisationId, string Organisation, string? Contact, DateOnly ReferredOn, string Reason,
    SupportPerson ReferredBy);

/// <summary>What the actor may do with the request; the use cases check again.</summary>
public sealed record SupportPermissions(bool SeeNotes, bool Assign, bool Work, bool FollowUp, bool AddViewer);

/// <summary>A request as one member may see it. Notes are empty for those who may not see them.</summary>
public sealed record SupportRequestView(
    Guid Id, string Reference, long Version, SupportStatus Status, SupportChannel Channel,
    SupportPerson? Asker, string AskingOrganisation, OrganisationKind AskingOrganisationKind, string? AskerContact, SupportPerson? LoggedBy,
    string Question, string? DoneSoFar, IReadOnlyList<ExploitationForm> Forms, bool ChildConcerned, bool? SocialServicesInvolved,
    County County, SupportUrgency Urgency, string? PreferredContact,
    DateTimeOffset SubmittedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset FirstResponseDue, bool IsOverdue, DateTimeOffset? ClosedAt,
    bool IsErased,
    IReadOnlyList<SupportPerson> Assignees, IReadOnlyList<SupportPerson> Viewers, IReadOnlyList<SupportReplyView> Replies,
    IReadOnlyList<SupportNoteView> Notes, IReadOnlyList<SupportReferralView> Referrals, SupportPermissions Can);
