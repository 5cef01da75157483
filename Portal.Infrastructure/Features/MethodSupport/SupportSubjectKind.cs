using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Subjects;

namespace Portal.Infrastructure.Features.MethodSupport;

/// <summary>A method-support request as a subject of notifications, search hits and links. Its title is the
/// pseudonym reference and nothing else, so a notification or mail never carries the request's text.</summary>
public sealed class SupportSubjectKind : ISubjectKind
{
    public const string Name = "support-request";

    public string Kind => Name;

    public static SubjectRef Of(Guid requestId) => new(Name, requestId);

    public static string LinkTo(Guid requestId) => $"/support/{requestId}";

    public IQueryable<Guid> VisibleIds(PortalDbContext db, Actor actor) =>
        db.SupportRequests.Where(AccessPolicy.VisibleSupportRequestsFromDesk(actor, db.SupportDesks, db.Memberships)).Select(r => r.Id);

    public async Task<IReadOnlyDictionary<Guid, SubjectInfo>> DescribeAsync(PortalDbContext db, Actor actor, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var rows = await db.SupportRequests.AsNoTracking()
            .Where(AccessPolicy.VisibleSupportRequestsFromDesk(actor, db.SupportDesks, db.Memberships))
            .Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Reference })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SubjectInfo(Of(r.Id), r.Reference, LinkTo(r.Id), []));
    }
}
