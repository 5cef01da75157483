using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.MethodSupport;

/// <summary>Many requests of one asker at once, straight through the aggregate (the use case's write limit
/// would rightly stop a member asking thirty times in ten minutes): enough to fill more than one page.</summary>
internal static class SupportLiveData
{
    public static async Task<IReadOnlyList<SupportRequest>> AskManyAsync(IDbContextFactory<PortalDbContext> contexts, Guid asker, Guid organisation,
        int count, DateTimeOffset firstAt)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var year = firstAt.Year;
        var number = (await db.SupportRequests.Where(r => r.Year == year).MaxAsync(r => (int?)r.Number) ?? 0) + 1;
        var requests = Enumerable.Range(0, count).Select(i => SupportRequest.Submit(
            new SupportAsker(asker, organisation, null, OrganisationKind.StateAgency, null),
            new SupportQuestion($"Fråga nummer {i + 1} om misstänkt tvångsarbete.", null, [ExploitationForm.ForcedLabour], false, County.Skane,
                SupportUrgency.NoRush, null),
            SupportChannel.Portal, null, year, number + i, firstAt.AddMinutes(i))).ToList();
        db.SupportRequests.AddRange(requests);
        await db.SaveChangesAsync();
        return requests;
    }
}
