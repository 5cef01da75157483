using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;

namespace Portal.Web.Hosting;

/// <summary>What the portal's components need besides the use cases of AddPortalInfrastructure. The
/// portal and the bUnit tests both register through here, so a feature's new service reaches both.</summary>
public static class ComponentServices
{
    public static IServiceCollection AddPortalComponents(this IServiceCollection services,
        Action<MudServicesConfiguration>? mudBlazor = null)
    {
        services.AddLocalization();
        if (mudBlazor is null)
            services.AddMudServices();
        else
            services.AddMudServices(mudBlazor);
        // MudBlazor's own texts (clear, close, pagination…) in the member's language.
        services.Replace(ServiceDescriptor.Transient<MudBlazor.MudLocalizer, PortalMudLocalizer>());
        // Directory search matches exploitation forms and counties by their names in both languages.
        services.Replace(ServiceDescriptor.Singleton<Portal.Infrastructure.Features.Directory.ITermNames, Portal.Web.Features.Directory.ResourceTermNames>());
        services.AddScoped<UserMessages>();
        services.AddScoped<MemberSession>();
        services.AddScoped<RevalidatedMember>();
        // Live components catch up after a reconnect through this circuit handler.
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitConnection>());
        // …and re-load, or give way to the sign-in, when their member loses access (ADR 0018).
        services.TryAddSingleton<MemberCircuits>();
        services.AddScoped<CircuitSession>();
        services.AddScoped<CircuitAccess>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitAccess>());
        // Where the member connects from, for the audit of method-support requests (captured when the circuit connects).
        services.AddHttpContextAccessor();
        services.AddScoped<ConnectionAddress>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<ConnectionAddress>());
        services.AddScoped<Portal.Web.Features.MethodSupport.SupportCaller>();
        services.AddScoped<Portal.Web.Features.MethodSupport.SupportFigureLabels>();
        // The parts of a workspace's own navigation (ADR 0021); a feature adds its part here.
        Portal.Web.Features.Workspaces.Sections.WorkspaceSections.AddWorkspaceSections(services);
        return services;
    }
}
