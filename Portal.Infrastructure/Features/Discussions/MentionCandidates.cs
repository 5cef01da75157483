using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Discussions;

/// <summary>Whom the composer suggests as one types <c>@Eri</c>: members who may read the thread
/// (a mention of anyone else would notify no one), whose name has a word starting with each word
/// typed. Only a member who may see the thread gets suggestions.</summary>
public sealed class MentionCandidates(IDbContextFactory<PortalDbContext> contexts)
{
    public const int MaxResults = 8;

    // Candidates fetched before the name-word and policy filters pick the few shown.
    private const int Fetched = 60;

    public async Task<IReadOnlyList<PersonRef>> FindAsync(Guid actorId, Guid threadId, string? typed, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var thread = await db.Threads.AsNoTracking().Include(t => t.Workspaces)
            .SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken) ?? throw new NotFoundException("thread.notfound");
        var ids = thread.WorkspaceIds;
        // Every active membership, so that the policy's item check can be asked for each candidate.
        var workspaces = await db.Workspaces.AsNoTracking()
            .Include(w => w.Memberships.Where(m => m.Status == MembershipStatus.Active))
            .Where(w => ids.Contains(w.Id))
            .ToListAsync(cancellationToken);
        if (!AccessPolicy.CanSeeThread(actor, thread, workspaces))
            throw new NotFoundException("thread.notfound");

        var words = SearchText.Fold(typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(4).ToList();
        var people = from m in db.Members.AsNoTracking()
                     join o in db.Organisations on m.OrganisationId equals o.Id
                     where o.Enabled && m.Id != actor.MemberId
                     select new { m.Id, m.DisplayName, m.OrganisationId, m.IsAdministrator, m.SearchText, OrganisationName = o.Name };
        if (workspaces.All(w => w.Visibility != WorkspaceVisibility.Open))
        {
            var readers = workspaces.SelectMany(w => w.Memberships).Select(m => m.MemberId).Distinct().ToList();
            people = people.Where(p => readers.Contains(p.Id));
        }
        foreach (var word in words)
            people = people.Where(p => p.SearchText.Contains(word));
        var rows = await people.OrderBy(p => p.DisplayName).Take(Fetched).ToListAsync(cancellationToken);

        // The search text also holds titles and addresses; a suggestion must match the name ("Eri"
        // finds Erik, not a title). The policy has the last word on who reads the thread.
        return rows
            .Where(p => NameMatches(p.DisplayName, words))
            .Where(p => AccessPolicy.CanSeeThread(new Actor(p.Id, p.OrganisationId, p.IsAdministrator), thread, workspaces))
            .Take(MaxResults)
            .Select(p => new PersonRef(p.Id, p.DisplayName, p.OrganisationId, p.OrganisationName))
            .ToList();
    }

    private static bool NameMatches(string displayName, IReadOnlyList<string> words)
    {
        var nameWords = SearchText.Fold(displayName).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => nameWords.Any(n => n.StartsWith(w, StringComparison.Ordinal)));
    }
}
