using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Web.Discussions;

/// <summary>bUnit tests of the discussion pages on the real use cases and the demo data.</summary>
public abstract class DiscussionPageTestBase : PortalBunitContext
{
    protected static readonly Guid Erik = DemoData.Personas.NmtLead;
    protected static readonly Guid Karin = DemoData.Personas.NmtPolice;

    protected DiscussionService Discussions => Database.Get<DiscussionService>();

    protected async Task<Guid> ThreadAsync(string title, Guid? asMember = null) =>
        (await Discussions.ListVisibleThreadsAsync(asMember ?? Erik)).Single(t => t.Title == title).Id;

    protected static string Mention(string name, Guid id) => $"@[{name}](member:{id:D})";
}
