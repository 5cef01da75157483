using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>The activity plan: planning and changing activities (the secretariat), progress and links (the owner
/// and the secretariat), one activity and the year's plan. Links are checked and shown through each target's own
/// subject kind, so the meetings', documents', method-support and discussions' policies decide what a member may
/// link to and see; a link the viewer may not see shows without its title.</summary>
public sealed class ActivityPlanService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter,
    AssignmentOptions options, SubjectRegistry subjects)
{
    public const string ChangedConcurrently = "activity.changed-concurrently";
    public const int MaxCandidates = 20;

    /// <summary>The secretariat plans an activity; returns its id.</summary>
    public async Task<Guid> PlanAsync(Caller caller, ActivityDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        if (!AccessPolicy.CanPlanActivity(standing))
            throw new AccessDeniedException("activity.plan.denied");
        var (terms, assignment) = await TermsAsync(db, actor, draft, cancellationToken);
        var now = clock.GetUtcNow();
        var activity = PlannedActivity.Plan(terms, assignment, now);
        db.PlannedActivities.Add(activity);
        db.Audit(actor.MemberId, AssignmentAuditActions.ActivityPlanned, ActivitySubjectKind.Of(activity.Id), now, null, caller.ClientAddress);
        await SaveAsync(db, actor, now, "title", cancellationToken);
        return activity.Id;
    }

    /// <summary>The secretariat changes every term of an activity from the snapshot it loaded.</summary>
    public async Task ChangeAsync(Caller caller, Guid activityId, ActivityDraft draft, long expectedVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var activity = await db.LoadVisibleActivityAsync(actor, standing, activityId, cancellationToken)
            ?? throw new NotFoundException(AssignmentLoading.ActivityNotFound);
        if (!AccessPolicy.CanPlanActivity(standing))
            throw new AccessDeniedException("activity.edit.denied");
        if (activity.Version != expectedVersion)
            throw new DomainRuleException(ChangedConcurrently);
        var (terms, assignment) = await TermsAsync(db, actor, draft, cancellationToken);
        var now = clock.GetUtcNow();
        activity.Change(terms, assignment);
        db.Audit(actor.MemberId, AssignmentAuditActions.ActivityChanged, ActivitySubjectKind.Of(activity.Id), now, null, caller.ClientAddress);
        await SaveAsync(db, actor, now, "title", cancellationToken);
    }

    /// <summary>The owner (or the secretariat) reports status and spent cost.</summary>
    public async Task UpdateProgressAsync(Caller caller, Guid activityId, ActivityStatus status, decimal spentCost,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, activity) = await LoadForUpdateAsync(db, caller, activityId, cancellationToken);
        var now = clock.GetUtcNow();
        activity.UpdateProgress(status, spentCost);
        db.Audit(actor.MemberId, AssignmentAuditActions.ActivityProgress, ActivitySubjectKind.Of(activity.Id), now, status.ToString(),
            caller.ClientAddress);
        await SaveAsync(db, actor, now, "status", cancellationToken);
    }

    /// <summary>Links something the activity produced. A target the actor may not see is refused as unknown — the
    /// same answer as for one that does not exist.</summary>
    public async Task LinkAsync(Caller caller, Guid activityId, ActivityLinkKind kind, Guid targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, activity) = await LoadForUpdateAsync(db, caller, activityId, cancellationToken);
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("activity.link.kind-invalid", "link");
        var subject = SubjectOf(kind, targetId);
        var visible = await subjects.DescribeVisibleAsync(db, actor, [subject], cancellationToken);
        if (!visible.ContainsKey(subject))
            throw new DomainRuleException("activity.link.target-unknown", "link");
        var now = clock.GetUtcNow();
        if (!activity.Link(kind, targetId, actor.MemberId, now))
            return;
        db.Audit(actor.MemberId, AssignmentAuditActions.ActivityLinked, ActivitySubjectKind.Of(activity.Id), now, subject.ToString(),
            caller.ClientAddress);
        await SaveAsync(db, actor, now, "link", cancellationToken);
    }

    /// <summary>Removes a link (also one whose target the actor can no longer see: it is the activity's, not the target's).</summary>
    public async Task UnlinkAsync(Caller caller, Guid activityId, ActivityLinkKind kind, Guid targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (actor, activity) = await LoadForUpdateAsync(db, caller, activityId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!activity.Unlink(kind, targetId))
            return;
        db.Audit(actor.MemberId, AssignmentAuditActions.ActivityUnlinked, ActivitySubjectKind.Of(activity.Id), now,
            SubjectOf(kind, targetId).ToString(), caller.ClientAddress);
        await SaveAsync(db, actor, now, "link", cancellationToken);
    }

    /// <summary>One activity as the caller may see it, or null (hidden or missing).</summary>
    public async Task<ActivityView?> GetAsync(Caller caller, Guid activityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var activity = await db.LoadVisibleActivityAsync(actor, standing, activityId, cancellationToken, tracked: false);
        if (activity is null)
            return null;
        var assignment = activity.AssignmentId is { } assignmentId
            ? await db.GovernmentAssignments.AsNoTracking().Include(a => a.Parts).SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
            : null;
        var people = await db.LoadPeopleAsync([activity.OwnerId], cancellationToken);
        var owner = people.TryGetValue(activity.OwnerId, out var p)
            ? new ActivityPerson(p.MemberId, p.DisplayName, p.OrganisationName)
            : new ActivityPerson(activity.OwnerId, "", "");
        string? workspaceName = null;
        if (activity.WorkspaceId is { } workspaceId)
        {
            var described = await subjects.DescribeVisibleAsync(db, actor, [WorkspaceSubjectKind.Of(workspaceId)], cancellationToken);
            workspaceName = described.TryGetValue(WorkspaceSubjectKind.Of(workspaceId), out var info) ? info.Title : null;
        }
        var links = activity.Links.OrderBy(l => l.LinkedAt).ToList();
        var targets = await subjects.DescribeVisibleAsync(db, actor, links.Select(l => SubjectOf(l.Kind, l.TargetId)), cancellationToken);
        var linkViews = links.Select(l => targets.TryGetValue(SubjectOf(l.Kind, l.TargetId), out var t)
            ? new ActivityLinkView(l.Kind, l.TargetId, true, t.Title, t.Link, l.LinkedAt)
            : new ActivityLinkView(l.Kind, l.TargetId, false, null, null, l.LinkedAt)).ToList();
        var parts = assignment?.Parts.Where(part => activity.PartIds.Contains(part.Id))
            .Select(part => new ActivityPartView(part.Id, part.Number, part.Text)).ToList() ?? [];
        return new ActivityView(activity.Id, activity.Version, activity.Year, activity.Title, activity.Description, activity.Kind, owner,
            activity.AssignmentId, assignment?.RegistrationNumber, assignment?.Title, parts, activity.WorkspaceId, workspaceName,
            activity.PlannedStart, activity.PlannedEnd, activity.Status, activity.PlannedCost, activity.SpentCost, activity.ExploitationForms,
            activity.ChildRights, assignment?.ChildRights == true, linkViews,
            AccessPolicy.CanPlanActivity(standing), AccessPolicy.CanUpdateActivity(actor, standing, activity));
    }

    /// <summary>The year's plan as the caller may see it (the staff: all of it; an owner: their own activities),
    /// narrowed by the filter, in the order of their planned start.</summary>
    public async Task<IReadOnlyList<PlanRow>> ListAsync(Caller caller, PlanFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var query = db.PlannedActivities.AsNoTracking()
            .Where(AccessPolicy.VisibleActivities(actor, standing))
            .Where(a => a.Year == filter.Year);
        if (filter.AssignmentId is { } assignmentId)
            query = query.Where(a => a.AssignmentId == assignmentId);
        if (filter.OwnerId is { } ownerId)
            query = query.Where(a => a.OwnerId == ownerId);
        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (filter.ExploitationForm is { } form)
            query = query.Where(a => a.ExploitationForms.Contains(form));
        if (filter.ChildRights is { } childRights)
            query = query.Where(a => a.ChildRights == childRights);
        var activities = await query.Include(a => a.Links).OrderBy(a => a.PlannedStart).ThenBy(a => a.Title).ToListAsync(cancellationToken);

        var assignmentIds = activities.Where(a => a.AssignmentId != null).Select(a => a.AssignmentId!.Value).Distinct().ToList();
        var assignments = await db.GovernmentAssignments.AsNoTracking().Include(a => a.Parts)
            .Where(a => assignmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var people = await db.LoadPeopleAsync(activities.Select(a => a.OwnerId), cancellationToken);
        return activities.Select(a =>
        {
            var assignment = a.AssignmentId is { } id && assignments.TryGetValue(id, out var found) ? found : null;
            var partNumbers = assignment?.Parts.Where(p => a.PartIds.Contains(p.Id)).Select(p => p.Number).Order().ToList() ?? [];
            return new PlanRow(a.Id, a.Title, a.Kind, a.Status, a.OwnerId, people.TryGetValue(a.OwnerId, out var p) ? p.DisplayName : "",
                a.AssignmentId, assignment?.RegistrationNumber, partNumbers, a.PlannedStart, a.PlannedEnd, a.PlannedCost, a.SpentCost,
                a.ChildRights, a.ExploitationForms, a.Links.Count);
        }).ToList();
    }

    /// <summary>What the caller could link, for a picker: items of the kind they may see whose title (a request's
    /// reference) contains <paramref name="text"/>, at most <see cref="MaxCandidates"/>. Empty for anyone who may
    /// update no activity.</summary>
    public async Task<IReadOnlyList<LinkCandidate>> LinkCandidatesAsync(Caller caller, ActivityLinkKind kind, string? text,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var memberId = actor.MemberId;
        if (!standing.IsSecretariat && !await db.PlannedActivities.AnyAsync(a => a.OwnerId == memberId, cancellationToken))
            return [];
        var needle = (text ?? "").Trim().ToLower();
        if (needle.Length > 100)
            needle = needle[..100];
        var visible = subjects.Get(SubjectOf(kind, Guid.Empty).Kind).VisibleIds(db, actor);
        List<LinkCandidate> found = kind switch
        {
            ActivityLinkKind.Meeting => await db.Meetings.AsNoTracking().Where(m => visible.Contains(m.Id) && m.Title.ToLower().Contains(needle))
                .OrderByDescending(m => m.CreatedAt).Take(MaxCandidates)
                .Select(m => new LinkCandidate(kind, m.Id, m.Title)).ToListAsync(cancellationToken),
            ActivityLinkKind.Document => await db.Documents.AsNoTracking().Where(d => visible.Contains(d.Id) && d.Title.ToLower().Contains(needle))
                .OrderByDescending(d => d.CreatedAt).Take(MaxCandidates)
                .Select(d => new LinkCandidate(kind, d.Id, d.Title)).ToListAsync(cancellationToken),
            ActivityLinkKind.SupportRequest => await db.SupportRequests.AsNoTracking()
                .Where(r => visible.Contains(r.Id) && r.Reference.ToLower().Contains(needle))
                .OrderByDescending(r => r.SubmittedAt).Take(MaxCandidates)
                .Select(r => new LinkCandidate(kind, r.Id, r.Reference)).ToListAsync(cancellationToken),
            ActivityLinkKind.Thread => await db.Threads.AsNoTracking().Where(t => visible.Contains(t.Id) && t.Title.ToLower().Contains(needle))
                .OrderByDescending(t => t.CreatedAt).Take(MaxCandidates)
                .Select(t => new LinkCandidate(kind, t.Id, t.Title)).ToListAsync(cancellationToken),
            _ => throw new DomainRuleException("activity.link.kind-invalid", "link"),
        };
        return found;
    }

    /// <summary>The subject a link points at, by the target feature's own subject kind.</summary>
    public static SubjectRef SubjectOf(ActivityLinkKind kind, Guid targetId) => kind switch
    {
        ActivityLinkKind.Meeting => MeetingSubjectKind.Of(targetId),
        ActivityLinkKind.Document => DocumentSubjectKind.Of(targetId),
        ActivityLinkKind.SupportRequest => SupportSubjectKind.Of(targetId),
        ActivityLinkKind.Thread => ThreadSubjectKind.Of(targetId),
        _ => throw new DomainRuleException("activity.link.kind-invalid", "link"),
    };

    private async Task<(Actor Actor, PlannedActivity Activity)> LoadForUpdateAsync(PortalDbContext db, Caller caller, Guid activityId,
        CancellationToken cancellationToken)
    {
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var activity = await db.LoadVisibleActivityAsync(actor, standing, activityId, cancellationToken)
            ?? throw new NotFoundException(AssignmentLoading.ActivityNotFound);
        if (!AccessPolicy.CanUpdateActivity(actor, standing, activity))
            throw new AccessDeniedException("activity.update.denied");
        return (actor, activity);
    }

    /// <summary>The draft as the aggregate takes it: the owner a member of an enabled organisation, the assignment
    /// and workspace existing (the workspace one the planner may know of).</summary>
    private static async Task<(ActivityTerms Terms, GovernmentAssignment? Assignment)> TermsAsync(PortalDbContext db, Actor actor,
        ActivityDraft draft, CancellationToken cancellationToken)
    {
        if (draft.OwnerId is { } ownerId && ownerId != Guid.Empty
            && !await db.Members.Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, o.Enabled })
                .AnyAsync(m => m.Id == ownerId && m.Enabled, cancellationToken))
            throw new DomainRuleException("activity.owner.unknown", "owner");
        GovernmentAssignment? assignment = null;
        if (draft.AssignmentId is { } assignmentId)
            assignment = await db.GovernmentAssignments.AsNoTracking().Include(a => a.Parts).SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
                ?? throw new DomainRuleException("activity.assignment.unknown", "assignment");
        if (draft.WorkspaceId is { } workspaceId
            && !await db.Workspaces.Where(AccessPolicy.VisibleWorkspaces(actor)).AnyAsync(w => w.Id == workspaceId, cancellationToken))
            throw new DomainRuleException("activity.workspace.unknown", "workspace");
        var terms = new ActivityTerms(draft.Year, draft.Title, draft.Description, draft.Kind, draft.OwnerId, draft.WorkspaceId,
            draft.PartIds ?? [], draft.PlannedStart, draft.PlannedEnd, draft.Status, draft.PlannedCost, draft.SpentCost,
            draft.ExploitationForms ?? [], draft.ChildRights);
        return (terms, assignment);
    }

    private async Task SaveAsync(PortalDbContext db, Actor actor, DateTimeOffset now, string field, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await limiter.CountAsync(db, actor.MemberId, now, [new CountedWrite(AssignmentService.Write, Field: field)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }
}
