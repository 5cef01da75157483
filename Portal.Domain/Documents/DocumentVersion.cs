using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>One version of a document: its Markdown text, change note and attached files. A draft is
/// edited and reviewed; once published it never changes (the print view and "section 4.2" links rely on it).</summary>
public sealed class DocumentVersion : Entity
{
    public const int BodyMaxLength = 400_000;
    public const int ChangeNoteMaxLength = 2000;
    public const int MaxAttachments = 30;

    private readonly List<DocumentReview> _reviews = [];
    private readonly List<DocumentAttachment> _attachments = [];

    private DocumentVersion() { }

    internal DocumentVersion(Guid documentId, VersionNumber number, Guid authorId, string? body, string? changeNote,
        IEnumerable<DocumentAttachment> carriedFiles, DateTimeOffset now, bool allowEmptyNote = false)
    {
        DocumentId = documentId;
        Major = number.Major;
        Minor = number.Minor;
        AuthorId = authorId;
        Body = ValidBody(body);
        ChangeNote = allowEmptyNote ? Guard.OptionalText(changeNote, ChangeNoteMaxLength, "document.change-note") ?? ""
            : Guard.RequiredText(changeNote, ChangeNoteMaxLength, "document.change-note");
        StartedAt = now;
        LastEditedAt = now;
        _attachments.AddRange(carriedFiles.Select(f => f.CopyTo(Id)));
    }

    public Guid DocumentId { get; private set; }
    public int Major { get; private set; }
    public int Minor { get; private set; }
    public VersionNumber Number => new(Major, Minor);
    public DocumentVersionStatus Status { get; private set; }
    public string Body { get; private set; } = "";
    public string ChangeNote { get; private set; } = "";
    public Guid AuthorId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastEditedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public Guid? PublishedBy { get; private set; }
    /// <summary>The first day (Europe/Stockholm) this version is in force; set when it is published.</summary>
    public DateOnly? EffectiveFrom { get; private set; }
    public IReadOnlyCollection<DocumentReview> Reviews => _reviews.AsReadOnly();
    public IReadOnlyCollection<DocumentAttachment> Attachments => _attachments.AsReadOnly();

    /// <summary>Publishable: reviewers named, every one approved, a change note written.</summary>
    public bool IsSignedOff => _reviews.Count > 0 && _reviews.All(r => r.Decision == ReviewDecision.Approved);

    internal void Edit(VersionNumber number, string? body, string? changeNote, DateTimeOffset now)
    {
        var newBody = ValidBody(body);
        var note = Guard.RequiredText(changeNote, ChangeNoteMaxLength, "document.change-note");
        if (newBody != Body)
        {
            foreach (var review in _reviews)
                review.Void();
        }
        Body = newBody;
        ChangeNote = note;
        Major = number.Major;
        Minor = number.Minor;
        LastEditedAt = now;
    }

    internal ReviewerChanges SetReviewers(IReadOnlyCollection<DocumentReviewer> reviewers, DateTimeOffset now)
    {
        var distinct = reviewers.DistinctBy(r => r.MemberId).ToList();
        if (distinct.Count > GuidanceDocument.MaxReviewers)
            throw new DomainRuleException("document.reviewers.too-many", "reviewers");
        if (distinct.Any(r => r.MemberId == AuthorId))
            throw new DomainRuleException("document.reviewers.author", "reviewers");
        var removed = _reviews.Where(r => distinct.All(d => d.MemberId != r.ReviewerId)).Select(r => r.ReviewerId).ToList();
        _reviews.RemoveAll(r => removed.Contains(r.ReviewerId));
        var added = new List<Guid>();
        foreach (var reviewer in distinct.Where(d => _reviews.All(r => r.ReviewerId != d.MemberId)))
        {
            _reviews.Add(new DocumentReview(Id, reviewer.MemberId, reviewer.OrganisationId, now));
            added.Add(reviewer.MemberId);
        }
        return new ReviewerChanges(added, removed);
    }

    internal void Decide(Guid reviewerId, ReviewDecision decision, string? comment, DateTimeOffset now)
    {
        if (reviewerId == AuthorId)
            throw new DomainRuleException("document.review.own-version");
        var review = _reviews.SingleOrDefault(r => r.ReviewerId == reviewerId)
            ?? throw new DomainRuleException("document.review.not-named");
        review.Decide(decision, comment, now);
    }

    internal void Publish(Guid publisherId, DateOnly effectiveFrom, DateTimeOffset now)
    {
        if (_reviews.Count == 0)
            throw new DomainRuleException("document.publish.no-reviewers");
        if (!IsSignedOff)
            throw new DomainRuleException("document.publish.not-approved");
        if (string.IsNullOrWhiteSpace(ChangeNote))
            throw new DomainRuleException("document.change-note.required", "changeNote");
        Status = DocumentVersionStatus.Published;
        PublishedAt = now;
        PublishedBy = publisherId;
        EffectiveFrom = effectiveFrom;
    }

    internal void AddAttachment(DocumentAttachment attachment)
    {
        if (_attachments.Count >= MaxAttachments)
            throw new DomainRuleException("document.files.too-many", "files");
        if (_attachments.Any(a => string.Equals(a.FileName, attachment.FileName, StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException("document.file.duplicate-name", "files");
        attachment.AttachTo(Id);
        _attachments.Add(attachment);
    }

    internal void RemoveAttachment(Guid attachmentId)
    {
        var attachment = _attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new NotFoundException("document.file.notfound");
        _attachments.Remove(attachment);
    }

    private static string ValidBody(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n").TrimEnd();
        if (text.Length > BodyMaxLength)
            throw new DomainRuleException("document.body.too-long", "body");
        return text;
    }
}

/// <summary>A named reviewer's sign-off of one draft, for their organisation.</summary>
public sealed class DocumentReview
{
    public const int CommentMaxLength = 4000;

    private DocumentReview() { }

    internal DocumentReview(Guid versionId, Guid reviewerId, Guid organisationId, DateTimeOffset now)
    {
        VersionId = versionId;
        ReviewerId = reviewerId;
        OrganisationId = organisationId;
        RequestedAt = now;
    }

    public Guid VersionId { get; private set; }
    public Guid ReviewerId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ReviewDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(ReviewDecision decision, string? comment, DateTimeOffset now)
    {
        if (decision == ReviewDecision.Pending || !Enum.IsDefined(decision))
            throw new DomainRuleException("document.review.decision.invalid", "decision");
        var text = Guard.OptionalText(comment, CommentMaxLength, "document.review.comment");
        if (decision == ReviewDecision.ChangesRequested && text is null)
            throw new DomainRuleException("document.review.comment.required", "comment");
        Decision = decision;
        Comment = text;
        DecidedAt = now;
    }

    /// <summary>The text changed after the decision: it must be given again.</summary>
    internal void Void()
    {
        Decision = ReviewDecision.Pending;
        DecidedAt = null;
    }
}

/// <summary>A file attached to a version (PDF, DOCX, XLSX, PPTX). The bytes live in the file store under
/// <see cref="StorageKey"/> (a server-made name, never the user's); a new draft refers to the same stored
/// bytes as the version it was started from.</summary>
public sealed class DocumentAttachment
{
    public const int FileNameMaxLength = 200;

    private DocumentAttachment() { }

    public DocumentAttachment(string fileName, string contentType, long size, string storageKey, string sha256,
        string? extractedText, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        StorageKey = storageKey;
        Sha256 = sha256;
        ExtractedText = extractedText;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VersionId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    /// <summary>The file's text (PDF, DOCX), for search; null when the kind has none or it could not be read.</summary>
    public string? ExtractedText { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    internal void AttachTo(Guid versionId) => VersionId = versionId;

    internal DocumentAttachment CopyTo(Guid versionId) =>
        new(FileName, ContentType, Size, StorageKey, Sha256, ExtractedText, UploadedBy, UploadedAt) { VersionId = versionId };
}
