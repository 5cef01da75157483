using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Hubs;

namespace Portal.Tests.Web.RateLimits;

/// <summary>ASP.NET Core's rate limiter in front of the endpoints (ADR 0019): per member, per address when
/// signed out, with a low limit set for the test.</summary>
public sealed class RequestRateLimitTests : IAsyncLifetime
{
    private const int Limit = 4;

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite)
    {
        Settings =
        {
            ["Portal:RateLimits:Requests:PermitLimit"] = Limit.ToString(),
            ["Portal:RateLimits:Requests:Window"] = "01:00:00",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Culture_endpoint_beyond_the_limit_answers_429_with_Retry_After_and_a_localised_text()
    {
        using var http = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await http.GetAsync("/culture/apply?culture=sv&returnUrl=/");
            allowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var refused = await http.GetAsync("/culture/apply?culture=sv&returnUrl=/");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        retryAfter!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        (await refused.Content.ReadAsStringAsync()).ShouldStartWith("För många förfrågningar på kort tid.");
    }

    [Fact]
    public async Task Sign_in_beyond_the_limit_answers_429_before_the_form_is_even_read()
    {
        using var http = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new Dictionary<string, string> { ["memberId"] = DemoData.Personas.NmtPolice.ToString() };
        for (var i = 0; i < Limit; i++)
        {
            // Without an antiforgery token: refused by the antiforgery check while within the limit.
            using var within = await http.PostAsync("/account/demo-signin", new FormUrlEncodedContent(form));
            within.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var refused = await http.PostAsync("/account/demo-signin", new FormUrlEncodedContent(form));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }
}

/// <summary>The hub filter in front of the discussions hub's calls (ADR 0019): the HTTP limiter sees only
/// the connection's negotiation, so 2,000 reads over one connection needed a limit of their own.</summary>
public sealed class HubCallRateLimitTests : IAsyncLifetime
{
    private const int Limit = 4;

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite)
    {
        Settings =
        {
            ["Portal:RateLimits:HubCalls:PermitLimit"] = Limit.ToString(),
            ["Portal:RateLimits:HubCalls:Window"] = "01:00:00",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Hub_calls_beyond_the_limit_are_refused_for_that_member_only()
    {
        var url = _portal.StartOnLoopback();
        var karinCookie = await HubClients.SignInCookieAsync(url, DemoData.Personas.NmtPolice);
        var erikCookie = await HubClients.SignInCookieAsync(url, DemoData.Personas.NmtLead);
        await using var karin = await HubClients.ConnectAsync(url, karinCookie);
        await using var erik = await HubClients.ConnectAsync(url, erikCookie);
        var thread = (await _portal.Services.GetRequiredService<DiscussionService>()
            .ListThreadsAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt)).Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;

        for (var i = 0; i < Limit; i++)
            await karin.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.GetChangesSince), thread, 0L);
        var refused = await Should.ThrowAsync<HubException>(() => karin.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.GetChangesSince), thread, 0L));

        refused.Message.ShouldContain(HubCallLimiter.RefusalCode);
        (await erik.InvokeAsync<ThreadChanges>(nameof(DiscussionHub.GetChangesSince), thread, 0L)).ThreadId.ShouldBe(thread);
    }
}
