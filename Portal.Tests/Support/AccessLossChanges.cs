using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Members;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Support;

/// <summary>The changes that take access away from Karin Holm (police, member of NMT, not of the open
/// information network), each made through its real use case on the given node's services.</summary>
public static class AccessLossChanges
{
    public static readonly Guid Karin = DemoData.Personas.NmtPolice;
    public static readonly Guid KarinsOrganisation = DemoData.IdFor("org:polisen-noa");

    public static async Task<Guid> NmtThreadAsync(IServiceProvider services) =>
        (await services.GetRequiredService<DiscussionService>().ListThreadsAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt))
            .Single(t => t.Title == DemoData.Threads.NmtMethodSupport).Id;

    public static async Task<Guid> OpenNetworkThreadAsync(IServiceProvider services) =>
        (await services.GetRequiredService<DiscussionService>().ListThreadsAsync(DemoData.Personas.NgoMember, DemoData.Workspaces.InformationNetwork))
            .Single(t => t.Title == DemoData.Threads.OpenNetwork).Id;

    /// <summary>The NMT lead removes Karin from NMT.</summary>
    public static Task RemoveKarinFromNmtAsync(IServiceProvider services) =>
        services.GetRequiredService<WorkspaceService>().RemoveMemberAsync(DemoData.Personas.NmtLead, DemoData.Workspaces.Nmt, Karin, "Byter uppdrag.");

    /// <summary>The administrator makes the open information network closed: Karin, no member of it, loses it.</summary>
    public static async Task CloseInformationNetworkAsync(IServiceProvider services, WorkspaceVisibility to = WorkspaceVisibility.Closed)
    {
        var workspace = await services.GetRequiredService<WorkspaceService>().GetAsync(DemoData.Personas.Administrator, DemoData.Workspaces.InformationNetwork);
        await services.GetRequiredService<AdministrationService>().UpdateWorkspaceAsync(DemoData.Personas.Administrator, workspace.Id,
            new WorkspaceInput(workspace.Name, workspace.Kind, to, workspace.Purpose, workspace.Leads.Select(l => l.MemberId).ToList()));
    }

    public static Task DisableKarinsOrganisationAsync(IServiceProvider services) =>
        services.GetRequiredService<AdministrationService>().DisableOrganisationAsync(DemoData.Personas.Administrator, KarinsOrganisation);

    public static Task SignKarinOutEverywhereAsync(IServiceProvider services) =>
        services.GetRequiredService<SignInService>().EndSessionsAsync(Karin);
}
