using Portal.Domain.Common;
using Portal.Domain.Directory;

namespace Portal.Domain.Organisations;

public enum OrganisationKind
{
    StateAgency = 1,
    CountyAdministrativeBoard,
    Municipality,
    Region,
    Ngo,
    InternationalOrganisation,
}

/// <summary>An authority, municipality, NGO or international organisation whose people take part.
/// Its members sign in from the Entra tenants it lists; a disabled organisation's members cannot
/// sign in or act.</summary>
public sealed class Organisation : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 40;
    public const int ContactMaxLength = 200;

    private readonly List<OrganisationTenant> _tenants = [];
    private List<County> _countiesServed = [];

    private Organisation() { }

    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public OrganisationKind Kind { get; private set; }
    /// <summary>The parent, for units (the police's regional units under the Police Authority).</summary>
    public Guid? ParentId { get; private set; }
    public bool Enabled { get; private set; } = true;
    /// <summary>A functional contact: a shared mailbox address.</summary>
    public string? ContactEmail { get; private set; }
    /// <summary>A functional phone number, such as a support line.</summary>
    public string? ContactPhone { get; private set; }
    /// <summary>Name and short name, folded (<see cref="Common.SearchText"/>), for free-text search
    /// on every database, with or without diacritics.</summary>
    public string SearchText { get; private set; } = "";
    public IReadOnlyCollection<OrganisationTenant> Tenants => _tenants.AsReadOnly();
    public IReadOnlyList<County> CountiesServed => _countiesServed.AsReadOnly();

    public static Organisation Create(string name, OrganisationKind kind, string? shortName = null,
        Guid? parentId = null, IEnumerable<County>? countiesServed = null,
        string? contactEmail = null, string? contactPhone = null)
    {
        var organisation = new Organisation { Kind = kind, ParentId = parentId };
        organisation.UpdateProfile(name, shortName, countiesServed ?? [], contactEmail, contactPhone);
        return organisation;
    }

    public void UpdateProfile(string name, string? shortName, IEnumerable<County> countiesServed,
        string? contactEmail, string? contactPhone)
    {
        Name = Guard.RequiredText(name, NameMaxLength, "organisation.name");
        ShortName = Guard.OptionalText(shortName, ShortNameMaxLength, "organisation.shortname");
        ContactEmail = Guard.OptionalText(contactEmail, ContactMaxLength, "organisation.email");
        if (ContactEmail is not null && !ContactEmail.Contains('@'))
            throw new DomainRuleException("organisation.email.invalid", "organisation.email");
        ContactPhone = Guard.OptionalText(contactPhone, ContactMaxLength, "organisation.phone");
        _countiesServed = countiesServed.Distinct().Order().ToList();
        RefreshSearchText();
    }

    /// <summary>Every change of the name calls this; the start-up backfill calls it for rows stored
    /// before the column existed.</summary>
    public void RefreshSearchText() => SearchText = Common.SearchText.Of([Name, ShortName]);

    public void ChangeKind(OrganisationKind kind) => Kind = kind;

    /// <summary>Makes this a unit of another organisation (or a top-level one with null). The use case
    /// checks that the parent exists and is not one of this organisation's own units.</summary>
    public void PlaceUnder(Guid? parentId)
    {
        if (parentId == Id)
            throw new DomainRuleException("organisation.parent.unknown", "organisation.parent");
        ParentId = parentId;
    }

    /// <summary>Replaces the tenant allow-list. Uniqueness across organisations is checked by the
    /// use case (it needs the other organisations) and by a unique index.</summary>
    public void SetTenants(IEnumerable<string> tenantIds)
    {
        var normalised = new List<string>();
        foreach (var raw in tenantIds)
        {
            var tenantId = TenantId.Normalise(raw);
            if (!normalised.Contains(tenantId))
                normalised.Add(tenantId);
        }
        _tenants.RemoveAll(t => !normalised.Contains(t.TenantId));
        foreach (var tenantId in normalised.Where(id => _tenants.All(t => t.TenantId != id)))
            _tenants.Add(new OrganisationTenant(Id, tenantId));
    }

    public void Enable() => Enabled = true;

    public void Disable() => Enabled = false;
}

/// <summary>One Entra tenant that an organisation's members sign in from.</summary>
public sealed class OrganisationTenant
{
    private OrganisationTenant() { }

    internal OrganisationTenant(Guid organisationId, string tenantId)
    {
        OrganisationId = organisationId;
        TenantId = tenantId;
    }

    public Guid OrganisationId { get; private set; }
    public string TenantId { get; private set; } = "";
}

public static class TenantId
{
    public const int MaxLength = 36;

    /// <summary>An Entra tenant id is a GUID; stored in its lower-case "D" form.</summary>
    public static string Normalise(string? value)
    {
        if (!Guid.TryParse(value?.Trim(), out var guid) || guid == Guid.Empty)
            throw new DomainRuleException("organisation.tenant.invalid", "organisation.tenants", value);
        return guid.ToString("D");
    }
}
