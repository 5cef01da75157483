using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>Who has and has not acknowledged the version in force, per organisation.</summary>
/// <param name="InForce">Null when no version is in force yet (only a draft, or only an upcoming version).</param>
public sealed record AcknowledgementOverview(
    Guid DocumentId,
    string Title,
    Guid? WorkspaceId,
    AcknowledgedVersion? InForce,
    IReadOnlyList<OrganisationAcknowledgements> Organisations)
{
    public int Acknowledged => Organisations.Sum(o => o.Acknowledged);
    public int Total => Organisations.Sum(o => o.Total);
}

public sealed record AcknowledgedVersion(Guid VersionId, VersionNumber Number, DateOnly EffectiveFrom);

public sealed record OrganisationAcknowledgements(Guid OrganisationId, string Name, IReadOnlyList<MemberAcknowledgement> Members)
{
    public int Acknowledged => Members.Count(m => m.HasAcknowledged);
    public int Total => Members.Count;
}

/// <param name="AcknowledgedAt">When they acknowledged (their latest acknowledgement of the same major version).</param>
/// <param name="Version">Which version they acknowledged: any with the major number of the one in force counts.</param>
public sealed record MemberAcknowledgement(Guid MemberId, string DisplayName, DateTimeOffset? AcknowledgedAt, VersionNumber? Version)
{
    public bool HasAcknowledged => AcknowledgedAt is not null;
}

/// <summary>"Read and understood" seen from the document's side: its editors follow who has read the
/// version in force. The audience is who the document is for: a workspace's active members, or for a
/// portal-wide document every member of an enabled organisation.</summary>
public sealed class DocumentAcknowledgementService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task<AcknowledgementOverview> OverviewAsync(Guid actorId, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        // Hidden → not found (need-to-know); a reader who is not an editor knows the document, so is denied.
        var (document, workspace) = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked: false);
        if (!AccessPolicy.CanSeeAcknowledgements(actor, document, workspace))
            throw new AccessDeniedException("document.acknowledgements.denied");

        if (document.InForceOn(StockholmTime.Today(clock)) is not { EffectiveFrom: { } effectiveFrom } inForce)
            return new AcknowledgementOverview(document.Id, document.Title, document.WorkspaceId, null, []);

        var audience = await AudienceAsync(db, document.WorkspaceId, cancellationToken);
        var major = inForce.Major;
        var acknowledgements = (await db.DocumentAcknowledgements.AsNoTracking()
                .Where(a => a.DocumentId == document.Id && a.Major == major)
                .Select(a => new { a.MemberId, a.AcknowledgedAt, a.Major, a.Minor })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.MemberId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AcknowledgedAt).First());

        var organisations = audience
            .GroupBy(p => (p.OrganisationId, p.OrganisationName))
            .Select(g => new OrganisationAcknowledgements(g.Key.OrganisationId, g.Key.OrganisationName,
                g.Select(p => acknowledgements.TryGetValue(p.MemberId, out var a)
                        ? new MemberAcknowledgement(p.MemberId, p.DisplayName, a.AcknowledgedAt, new VersionNumber(a.Major, a.Minor))
                        : new MemberAcknowledgement(p.MemberId, p.DisplayName, null, null))
                    .OrderBy(m => m.DisplayName, StringComparer.Create(Swedish, false))
                    .ToList()))
            .OrderBy(o => o.Name, StringComparer.Create(Swedish, false))
            .ToList();
        return new AcknowledgementOverview(document.Id, document.Title, document.WorkspaceId,
            new AcknowledgedVersion(inForce.Id, inForce.Number, effectiveFrom), organisations);
    }

    private static readonly System.Globalization.CultureInfo Swedish = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    private sealed record Reader(Guid MemberId, string DisplayName, Guid OrganisationId, string OrganisationName);

    /// <summary>Those the document is for, in one query.</summary>
    private static async Task<List<Reader>> AudienceAsync(PortalDbContext db, Guid? workspaceId, CancellationToken cancellationToken)
    {
        var members = db.Members.AsQueryable();
        if (workspaceId is { } id)
        {
            var active = db.Memberships.Where(m => m.WorkspaceId == id && m.Status == MembershipStatus.Active).Select(m => m.MemberId);
            members = members.Where(m => active.Contains(m.Id));
        }
        return await members.AsNoTracking()
            .Join(db.Organisations.Where(o => o.Enabled), m => m.OrganisationId, o => o.Id,
                (m, o) => new Reader(m.Id, m.DisplayName, o.Id, o.Name))
            .ToListAsync(cancellationToken);
    }
}
