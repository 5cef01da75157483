using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Members;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Directory;

/// <summary>The directory of people and organisations. Every signed-in member may search it: it
/// holds professional contact details only. Members of disabled organisations are left out.</summary>
public sealed class DirectoryService(IDbContextFactory<PortalDbContext> contexts, DirectoryTerms terms, TimeProvider clock,
    Portal.Infrastructure.WriteLimits.WriteLimiter limiter)
{
    public const int MaxPageSize = 200;

    public async Task<PeoplePage> SearchPeopleAsync(Guid actorId, PeopleQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LoadActorAsync(actorId, cancellationToken);

        var people = from m in db.Members.AsNoTracking()
                     join o in db.Organisations on m.OrganisationId equals o.Id
                     where o.Enabled
                     select new { m, o };

        // Every word must match: in the person's or organisation's text, or as the name of a form the
        // person works with, of the county they work in or of a language they speak ("tvångsarbete
        // Skåne arabiska", "forced labour arabic"). Words and texts are both folded, so "lanssamordnare"
        // finds "Länssamordnare" and "Åberg" still finds "Åberg".
        foreach (var word in Words(query.Text).Where(w => !terms.IsGeneric(w)))
        {
            var forms = terms.FormsNamedBy(word).ToList();
            var counties = terms.CountiesNamedBy(word).ToList();
            var spoken = terms.LanguagesNamedBy(word).ToList();
            people = people.Where(x => x.m.SearchText.Contains(word) || x.o.SearchText.Contains(word)
                || x.m.ExploitationForms.Any(f => forms.Contains(f))
                || x.m.Languages.Any(l => spoken.Contains(l))
                || (x.m.County != null && counties.Contains(x.m.County.Value))
                || (x.m.County == null && x.o.CountiesServed.Any(c => counties.Contains(c))));
        }
        if (query.OrganisationId is { } organisationId)
            people = people.Where(x => x.o.Id == organisationId || x.o.ParentId == organisationId);
        if (query.County is { } county)
            // A person's own county says where they work; only a person without one is taken to work
            // wherever their organisation serves (else every national agency's staff fills every county).
            people = people.Where(x => x.m.County == county || (x.m.County == null && x.o.CountiesServed.Contains(county)));
        if (query.Form is { } form)
            people = people.Where(x => x.m.ExploitationForms.Contains(form));
        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            // Languages are stored as codes; the filter takes a code or a name in either language, and
            // a name that is no language finds nobody.
            var codes = terms.LanguagesFor(query.Language).ToList();
            people = people.Where(x => x.m.Languages.Any(l => codes.Contains(l)));
        }

        var total = await people.CountAsync(cancellationToken);
        var page = await people
            .OrderBy(x => x.m.DisplayName)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(x => new { x.m, OrganisationName = x.o.Name })
            .ToListAsync(cancellationToken);
        return new PeoplePage(page.Select(x => ToCard(x.m, x.OrganisationName)).ToList(), total);
    }

    public async Task<PersonCard> GetPersonAsync(Guid actorId, Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LoadActorAsync(actorId, cancellationToken);
        var row = await (from m in db.Members.AsNoTracking()
                         join o in db.Organisations on m.OrganisationId equals o.Id
                         where m.Id == memberId && o.Enabled
                         select new { m, o.Name }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? throw new NotFoundException("member.notfound") : ToCard(row.m, row.Name);
    }

    public async Task<IReadOnlyList<OrganisationCard>> SearchOrganisationsAsync(Guid actorId, OrganisationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LoadActorAsync(actorId, cancellationToken);
        var organisations = db.Organisations.AsNoTracking().Where(o => o.Enabled);
        // Every word must occur, in any order ("malmo socialtjansten" finds "Malmö stad – Socialtjänsten").
        foreach (var word in Words(query.Text))
            organisations = organisations.Where(o => o.SearchText.Contains(word));
        if (query.Kind is { } kind)
            organisations = organisations.Where(o => o.Kind == kind);
        if (query.County is { } county)
            organisations = organisations.Where(o => o.CountiesServed.Contains(county));
        return await ProjectCards(db, organisations.OrderBy(o => o.Name)).ToListAsync(cancellationToken);
    }

    public async Task<OrganisationProfile> GetOrganisationAsync(Guid actorId, Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LoadActorAsync(actorId, cancellationToken);
        var card = await ProjectCards(db, db.Organisations.AsNoTracking().Where(o => o.Id == organisationId && o.Enabled))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("organisation.notfound");
        var members = await db.Members.AsNoTracking().Where(m => m.OrganisationId == organisationId)
            .OrderBy(m => m.DisplayName).ToListAsync(cancellationToken);
        var units = await ProjectCards(db, db.Organisations.AsNoTracking().Where(o => o.ParentId == organisationId && o.Enabled).OrderBy(o => o.Name))
            .ToListAsync(cancellationToken);
        return new OrganisationProfile(card, members.Select(m => ToCard(m, card.Name)).ToList(), units);
    }

    public async Task UpdateMyProfileAsync(Guid actorId, ProfileInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var member = await db.Members.SingleAsync(m => m.Id == actor.MemberId, cancellationToken);
        member.UpdateProfile(input.Title, input.Phone, input.County, input.ExploitationForms, input.Languages);
        await limiter.SaveAsync(db, actor.MemberId, clock.GetUtcNow(), [new(ProfileWrite)], cancellationToken);
    }

    /// <summary>Profile changes one member may save (ADR 0019).</summary>
    public const string ProfileWrite = "profile";

    private static IQueryable<OrganisationCard> ProjectCards(PortalDbContext db, IQueryable<Organisation> organisations) =>
        organisations.Select(o => new OrganisationCard(
            o.Id, o.Name, o.ShortName, o.Kind, o.CountiesServed, o.ContactEmail, o.ContactPhone,
            db.Organisations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(),
            db.Members.Count(m => m.OrganisationId == o.Id)));

    private static PersonCard ToCard(Member m, string organisationName) =>
        new(m.Id, m.DisplayName, m.Title, m.OrganisationId, organisationName, m.County,
            m.ExploitationForms, m.Languages, m.Email, m.Phone);

    /// <summary>The words of a free-text query, folded, at most ten of at most 100 characters.</summary>
    private static IReadOnlyList<string> Words(string? text) =>
        (Folded(text) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(10).ToList();

    /// <summary>A query text as the stored search texts are made (<see cref="SearchText.Fold"/>),
    /// at most 100 characters; null when empty.</summary>
    private static string? Folded(string? text)
    {
        var trimmed = text is null ? null : SearchText.Fold(text.Trim());
        return string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, 100)];
    }
}
