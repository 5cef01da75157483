using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Discussions;

/// <summary>A fresh demo database per test, with helpers to find the demo threads.</summary>
public abstract class DiscussionTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected DiscussionService Discussions => Database.Get<DiscussionService>();

    protected virtual void Configure(IServiceCollection services) { }

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider, configure: Configure);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected async Task<Guid> ThreadAsync(string title, Guid? asMember = null) =>
        (await Discussions.ListVisibleThreadsAsync(asMember ?? DemoData.Personas.NmtLead)).Single(t => t.Title == title).Id;

    protected static Guid Member(string key) => DemoData.IdFor("member:" + key);

    protected static string Mention(string name, Guid id) => $"@[{name}](member:{id:D})";
}
