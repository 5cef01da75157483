using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using static Portal.Tests.Support.AccessLossChanges;

namespace Portal.Tests.Web.Hubs;

/// <summary>Live notices do not outlive access (issue 7, finding 2), on one node: after each change that
/// takes access away, a member's open hub connection hears nothing more of the threads they lost, and
/// a member whose sessions ended (organisation disabled, rights revoked, signed out) is disconnected.
/// "Hears nothing" is proven with a probe: a later notice on a thread the member still reads arrives
/// first (one connection's messages keep their order).</summary>
public sealed class HubAccessLossTests : IAsyncLifetime
{
    private readonly PortalWebFactory _portal = new(DatabaseProvider.Sqlite);
    private Uri _url = null!;

    private IServiceProvider Services => _portal.Services;
    private DiscussionService Discussions => Services.GetRequiredService<DiscussionService>();

    public Task InitializeAsync()
    {
        _url = _portal.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Member_removed_from_the_workspace_stops_hearing_about_its_threads()
    {
        var nmt = await NmtThreadAsync(Services);
        var open = await OpenNetworkThreadAsync(Services);
        await using var karin = await HubListener.SignInAsync(_url, Karin);
        await karin.WatchAsync(nmt);
        await karin.WatchAsync(open);

        await RemoveKarinFromNmtAsync(Services);
        await Discussions.PostAsync(DemoData.Personas.NmtLead, nmt, "Efter att Karin tagits bort.");
        var probe = await Discussions.PostAsync(DemoData.Personas.Administrator, open, "Prov.");

        (await karin.NextAsync()).PostId.ShouldBe(probe.PostId);
    }

    [Theory]
    [InlineData(WorkspaceVisibility.Closed)]
    [InlineData(WorkspaceVisibility.Hidden)]
    public async Task Non_member_stops_hearing_when_the_open_workspace_is_closed(WorkspaceVisibility to)
    {
        var nmt = await NmtThreadAsync(Services);
        var open = await OpenNetworkThreadAsync(Services);
        await using var karin = await HubListener.SignInAsync(_url, Karin);
        await karin.WatchAsync(open);
        await karin.WatchAsync(nmt);

        await CloseInformationNetworkAsync(Services, to);
        await Discussions.PostAsync(DemoData.Personas.Administrator, open, "Nu bara för medlemmar.");
        var probe = await Discussions.PostAsync(DemoData.Personas.NmtLead, nmt, "Prov.");

        (await karin.NextAsync()).PostId.ShouldBe(probe.PostId);
        var again = await Should.ThrowAsync<HubException>(() => karin.WatchAsync(open));
        again.Message.ShouldContain("notfound");
    }

    [Fact]
    public async Task Members_who_keep_access_keep_hearing_after_someone_else_loses_it()
    {
        var nmt = await NmtThreadAsync(Services);
        await using var karin = await HubListener.SignInAsync(_url, Karin);
        await karin.WatchAsync(nmt);

        await Services.GetRequiredService<Portal.Infrastructure.Features.Workspaces.WorkspaceService>()
            .RemoveMemberAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt, DemoData.IdFor("member:johan.berg"), null);
        await CloseInformationNetworkAsync(Services);
        var posted = await Discussions.PostAsync(DemoData.Personas.NmtLead, nmt, "Karin hör fortfarande.");

        (await karin.NextAsync()).PostId.ShouldBe(posted.PostId);
    }

    [Fact]
    public async Task Disabling_the_organisation_closes_its_members_connections_and_they_cannot_reconnect()
    {
        var nmt = await NmtThreadAsync(Services);
        await using var karin = await HubListener.SignInAsync(_url, Karin);
        await karin.WatchAsync(nmt);

        await DisableKarinsOrganisationAsync(Services);

        await karin.Closed;
        await Should.ThrowAsync<HttpRequestException>(() => HubClients.ConnectAsync(_url, karin.Cookie));
    }

    [Fact]
    public async Task Revoking_administrator_rights_closes_the_members_connections()
    {
        var administration = Services.GetRequiredService<AdministrationService>();
        await administration.GrantAdministratorAsync(DemoData.Personas.Administrator, DemoData.Personas.NmtLead);
        await using var erik = await HubListener.SignInAsync(_url, DemoData.Personas.NmtLead);
        await erik.WatchAsync(await NmtThreadAsync(Services));

        await administration.RevokeAdministratorAsync(DemoData.Personas.Administrator, DemoData.Personas.NmtLead);

        await erik.Closed;
        await Should.ThrowAsync<HttpRequestException>(() => HubClients.ConnectAsync(_url, erik.Cookie));
    }

    [Fact]
    public async Task Signing_out_closes_the_members_connections_and_leaves_others_open()
    {
        var nmt = await NmtThreadAsync(Services);
        await using var karin = await HubListener.SignInAsync(_url, Karin);
        await using var erik = await HubListener.SignInAsync(_url, DemoData.Personas.NmtLead);
        await erik.WatchAsync(nmt);

        await SignKarinOutEverywhereAsync(Services);

        await karin.Closed;
        var posted = await Discussions.PostAsync(DemoData.Personas.NmtLead, nmt, "Erik är kvar.");
        (await erik.NextAsync()).PostId.ShouldBe(posted.PostId);
        erik.Connection.State.ShouldBe(HubConnectionState.Connected);
    }
}
