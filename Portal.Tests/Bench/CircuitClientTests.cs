using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Circuits;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Bench;

/// <summary>The bench's circuit load client against a real portal on Kestrel: it opens a Blazor
/// Server circuit as a signed-in member without a browser, sees the page the circuit renders, gets
/// live updates as render batches, and acts on the page through the event handlers it was given.</summary>
public sealed class CircuitClientTests : IAsyncLifetime
{
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Erik = DemoData.Personas.NmtLead;

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _baseUrl = null!;

    public Task InitializeAsync()
    {
        _baseUrl = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_circuit_on_a_thread_page_renders_its_posts_gets_others_posts_live_and_posts_through_the_composer()
    {
        var discussions = _portal.Services.GetRequiredService<DiscussionService>();
        var threadId = (await discussions.ListVisibleThreadsAsync(Karin)).Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;
        var cookie = await HubClients.SignInCookieAsync(_baseUrl, Karin);

        await using var circuit = await CircuitClient.OpenAsync(_baseUrl, $"threads/{threadId}", cookie);
        var batches = new ConcurrentQueue<RenderBatchReceived>();
        circuit.BatchReceived += batches.Enqueue;

        // The page as the circuit rendered it (the client builds it from render batches only, never
        // from the prerendered HTML): the thread's four posts, and the composer of a member.
        circuit.Read(d => d.QueryAll("article[data-testid=post]").Count()).ShouldBe(4);
        circuit.Text.ShouldContain("bärplockare bor i husvagnar utan el");
        circuit.Text.ShouldContain("Ja, jag tar fram vilka arbetsgivare som stått som sökande.");

        // Another member posts: the circuit receives it in a new render batch.
        var beforePost = Stopwatch.GetTimestamp();
        await discussions.PostAsync(Erik, threadId, "Arbetsmiljöverket följer med på torsdag.");
        await circuit.WaitForAsync(d => d.QueryAll("article[data-testid=post]").Any(p => p.Text.Contains("Arbetsmiljöverket följer med på torsdag.")),
            "Erik's post");
        batches.ShouldContain(b => b.Timestamp > beforePost && b.Bytes > 0);

        // Karin writes in the composer and sends: the post is saved as hers and shown.
        const string text = "Jag bokar ett samordningsmöte med Migrationsverket.";
        await circuit.SetValueAsync("textarea[data-testid=composer]", text);
        await circuit.ClickAsync("button[data-testid=send-post]");
        await circuit.WaitForAsync(d => d.QueryAll("article[data-testid=post]").Any(p => p.Text.Contains(text)), "Karin's post");
        await using (var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            (await db.Posts.CountAsync(p => p.ThreadId == threadId && p.AuthorId == Karin && p.Markdown == text)).ShouldBe(1);
        circuit.Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_circuit_follows_links_submits_a_form_and_follows_the_navigation_the_server_asks_for()
    {
        var cookie = await HubClients.SignInCookieAsync(_baseUrl, Karin);
        await using var circuit = await CircuitClient.OpenAsync(_baseUrl, "", cookie);

        // A link within the app: the circuit's router renders the search page.
        await circuit.NavigateAsync("search");
        await circuit.SetValueAsync("input[data-testid=search-query]", "bärplockare");
        // The submit button submits its form; the page then navigates to its own address with the query.
        await circuit.ClickAsync("button[data-testid=search-submit]");

        await circuit.WaitForAsync(d => d.Query("[data-testid=search-results]")?.Text.Contains(DemoData.Threads.NmtMethodSupport) == true,
            "the thread among the hits");
        circuit.Location.Query.ShouldContain("q=");
        circuit.Read(d => d.Query("[data-testid=search-count]")!.Text).ShouldContain("bärplockare");
        circuit.Error.ShouldBeNull();
    }
}
