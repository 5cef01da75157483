using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Organisations;

namespace Portal.Domain.MethodSupport;

/// <summary>Who asks: a member of the portal, or someone outside it whose request an NMT member logged
/// (their organisation from the directory, or a typed name with its kind, and a functional contact).</summary>
public sealed record SupportAsker(Guid? MemberId, Guid? OrganisationId, string? OrganisationName, OrganisationKind OrganisationKind,
    string? FunctionalContact);

/// <summary>What the asker tells: the facts of the situation, never who the victim is.</summary>
public sealed record SupportQuestion(string? Question, string? DoneSoFar, IReadOnlyCollection<ExploitationForm> Forms, bool ChildConcerned,
    County County, SupportUrgency Urgency, string? PreferredContact);

/// <summary>A method-support request to NMT under a pseudonym reference (<c>MS-2026-0042</c>). The aggregate
/// keeps the lifecycle rules; who may do what is the access policy's. Every change touches the root, so two
/// NMT members answering or assigning from the same snapshot cannot both be saved. After the retention
/// period its texts are erased (<see cref="Erase"/>); what the figures count stays.</summary>
public sealed class SupportRequest : AggregateRoot
{
    public const int QuestionMaxLength = 4000;
    public const int DoneSoFarMaxLength = 4000;
    public const int ContactMaxLength = 200;
    public const int OrganisationNameMaxLength = Organisation.NameMaxLength;
    public const int ReferenceMaxLength = 20;
    public const int MaxAssignees = 10;
    public const int MaxViewers = 10;

    private readonly List<SupportAssignment> _assignees = [];
    private readonly List<SupportViewer> _viewers = [];
    private readonly List<SupportReply> _replies = [];
    private readonly List<SupportNote> _notes = [];
    private readonly List<SupportReferral> _referrals = [];
    private List<ExploitationForm> _forms = [];

    private SupportRequest() { }

    public int Year { get; private set; }
    public int Number { get; private set; }
    /// <summary>The pseudonym reference, e.g. <c>MS-2026-0042</c>: unique per year, says nothing about anyone.</summary>
    public string Reference { get; private set; } = "";

    public Guid? AskerId { get; private set; }
    public Guid? AskerOrganisationId { get; private set; }
    /// <summary>Typed by the NMT member when the asking organisation is not in the directory.</summary>
    public string? AskerOrganisationName { get; private set; }
    public OrganisationKind AskerOrganisationKind { get; private set; }
    /// <summary>A functional contact (a shared mailbox, a unit's phone) of an asker outside the portal.</summary>
    public string? AskerContact { get; private set; }
    public SupportChannel Channel { get; private set; }
    /// <summary>The NMT member who logged a request that came by phone, e-mail or otherwise.</summary>
    public Guid? LoggedById { get; private set; }

    public string Question { get; private set; } = "";
    public string? DoneSoFar { get; private set; }
    public IReadOnlyList<ExploitationForm> Forms => _forms.AsReadOnly();
    public bool ChildConcerned { get; private set; }
    /// <summary>For a request with a child concerned, the assignee's confirmation that social services are
    /// (true) or are not (false) involved; null until confirmed.</summary>
    public bool? SocialServicesInvolved { get; private set; }
    public Guid? SocialServicesConfirmedBy { get; private set; }
    public County County { get; private set; }
    public SupportUrgency Urgency { get; private set; }
    public string? PreferredContact { get; private set; }

    public SupportStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>The first reply or referral from NMT: what the response-time figures measure.</summary>
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedById { get; private set; }
    /// <summary>When the retention job erased the texts; the request's facts for the figures remain.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public IReadOnlyCollection<SupportAssignment> Assignees => _assignees.AsReadOnly();
    public IReadOnlyCollection<SupportViewer> Viewers => _viewers.AsReadOnly();
    public IReadOnlyCollection<SupportReply> Replies => _replies.AsReadOnly();
    public IReadOnlyCollection<SupportNote> Notes => _notes.AsReadOnly();
    public IReadOnlyCollection<SupportReferral> Referrals => _referrals.AsReadOnly();

    public static string ReferenceOf(int year, int number) => $"MS-{year:D4}-{number:D4}";

    public DateTimeOffset FirstResponseDue => SubmittedAt + SupportUrgencies.FirstResponseLimit(Urgency);

    /// <summary>No first response within the urgency's limit (and still open).</summary>
    public bool IsOverdue(DateTimeOffset now) => FirstResponseAt is null && Status != SupportStatus.Closed && now > FirstResponseDue;

    public bool IsAssigned(Guid memberId) => _assignees.Any(a => a.MemberId == memberId);

    public bool IsViewer(Guid memberId) => _viewers.Any(v => v.MemberId == memberId);

    /// <summary>A request as its asker submits it (or as an NMT member logs it on their behalf: then
    /// <paramref name="loggedBy"/> is set and the channel is how it came). <paramref name="number"/> is the
    /// year's next number, allocated by the use case (a unique index guards it).</summary>
    public static SupportRequest Submit(SupportAsker asker, SupportQuestion question, SupportChannel channel, Guid? loggedBy, int year,
        int number, DateTimeOffset now)
    {
        if (!Enum.IsDefined(channel))
            throw new DomainRuleException("support.channel.invalid", "channel");
        if (loggedBy is null && (asker.MemberId is null || channel != SupportChannel.Portal))
            throw new DomainRuleException("support.asker.required", "asker");
        if (loggedBy is not null && channel == SupportChannel.Portal && asker.MemberId is null)
            throw new DomainRuleException("support.channel.invalid", "channel");
        if (!Enum.IsDefined(asker.OrganisationKind))
            throw new DomainRuleException("support.organisation.kind-invalid", "organisationKind");
        var organisationName = Guard.OptionalText(asker.OrganisationName, OrganisationNameMaxLength, "support.organisation");
        if (asker.OrganisationId is null && organisationName is null)
            throw new DomainRuleException("support.organisation.required", "support.organisation");
        PersonalDataGuard.Refuse(organisationName, "support.organisation");
        var contact = Guard.OptionalText(asker.FunctionalContact, ContactMaxLength, "support.contact");
        PersonalDataGuard.Refuse(contact, "support.contact");
        if (asker.MemberId is null && contact is null)
            throw new DomainRuleException("support.contact.required", "support.contact");

        var request = new SupportRequest
        {
            Id = Guid.CreateVersion7(now),
            Year = year,
            Number = number,
            Reference = ReferenceOf(year, number),
            AskerId = asker.MemberId,
            AskerOrganisationId = asker.OrganisationId,
            AskerOrganisationName = asker.OrganisationId is null ? organisationName : null,
            AskerOrganisationKind = asker.OrganisationKind,
            AskerContact = contact,
            Channel = channel,
            LoggedById = loggedBy,
            Status = SupportStatus.New,
            SubmittedAt = now,
        };
        request.Describe(question);
        // Open queues show it at once; the event carries the id only.
        request.Raise(new SupportRequestChanged(request.Id));
        return request;
    }

    private void Describe(SupportQuestion question)
    {
        Question = Guard.RequiredText(question.Question, QuestionMaxLength, "support.question");
        PersonalDataGuard.Refuse(Question, "support.question");
        DoneSoFar = Guard.OptionalText(question.DoneSoFar, DoneSoFarMaxLength, "support.done-so-far");
        PersonalDataGuard.Refuse(DoneSoFar, "support.done-so-far");
        PreferredContact = Guard.OptionalText(question.PreferredContact, ContactMaxLength, "support.preferred-contact");
        PersonalDataGuard.Refuse(PreferredContact, "support.preferred-contact");
        if (!Enum.IsDefined(question.County))
            throw new DomainRuleException("support.county.invalid", "county");
        if (!Enum.IsDefined(question.Urgency))
            throw new DomainRuleException("support.urgency.invalid", "urgency");
        if (question.Forms.Any(f => !Enum.IsDefined(f)))
            throw new DomainRuleException("support.forms.invalid", "forms");
        _forms = question.Forms.Distinct().Order().ToList();
        ChildConcerned = question.ChildConcerned;
        County = question.County;
        Urgency = question.Urgency;
    }

    /// <summary>Sets who works on the request (at least one, at most <see cref="MaxAssignees"/>); a new
    /// request is then in progress. Returns those newly assigned. Whether each may be assigned (an NMT
    /// member) is the use case's check.</summary>
    public IReadOnlyList<Guid> Assign(IReadOnlyCollection<Guid> memberIds, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        var ids = memberIds.Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainRuleException("support.assignees.required", "assignees");
        if (ids.Count > MaxAssignees)
            throw new DomainRuleException("support.assignees.too-many", "assignees");
        _assignees.RemoveAll(a => !ids.Contains(a.MemberId));
        var added = ids.Where(id => !IsAssigned(id)).ToList();
        foreach (var id in added)
            _assignees.Add(new SupportAssignment(Id, id, by, now));
        if (Status == SupportStatus.New)
            Status = SupportStatus.InProgress;
        Changed();
        return added;
    }

    /// <summary>A reply the asker sees. From NMT it answers the request (the first one is the first
    /// response); from the asker or a viewer it is a follow-up that changes no status.</summary>
    public SupportReply Reply(Guid authorId, bool fromTeam, string? text, DateTimeOffset now)
    {
        RequireOpen();
        var reply = new SupportReply(Id, authorId, fromTeam, text, now);
        _replies.Add(reply);
        if (fromTeam)
        {
            FirstResponseAt ??= now;
            if (Status is SupportStatus.New or SupportStatus.InProgress)
                Status = SupportStatus.Answered;
        }
        Changed();
        return reply;
    }

    /// <summary>An internal note, for NMT only.</summary>
    public SupportNote Note(Guid authorId, string? text, DateTimeOffset now)
    {
        RequireNotErased();
        var note = new SupportNote(Id, authorId, text, now);
        _notes.Add(note);
        Changed();
        return note;
    }

    /// <summary>Refers the asker to another organisation (the linking function). Whether the organisation
    /// is enabled is the use case's check, which loads it.</summary>
    public SupportReferral Refer(Guid organisationId, string? contact, DateOnly referredOn, string? reason, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        var referral = new SupportReferral(Id, organisationId, contact, referredOn, reason, by, now);
        _referrals.Add(referral);
        FirstResponseAt ??= now;
        if (Status != SupportStatus.Closed)
            Status = SupportStatus.Referred;
        Changed();
        return referral;
    }

    /// <summary>The assignee confirms whether social services are involved (a child is concerned).</summary>
    public void ConfirmSocialServices(bool involved, Guid by)
    {
        RequireOpen();
        if (!ChildConcerned)
            throw new DomainRuleException("support.social-services.no-child", "socialServices");
        SocialServicesInvolved = involved;
        SocialServicesConfirmedBy = by;
        Changed();
    }

    /// <summary>Closes an answered or referred request; with a child concerned only once the question of
    /// social services is answered.</summary>
    public void Close(Guid by, DateTimeOffset now)
    {
        RequireOpen();
        if (Status is not (SupportStatus.Answered or SupportStatus.Referred))
            throw new DomainRuleException("support.close.not-answered");
        if (ChildConcerned && SocialServicesInvolved is null)
            throw new DomainRuleException("support.close.social-services-unconfirmed", "socialServices");
        Status = SupportStatus.Closed;
        ClosedAt = now;
        ClosedById = by;
        Changed();
    }

    /// <summary>The asker lets a colleague see the request (replies and referrals, not NMT's notes).</summary>
    public void AddViewer(Guid memberId, Guid by, DateTimeOffset now)
    {
        RequireNotErased();
        if (memberId == AskerId)
            throw new DomainRuleException("support.viewer.is-asker", "viewer");
        if (IsViewer(memberId))
            return;
        if (_viewers.Count >= MaxViewers)
            throw new DomainRuleException("support.viewers.too-many", "viewer");
        _viewers.Add(new SupportViewer(Id, memberId, by, now));
        Changed();
    }

    /// <summary>The asker stops sharing the request with a colleague; their open page loses it at once.</summary>
    public void RemoveViewer(Guid memberId)
    {
        if (_viewers.RemoveAll(v => v.MemberId == memberId) == 0)
            throw new DomainRuleException("support.viewer.not-shared", "viewer");
        Changed();
    }

    /// <summary>Erases every text of a closed request (retention): the question, what was done, contacts,
    /// replies, notes and referral reasons. What the figures count stays: forms, county, organisation kind,
    /// child, channel, referral targets and the times.</summary>
    public void Erase(DateTimeOffset now)
    {
        if (Status != SupportStatus.Closed)
            throw new DomainRuleException("support.erase.not-closed");
        if (ErasedAt is not null)
            return;
        Question = "";
        DoneSoFar = null;
        PreferredContact = null;
        AskerContact = null;
        foreach (var reply in _replies)
            reply.Erase();
        foreach (var note in _notes)
            note.Erase();
        foreach (var referral in _referrals)
            referral.Erase();
        ErasedAt = now;
        Changed();
    }

    private void RequireNotErased()
    {
        if (ErasedAt is not null)
            throw new DomainRuleException("support.erased");
    }

    private void RequireOpen()
    {
        RequireNotErased();
        if (Status == SupportStatus.Closed)
            throw new DomainRuleException("support.closed");
    }

    private void Changed()
    {
        Touch();
        if (!DomainEvents.OfType<SupportRequestChanged>().Any())
            Raise(new SupportRequestChanged(Id));
    }
}

public sealed class SupportAssignment
{
    private SupportAssignment() { }

    internal SupportAssignment(Guid requestId, Guid memberId, Guid by, DateTimeOffset at)
    {
        RequestId = requestId;
        MemberId = memberId;
        AssignedBy = by;
        AssignedAt = at;
    }

    public Guid RequestId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid AssignedBy { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
}

public sealed class SupportViewer
{
    private SupportViewer() { }

    internal SupportViewer(Guid requestId, Guid memberId, Guid by, DateTimeOffset at)
    {
        RequestId = requestId;
        MemberId = memberId;
        AddedBy = by;
        AddedAt = at;
    }

    public Guid RequestId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>A reply the asker (and the viewers) see.</summary>
public sealed class SupportReply
{
    public const int TextMaxLength = 4000;

    private SupportReply() { }

    internal SupportReply(Guid requestId, Guid authorId, bool fromTeam, string? text, DateTimeOffset at)
    {
        Text = Guard.RequiredText(text, TextMaxLength, "support.reply");
        PersonalDataGuard.Refuse(Text, "support.reply");
        Id = Guid.CreateVersion7(at);
        RequestId = requestId;
        AuthorId = authorId;
        FromTeam = fromTeam;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid AuthorId { get; private set; }
    public bool FromTeam { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal void Erase() => Text = "";
}

/// <summary>An internal note: NMT only.</summary>
public sealed class SupportNote
{
    public const int TextMaxLength = 4000;

    private SupportNote() { }

    internal SupportNote(Guid requestId, Guid authorId, string? text, DateTimeOffset at)
    {
        Text = Guard.RequiredText(text, TextMaxLength, "support.note");
        PersonalDataGuard.Refuse(Text, "support.note");
        Id = Guid.CreateVersion7(at);
        RequestId = requestId;
        AuthorId = authorId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal void Erase() => Text = "";
}

/// <summary>Where the asker was referred, when and why; the asker sees it.</summary>
public sealed class SupportReferral
{
    public const int ReasonMaxLength = 1000;

    private SupportReferral() { }

    internal SupportReferral(Guid requestId, Guid organisationId, string? contact, DateOnly referredOn, string? reason, Guid by, DateTimeOffset at)
    {
        Contact = Guard.OptionalText(contact, SupportRequest.ContactMaxLength, "support.referral.contact");
        PersonalDataGuard.Refuse(Contact, "support.referral.contact");
        Reason = Guard.RequiredText(reason, ReasonMaxLength, "support.referral.reason");
        PersonalDataGuard.Refuse(Reason, "support.referral.reason");
        Id = Guid.CreateVersion7(at);
        RequestId = requestId;
        OrganisationId = organisationId;
        ReferredOn = referredOn;
        ReferredBy = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>A functional contact at the organisation, if known.</summary>
    public string? Contact { get; private set; }
    public DateOnly ReferredOn { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid ReferredBy { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal void Erase()
    {
        Reason = "";
        Contact = null;
    }
}
