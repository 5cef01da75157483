using Portal.Domain.Common;
using Portal.Domain.Directory;

namespace Portal.Domain.Documents;

/// <summary>A guidance document in the library (a manual, a checklist, a routine…), in a workspace or
/// portal-wide. It owns its versions: at most one open draft at a time, and published versions that never
/// change again. The rules span the versions and their reviews ("publish only when every named reviewer
/// has approved", "one draft at a time"), so the document is an aggregate root and every change touches it
/// (ADR 0008): two people saving the same draft from the same snapshot cannot both win.</summary>
public sealed class GuidanceDocument : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1000;
    public const int MaxReviewers = 20;

    private readonly List<DocumentVersion> _versions = [];
    private List<ExploitationForm> _exploitationForms = [];

    private GuidanceDocument() { }

    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }
    public DocumentType Type { get; private set; }
    public DocumentAudience Audience { get; private set; }
    public IReadOnlyList<ExploitationForm> ExploitationForms => _exploitationForms.AsReadOnly();
    /// <summary>Null for a portal-wide document (the coordinator's own library, read by every member).</summary>
    public Guid? WorkspaceId { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    /// <summary>The member who answers for the document: names reviewers, publishes, is reminded of the review date.</summary>
    public Guid OwnerId { get; private set; }
    /// <summary>The date by which the document should be looked over again (the library flags it when passed).</summary>
    public DateOnly ReviewDueOn { get; private set; }
    /// <summary>The review date the owner was last reminded of, so the reminder goes out once per date.</summary>
    public DateOnly? ReviewReminderSentFor { get; private set; }
    public IReadOnlyCollection<DocumentVersion> Versions => _versions.AsReadOnly();
    /// <summary>For the access policy's query face only.</summary>
    public Workspaces.Workspace? Workspace { get; private set; }

    /// <summary>Creates a document with its first draft (version 1.0).</summary>
    public static GuidanceDocument Create(Guid? workspaceId, Guid ownerOrganisationId, Guid ownerId, DocumentMetadata metadata,
        string? body, string? changeNote, DateOnly today, DateTimeOffset now)
    {
        var document = new GuidanceDocument
        {
            WorkspaceId = workspaceId,
            OwnerOrganisationId = ownerOrganisationId,
            OwnerId = ownerId,
        };
        document.Apply(metadata, today);
        document._versions.Add(new DocumentVersion(document.Id, VersionNumber.First, ownerId, body, changeNote, [], now, allowEmptyNote: true));
        document.Changed();
        return document;
    }

    public void Describe(DocumentMetadata metadata, DateOnly today)
    {
        Apply(metadata, today);
        Changed();
    }

    private void Apply(DocumentMetadata metadata, DateOnly today)
    {
        var forms = metadata.ExploitationForms.Distinct().Order().ToList();
        if (forms.Any(f => !Enum.IsDefined(f)))
            throw new DomainRuleException("document.forms.invalid", "forms");
        if (!Enum.IsDefined(metadata.Type))
            throw new DomainRuleException("document.type.invalid", "type");
        if (!Enum.IsDefined(metadata.Audience))
            throw new DomainRuleException("document.audience.invalid", "audience");
        if (metadata.ReviewDueOn <= today && metadata.ReviewDueOn != ReviewDueOn)
            throw new DomainRuleException("document.review-due.past", "reviewDueOn");
        if (metadata.ReviewDueOn > today.AddYears(10))
            throw new DomainRuleException("document.review-due.too-far", "reviewDueOn");
        Title = Guard.RequiredText(metadata.Title, TitleMaxLength, "document.title");
        Summary = Guard.OptionalText(metadata.Summary, SummaryMaxLength, "document.summary");
        Type = metadata.Type;
        Audience = metadata.Audience;
        _exploitationForms = forms;
        if (metadata.ReviewDueOn != ReviewDueOn)
            ReviewReminderSentFor = null;
        ReviewDueOn = metadata.ReviewDueOn;
    }

    // ---- Versions ----

    public DocumentVersion? Draft => _versions.SingleOrDefault(v => v.Status == DocumentVersionStatus.Draft);

    public IEnumerable<DocumentVersion> Published => _versions.Where(v => v.Status == DocumentVersionStatus.Published).OrderByDescending(v => v.Number);

    /// <summary>The version in force on a day: the newest published version whose effective date has come.</summary>
    public DocumentVersion? InForceOn(DateOnly day) => Published.FirstOrDefault(v => v.EffectiveFrom <= day);

    /// <summary>Published versions whose effective date is still to come (the one in force stays in force until then).</summary>
    public IReadOnlyList<DocumentVersion> UpcomingOn(DateOnly day) => Published.Where(v => v.EffectiveFrom > day).OrderBy(v => v.Number).ToList();

    public DocumentVersion? LatestPublished => Published.FirstOrDefault();

    public DocumentVersion VersionById(Guid versionId) =>
        _versions.SingleOrDefault(v => v.Id == versionId) ?? throw new NotFoundException("document.version.notfound");

    /// <summary>Starts a new draft from the latest published version's text and files.</summary>
    public DocumentVersion StartDraft(Guid authorId, bool major, DateTimeOffset now)
    {
        if (Draft is not null)
            throw new DomainRuleException("document.draft.exists");
        var basis = LatestPublished ?? throw new DomainRuleException("document.draft.exists");
        var draft = new DocumentVersion(Id, basis.Number.Next(major), authorId, basis.Body, "", basis.Attachments, now, allowEmptyNote: true);
        _versions.Add(draft);
        Changed();
        return draft;
    }

    /// <summary>Saves a draft's text, change note and kind of change. A change to the text after reviewers
    /// decided voids their decisions: they signed off another text.</summary>
    public void EditDraft(Guid versionId, string? body, string? changeNote, bool major, DateTimeOffset now)
    {
        var draft = OpenDraft(versionId);
        var number = LatestPublished is { } basis ? basis.Number.Next(major) : VersionNumber.First;
        draft.Edit(number, body, changeNote, now);
        Changed();
    }

    public void DiscardDraft(Guid versionId)
    {
        var draft = OpenDraft(versionId);
        if (LatestPublished is null)
            throw new DomainRuleException("document.draft.first-cannot-be-discarded");
        _versions.Remove(draft);
        Changed();
    }

    /// <summary>The owner names who must sign off, each for their organisation. Decisions of reviewers
    /// who stay named are kept; new ones start pending. The author of the draft cannot review it.</summary>
    /// <summary>Names the draft's reviewers: those newly named and those no longer named, for the caller
    /// to tell each of them.</summary>
    public ReviewerChanges SetReviewers(Guid versionId, IReadOnlyCollection<DocumentReviewer> reviewers, DateTimeOffset now)
    {
        var draft = OpenDraft(versionId);
        var changes = draft.SetReviewers(reviewers, now);
        Changed();
        return changes;
    }

    public void Decide(Guid versionId, Guid reviewerId, ReviewDecision decision, string? comment, DateTimeOffset now)
    {
        OpenDraft(versionId).Decide(reviewerId, decision, comment, now);
        Changed();
    }

    /// <summary>Publishes the draft: only when reviewers are named and every one of them approved. From
    /// <paramref name="effectiveFrom"/> it is the version in force; the one before stays in force until then.</summary>
    public DocumentVersion Publish(Guid versionId, Guid publisherId, DateOnly effectiveFrom, DateOnly today, DateTimeOffset now)
    {
        var draft = OpenDraft(versionId);
        if (effectiveFrom < today)
            throw new DomainRuleException("document.effective-from.past", "effectiveFrom");
        if (effectiveFrom > today.AddYears(2))
            throw new DomainRuleException("document.effective-from.too-far", "effectiveFrom");
        if (LatestPublished is { } previous && effectiveFrom < previous.EffectiveFrom)
            throw new DomainRuleException("document.effective-from.before-previous", "effectiveFrom");
        draft.Publish(publisherId, effectiveFrom, now);
        Changed();
        return draft;
    }

    public void AddAttachment(Guid versionId, DocumentAttachment attachment)
    {
        OpenDraft(versionId).AddAttachment(attachment);
        Changed();
    }

    public void RemoveAttachment(Guid versionId, Guid attachmentId)
    {
        OpenDraft(versionId).RemoveAttachment(attachmentId);
        Changed();
    }

    /// <summary>Touches the root: two reminder runs that met on the same document cannot both save (and both notify).</summary>
    public void ReviewReminderSent(DateOnly dueOn)
    {
        ReviewReminderSentFor = dueOn;
        Touch();
    }

    private DocumentVersion OpenDraft(Guid versionId)
    {
        var version = VersionById(versionId);
        if (version.Status != DocumentVersionStatus.Draft)
            throw new DomainRuleException("document.version.published-is-read-only");
        return version;
    }

    private void Changed()
    {
        Touch();
        if (!DomainEvents.OfType<DocumentChanged>().Any())
            Raise(new DocumentChanged(Id, WorkspaceId));
    }
}

/// <summary>What describes a document in the library (its filters and sort keys).</summary>
public sealed record DocumentMetadata(string? Title, string? Summary, DocumentType Type, DocumentAudience Audience,
    IReadOnlyCollection<ExploitationForm> ExploitationForms, DateOnly ReviewDueOn);

/// <summary>Who a change of a draft's reviewers newly names and who it no longer names (their decisions
/// are gone with them).</summary>
public sealed record ReviewerChanges(IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed);

/// <summary>A reviewer the owner names: a member, signing off for their organisation.</summary>
public sealed record DocumentReviewer(Guid MemberId, Guid OrganisationId);
