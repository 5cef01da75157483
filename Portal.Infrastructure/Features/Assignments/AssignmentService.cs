using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Assignments;
using Portal.Domain.Common;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Assignments;

/// <summary>Government assignments: registering and changing a decision, recording a requisition, reading one
/// and the list, and the budget. Every call loads the actor and the actor's standing and asks the access policy;
/// an assignment the actor may not see is "not found" (null from the reads, <see cref="NotFoundException"/> from
/// the writes), whether or not it exists. Changes and budget reads are audited in the same unit of work.</summary>
public sealed class AssignmentService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter,
    AssignmentOptions options, SubjectRegistry subjects)
{
    /// <summary>The write-limit kind of every change to assignments and the plan (<c>assignment.rate-limited</c>).</summary>
    public const string Write = "assignment";
    public const string ChangedConcurrently = "assignment.changed-concurrently";
    public const string Taken = "assignment.registration-number.taken";

    /// <summary>The secretariat registers a decision; returns its id.</summary>
    public async Task<Guid> RegisterAsync(Caller caller, AssignmentDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        if (!AccessPolicy.CanEditAssignment(standing))
            throw new AccessDeniedException("assignment.register.denied");
        var terms = await TermsAsync(db, actor, draft, null, cancellationToken);
        var now = clock.GetUtcNow();
        var assignment = GovernmentAssignment.Register(terms, now);
        db.GovernmentAssignments.Add(assignment);
        db.Audit(actor.MemberId, AssignmentAuditActions.Registered, AssignmentSubjectKind.Of(assignment.Id), now, assignment.RegistrationNumber,
            caller.ClientAddress);
        await SaveAsync(db, actor, now, "registrationNumber", terms.RegistrationNumber.Value, cancellationToken);
        return assignment.Id;
    }

    /// <summary>The secretariat changes a decision from the snapshot it loaded (<paramref name="expectedVersion"/>).
    /// A part that an activity still serves cannot be dropped; switching the child-rights requirement on passes it
    /// to every activity under the assignment.</summary>
    public async Task ChangeAsync(Caller caller, Guid assignmentId, AssignmentDraft draft, long expectedVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var assignment = await db.LoadVisibleAssignmentAsync(actor, standing, assignmentId, cancellationToken)
            ?? throw new NotFoundException(AssignmentLoading.AssignmentNotFound);
        if (!AccessPolicy.CanEditAssignment(standing))
            throw new AccessDeniedException("assignment.edit.denied");
        if (assignment.Version != expectedVersion)
            throw new DomainRuleException(ChangedConcurrently);
        var terms = await TermsAsync(db, actor, draft, assignment.Id, cancellationToken);
        var activities = await db.PlannedActivities.Where(a => a.AssignmentId == assignment.Id).ToListAsync(cancellationToken);
        var dropped = assignment.PartsDroppedBy(terms);
        if (activities.Any(a => a.PartIds.Any(dropped.Contains)))
            throw new DomainRuleException("assignment.part-in-use", "parts");
        var now = clock.GetUtcNow();
        assignment.Change(terms);
        if (assignment.ChildRights)
            foreach (var activity in activities)
                activity.InheritChildRights();
        db.Audit(actor.MemberId, AssignmentAuditActions.Changed, AssignmentSubjectKind.Of(assignment.Id), now, assignment.RegistrationNumber,
            caller.ClientAddress);
        await SaveAsync(db, actor, now, "registrationNumber", null, cancellationToken);
    }

    /// <summary>The secretariat records that a budget line was requisitioned on a date and how much was received.</summary>
    public async Task RecordRequisitionAsync(Caller caller, Guid assignmentId, Guid budgetLineId, DateOnly on, decimal received,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var assignment = await db.LoadVisibleAssignmentAsync(actor, standing, assignmentId, cancellationToken)
            ?? throw new NotFoundException(AssignmentLoading.AssignmentNotFound);
        // Budget lines are the secretariat's: to anyone else a line is as unknown as a guessed id.
        if (!AccessPolicy.CanSeeBudget(standing))
            throw new NotFoundException(AssignmentLoading.AssignmentNotFound);
        var now = clock.GetUtcNow();
        assignment.RecordRequisition(budgetLineId, on, received);
        db.Audit(actor.MemberId, AssignmentAuditActions.RequisitionRecorded, AssignmentSubjectKind.Of(assignment.Id), now,
            budgetLineId.ToString("D"), caller.ClientAddress);
        await SaveAsync(db, actor, now, "requisitionedOn", null, cancellationToken);
    }

    /// <summary>One assignment as the caller may see it, or null (hidden or missing). With the budget lines for the
    /// secretariat — a budget read, audited.</summary>
    public async Task<AssignmentView?> GetAsync(Caller caller, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var assignment = await db.LoadVisibleAssignmentAsync(actor, standing, assignmentId, cancellationToken, tracked: false);
        if (assignment is null)
            return null;
        var canSeeBudget = AccessPolicy.CanSeeBudget(standing);
        if (canSeeBudget)
        {
            db.Audit(actor.MemberId, AssignmentAuditActions.BudgetViewed, AssignmentSubjectKind.Of(assignment.Id), clock.GetUtcNow(), "view",
                caller.ClientAddress);
            await db.SaveChangesAsync(cancellationToken);
        }
        var activities = await db.PlannedActivities.AsNoTracking()
            .Where(a => a.AssignmentId == assignment.Id)
            .Where(AccessPolicy.VisibleActivities(actor, standing))
            .ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync(activities.Select(a => a.OwnerId), cancellationToken);
        ActivityRef Ref(PlannedActivity a) => new(a.Id, a.Title, a.Kind, a.Status, people.TryGetValue(a.OwnerId, out var p) ? p.DisplayName : "");
        var ordered = activities.OrderBy(a => a.PlannedStart).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var parts = assignment.Parts
            .Select(p => new AssignmentPartView(p.Id, p.Number, p.Text, ordered.Where(a => a.PartIds.Contains(p.Id)).Select(Ref).ToList()))
            .ToList();
        var partnerIds = assignment.PartnerOrganisationIds.ToList();
        var partnerNames = await db.Organisations.AsNoTracking().Where(o => partnerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var partners = partnerIds.Where(partnerNames.ContainsKey).Select(id => new PartnerView(id, partnerNames[id]))
            .OrderBy(p => p.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
        string? documentTitle = null;
        if (assignment.DecisionDocumentId is { } documentId)
        {
            var described = await subjects.DescribeVisibleAsync(db, actor, [DocumentSubjectKind.Of(documentId)], cancellationToken);
            documentTitle = described.TryGetValue(DocumentSubjectKind.Of(documentId), out var info) ? info.Title : null;
        }
        return new AssignmentView(assignment.Id, assignment.Version, assignment.RegistrationNumber, assignment.Title, assignment.Ministry,
            assignment.DecisionDate, assignment.PeriodStart, assignment.PeriodEnd, parts, partners, assignment.ChildRights,
            assignment.TotalBudget, canSeeBudget ? assignment.BudgetLines.Select(LineView).ToList() : null, activities.Sum(a => a.SpentCost),
            assignment.RepaymentDeadline, assignment.ReportDeadline, assignment.DecisionDocumentId, documentTitle,
            ordered.Where(a => a.PartIds.Count == 0).Select(Ref).ToList(), assignment.CreatedAt,
            AccessPolicy.CanEditAssignment(standing), canSeeBudget, AccessPolicy.CanWriteReport(standing));
    }

    /// <summary>The assignments the caller may see, the latest period first.</summary>
    public async Task<IReadOnlyList<AssignmentSummary>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        var visibleActivities = db.PlannedActivities.Where(AccessPolicy.VisibleActivities(actor, standing));
        var rows = await db.GovernmentAssignments.AsNoTracking()
            .Where(AccessPolicy.VisibleAssignments(actor, standing, db.PlannedActivities))
            .OrderByDescending(a => a.PeriodStart).ThenBy(a => a.RegistrationNumber)
            .Select(a => new AssignmentSummary(a.Id, a.RegistrationNumber, a.Title, a.Ministry, a.PeriodStart, a.PeriodEnd, a.RepaymentDeadline,
                a.ReportDeadline, a.ChildRights, visibleActivities.Count(p => p.AssignmentId == a.Id)))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>The budget of an assignment: the secretariat's only. Null for anyone else, and for an assignment
    /// that is hidden or missing — a budget opened by id or address tells nothing. The read is audited.</summary>
    public async Task<AssignmentBudget?> GetBudgetAsync(Caller caller, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(caller.MemberId, cancellationToken);
        var standing = await db.LoadAssignmentStandingAsync(actor, options, cancellationToken);
        if (!AccessPolicy.CanSeeBudget(standing))
            return null;
        var assignment = await db.LoadVisibleAssignmentAsync(actor, standing, assignmentId, cancellationToken, tracked: false);
        if (assignment is null)
            return null;
        db.Audit(actor.MemberId, AssignmentAuditActions.BudgetViewed, AssignmentSubjectKind.Of(assignment.Id), clock.GetUtcNow(), "budget",
            caller.ClientAddress);
        await db.SaveChangesAsync(cancellationToken);
        // Decimal sums are made here: SQLite stores decimals as text and cannot add them up in SQL.
        var spent = (await db.PlannedActivities.AsNoTracking().Where(a => a.AssignmentId == assignment.Id).Select(a => a.SpentCost)
            .ToListAsync(cancellationToken)).Sum();
        var lines = assignment.BudgetLines;
        var received = lines.Sum(l => l.AmountReceived ?? 0);
        return new AssignmentBudget(assignment.Id, assignment.RegistrationNumber, assignment.TotalBudget, lines.Select(LineView).ToList(),
            lines.Where(l => l.RequisitionedOn is not null).Sum(l => l.Amount), received, spent, Math.Max(0, received - spent),
            assignment.RepaymentDeadline);
    }

    private static BudgetLineView LineView(BudgetLine l) =>
        new(l.Id, l.Position, l.Amount, l.ExpenditureArea, l.Appropriation, l.AppropriationItem, l.RequisitionFrom, l.RequisitionBy,
            l.RequisitionedOn, l.AmountReceived);

    /// <summary>The draft as the aggregate takes it: the number parsed and free (case-insensitively, apart from the
    /// assignment itself), the partners known organisations, the decision document one the actor may see.</summary>
    private async Task<AssignmentTerms> TermsAsync(PortalDbContext db, Actor actor, AssignmentDraft draft, Guid? self,
        CancellationToken cancellationToken)
    {
        var number = RegistrationNumber.Parse(draft.RegistrationNumber);
        if (await NumberTakenAsync(db, number.Value, self, cancellationToken))
            throw new DomainRuleException(Taken, RegistrationNumber.Field);
        var partners = (draft.PartnerOrganisationIds ?? []).Distinct().ToList();
        if (partners.Count > 0 && await db.Organisations.CountAsync(o => partners.Contains(o.Id), cancellationToken) != partners.Count)
            throw new DomainRuleException("assignment.partner.unknown", "partners");
        if (draft.DecisionDocumentId is { } documentId
            && !await db.Documents.Where(AccessPolicy.VisibleDocuments(actor)).AnyAsync(d => d.Id == documentId, cancellationToken))
            throw new DomainRuleException("assignment.decision-document.unknown", "decisionDocument");
        return new AssignmentTerms(number, draft.Title, draft.Ministry, draft.DecisionDate, draft.PeriodStart, draft.PeriodEnd,
            draft.Parts ?? [], partners, draft.ChildRights, draft.TotalBudget,
            (draft.BudgetLines ?? []).Select(l => new BudgetLineTerms(l.Amount, l.ExpenditureArea, l.Appropriation, l.AppropriationItem,
                l.RequisitionFrom, l.RequisitionBy, l.RequisitionedOn, l.AmountReceived)).ToList(),
            draft.RepaymentDeadline, draft.ReportDeadline, draft.DecisionDocumentId);
    }

    private static Task<bool> NumberTakenAsync(PortalDbContext db, string normalised, Guid? self, CancellationToken cancellationToken)
    {
        var upper = normalised.ToUpperInvariant();
        return db.GovernmentAssignments.AnyAsync(a => a.RegistrationNumber.ToUpper() == upper && a.Id != self, cancellationToken);
    }

    /// <summary>Counts the write and saves in one transaction. Two secretaries registering one number at once: the
    /// unique index refuses the second, which is told the number is taken; a change from a stale snapshot is told so.</summary>
    private async Task SaveAsync(PortalDbContext db, Actor actor, DateTimeOffset now, string field, string? number,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await limiter.CountAsync(db, actor.MemberId, now, [new CountedWrite(Write, Field: field)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
        catch (DbUpdateException) when (number is not null)
        {
            if (await NumberTakenElsewhereAsync(number, cancellationToken))
                throw new DomainRuleException(Taken, RegistrationNumber.Field);
            throw;
        }
    }

    private async Task<bool> NumberTakenElsewhereAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.GovernmentAssignments.AnyAsync(a => a.RegistrationNumber == number, cancellationToken);
    }
}
