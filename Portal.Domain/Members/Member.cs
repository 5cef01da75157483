using Portal.Domain.Common;
using Portal.Domain.Directory;

namespace Portal.Domain.Members;

/// <summary>A professional who uses the portal. Identity is the pair (Entra tenant id, object id),
/// never the e-mail address.</summary>
public sealed class Member : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 50;
    public const int IdentityPartMaxLength = 64;
    public const int MaxLanguages = 10;
    /// <summary>Room for every part of <see cref="SearchText"/> and the spaces between them. The
    /// column was sized when it held ten languages of up to 40 characters too; it keeps that size.</summary>
    public const int SearchTextMaxLength = NameMaxLength + TitleMaxLength + EmailMaxLength + MaxLanguages * 41 + 2;

    private List<ExploitationForm> _exploitationForms = [];
    private List<string> _languages = [];

    private Member() { }

    public string TenantId { get; private set; } = "";
    public string ObjectId { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Title { get; private set; }
    public string? Phone { get; private set; }
    public County? County { get; private set; }
    public bool IsAdministrator { get; private set; }
    /// <summary>"sv" or "en": the UI language the member chose last.</summary>
    public string PreferredCulture { get; private set; } = "sv";
    public DateTimeOffset? LastSignInAt { get; private set; }
    /// <summary>Carried in the session cookie and compared at every request: a new value ends every
    /// session issued before it (sign-out, admin rights revoked, organisation disabled), also copies
    /// of the cookie.</summary>
    public string SecurityStamp { get; private set; } = NewSecurityStamp();
    /// <summary>Name, title and e-mail, folded (<see cref="Common.SearchText"/>): one column that
    /// free-text directory search matches the same way on every database, with or without
    /// diacritics. Languages are codes, found by their names in every UI language (ADR 0022).</summary>
    public string SearchText { get; private set; } = "";
    public IReadOnlyList<ExploitationForm> ExploitationForms => _exploitationForms.AsReadOnly();
    /// <summary>Codes of <see cref="SpokenLanguages"/>, in the order the member gave them.</summary>
    public IReadOnlyList<string> Languages => _languages.AsReadOnly();

    public static Member Create(string tenantId, string objectId, Guid organisationId,
        string displayName, string? email)
    {
        var member = new Member
        {
            TenantId = Organisations.TenantId.Normalise(tenantId),
            ObjectId = Guard.RequiredText(objectId, IdentityPartMaxLength, "member.objectid"),
            OrganisationId = organisationId,
        };
        member.Rename(displayName, email);
        return member;
    }

    /// <summary>Name and e-mail come from the identity provider at each sign-in.</summary>
    public void Rename(string displayName, string? email)
    {
        DisplayName = Guard.RequiredText(displayName, NameMaxLength, "member.name");
        Email = Guard.OptionalText(email, EmailMaxLength, "member.email");
        RefreshSearchText();
    }

    public void UpdateProfile(string? title, string? phone, County? county,
        IEnumerable<ExploitationForm> exploitationForms, IEnumerable<string> languages)
    {
        Title = Guard.OptionalText(title, TitleMaxLength, "member.title");
        Phone = Guard.OptionalText(phone, PhoneMaxLength, "member.phone");
        County = county;
        _exploitationForms = exploitationForms.Distinct().Order().ToList();
        var codes = languages.Select(SpokenLanguages.Normalise).Where(l => l.Length > 0).Distinct().ToList();
        if (codes.Any(code => !SpokenLanguages.IsKnown(code)))
            throw new DomainRuleException("member.languages.unknown", "member.languages");
        if (codes.Count > MaxLanguages)
            throw new DomainRuleException("member.languages.too-many", "member.languages");
        _languages = codes;
        RefreshSearchText();
    }

    /// <summary>Every change of the searched parts calls this; the start-up backfill calls it for rows
    /// stored before the column existed.</summary>
    public void RefreshSearchText() =>
        SearchText = Common.SearchText.Of([DisplayName, Title, Email]);

    public void RecordSignIn(DateTimeOffset at) => LastSignInAt = at;

    public void MoveTo(Guid organisationId) => OrganisationId = organisationId;

    public void GrantAdministrator() => IsAdministrator = true;

    public void RevokeAdministrator()
    {
        IsAdministrator = false;
        RenewSecurityStamp();
    }

    /// <summary>Ends every session of the member on every node: at its next request, and at once for
    /// open connections and circuits (which hear <see cref="MemberSessionsEnded"/>).</summary>
    public void RenewSecurityStamp()
    {
        SecurityStamp = NewSecurityStamp();
        Raise(new MemberSessionsEnded(Id));
    }

    private static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public void ChooseCulture(string culture)
    {
        PreferredCulture = culture switch
        {
            "sv" or "en" => culture,
            _ => throw new DomainRuleException("member.culture.unsupported", "culture"),
        };
    }
}

/// <summary>The member's security stamp changed (sign-out, administrator rights revoked, organisation
/// disabled): every session issued before is over, including open hub connections and circuits.</summary>
[EventName("member.sessions-ended")]
public sealed record MemberSessionsEnded(Guid MemberId) : IDomainEvent;
