using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Web.Endpoints;

namespace Portal.Tests.Web.Meetings;

/// <summary>The calendar endpoints over real HTTP: a meeting's .ics for a member who may see it (404 for an
/// outsider and when signed out), and the anonymous feed by its secret (404 once renewed, and for a guess).</summary>
public sealed partial class MeetingCalendarEndpointTests : IAsyncLifetime
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;

    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<Guid> ScheduleAsync()
    {
        var day = StockholmTime.Today(TimeProvider.System).AddDays(7);
        var start = day.ToDateTime(new TimeOnly(9, 0));
        return await _portal.Services.GetRequiredService<MeetingService>().ScheduleAsync(Erik, new MeetingDraft(MeetingKind.Meeting,
            "Samordningsmöte", "Genomgång", [DemoData.Workspaces.Nmt], start, start.AddHours(1), "Länsstyrelsen", null, null,
            InviteeSelection.WholeWorkspace));
    }

    [Fact]
    public async Task A_member_who_may_see_the_meeting_downloads_its_ics_others_get_404()
    {
        var id = await ScheduleAsync();
        using var karin = await SignedInAsync(Karin);
        using var fatima = await SignedInAsync(Fatima);
        using var anonymous = NewClient();

        using var response = await karin.GetAsync(MeetingCalendarEndpoints.DownloadLink(id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.ShouldHaveSingleItem().Uid.ShouldBe($"{id}@samverkansportalen");
        (await fatima.GetAsync(MeetingCalendarEndpoints.DownloadLink(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await karin.GetAsync(MeetingCalendarEndpoints.DownloadLink(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var signedOut = await anonymous.GetAsync(MeetingCalendarEndpoints.DownloadLink(id));
        signedOut.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await signedOut.Content.ReadAsStringAsync()).ShouldNotContain("BEGIN:VCALENDAR");
    }

    [Fact]
    public async Task The_feed_answers_without_signing_in_by_its_secret_and_404_once_renewed_or_guessed()
    {
        var id = await ScheduleAsync();
        var feeds = _portal.Services.GetRequiredService<CalendarFeedService>();
        var first = await feeds.CreateOrRenewAsync(Karin, CancellationToken.None);
        using var anonymous = NewClient();

        using var response = await anonymous.GetAsync(new Uri(first.Url).PathAndQuery);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var feed = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        feed.Events.ShouldContain(e => e.Uid == $"{id}@samverkansportalen");

        var renewed = await feeds.CreateOrRenewAsync(Karin, CancellationToken.None);
        (await anonymous.GetAsync(new Uri(first.Url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(renewed.Url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/calendar/" + new string('A', 43) + ".ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/nothing.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _url };

    private async Task<HttpClient> SignedInAsync(Guid memberId)
    {
        var client = NewClient();
        var page = await client.GetStringAsync("/account/signin");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var signIn = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["memberId"] = memberId.ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
