using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.MethodSupport;

namespace Portal.Infrastructure.Features.Assignments.Reports;

/// <summary>What a report says, assembled from the portal for an assignment and a period: per part of the
/// assignment the activities that serve it, each with its figures; the activities that serve no part; and
/// the budget (null for those who may not see it). Plain data, so that it can be frozen as JSON at submission
/// and read back unchanged. Names of organisations and titles only: no person, no request's content.</summary>
public sealed record ReportContent(
    Guid AssignmentId,
    string RegistrationNumber,
    string AssignmentTitle,
    string Ministry,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset AssembledAt,
    IReadOnlyList<ReportPart> Parts,
    IReadOnlyList<ReportActivity> OtherActivities,
    ReportBudget? Budget)
{
    /// <summary>The name of the support tables' one row: the whole period.</summary>
    public const string PeriodTotal = "Period";

    public IEnumerable<ReportActivity> AllActivities =>
        Parts.SelectMany(p => p.Activities).Concat(OtherActivities).DistinctBy(a => a.Id);
}

public sealed record ReportPart(int Number, string Text, IReadOnlyList<ReportActivity> Activities);

public sealed record ReportActivity(
    Guid Id,
    string Title,
    string Kind,
    string Status,
    string Owner,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    decimal PlannedCost,
    decimal SpentCost,
    bool ChildRights,
    ReportMeetings Meetings,
    ReportTrainings Trainings,
    ReportGuidance Guidance,
    ReportSupport? Support);

/// <summary>Where a meeting's participating organisations come from: the attendance recorded with the
/// minutes, or — when none was recorded — the invitees who accepted.</summary>
public enum AttendanceSource
{
    Minutes = 1,
    AcceptedReplies = 2,
}

/// <summary>Meetings and network days of the activity's linked meetings held in the period (not cancelled,
/// ended), and the organisations that took part (how many of those occasions each was at).</summary>
public sealed record ReportMeetings(int MeetingsHeld, int NetworkDaysHeld, IReadOnlyList<ReportOccasion> Occasions,
    IReadOnlyList<ReportOrganisationCount> Organisations);

public sealed record ReportOccasion(string Title, MeetingKind Kind, DateOnly Date, int Organisations, AttendanceSource Source);

public sealed record ReportOrganisationCount(string Organisation, int Occasions);

/// <summary>Trainings of the activity's linked meetings held in the period and their participants, as the
/// training figures count them.</summary>
public sealed record ReportTrainings(int Held, int Participants, IReadOnlyList<ReportParticipantCount> ByKind,
    IReadOnlyList<ReportCountyCount> ByCounty, int WithoutCounty);

public sealed record ReportParticipantCount(ParticipantOrganisationKind Kind, int Participants);

public sealed record ReportCountyCount(County County, int Participants);

/// <summary>Guidance documents linked to the activity with a version published in the period.</summary>
public sealed record ReportGuidance(IReadOnlyList<ReportDocument> Documents);

/// <summary>A version published in the period and how many members acknowledged it (any version of the same
/// major number, up to the report's end).</summary>
public sealed record ReportDocument(string Title, string Version, DateOnly PublishedOn, int Acknowledgements);

/// <summary>Method-support requests counted for the activity: every request received in the period for a
/// method-support activity (<see cref="AllReceived"/>), otherwise its linked requests received in the period.
/// The tables are those of the method-support figures with only the period's total row, suppressed alike.</summary>
public sealed record ReportSupport(bool AllReceived, IReadOnlyList<SupportFigureTable> Tables)
{
    /// <summary>Requests counted (null when suppressed).</summary>
    public int? Requests => Tables.Count == 0 ? 0 : Tables[0].Rows[^1].Total;
}

public sealed record ReportBudget(decimal Granted, decimal Requisitioned, decimal Received, decimal Spent, decimal ToRepay,
    IReadOnlyList<ReportBudgetLine> Lines);

public sealed record ReportBudgetLine(decimal Amount, string ExpenditureArea, string Appropriation, string AppropriationItem,
    string RequisitionFrom, DateOnly RequisitionBy, DateOnly? RequisitionedOn, decimal? AmountReceived);
