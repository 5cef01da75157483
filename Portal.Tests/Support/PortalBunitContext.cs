using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Web.Account;
using Portal.Web.Hosting;

namespace Portal.Tests.Support;

/// <summary>bUnit context for the portal's components: MudBlazor's services, localisation, and the
/// real use cases on a real SQLite database filled with demo data, signed in as a chosen member.</summary>
public abstract class PortalBunitContext : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>The UI language for the test; Swedish unless a test says otherwise.</summary>
    protected virtual string Culture => "sv";

    protected PortalBunitContext()
    {
        // Set here, not in InitializeAsync: a culture set inside an async method is undone when it
        // returns, so the test itself would run in the machine's culture.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Culture);
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The components' own services as the portal registers them; every use case (and the clock
        // and event bus) from the test database's container, the same instances the test itself uses.
        Services.AddPortalComponents(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddFallbackServiceProvider(Database.Services);
        // Services the components' own services are built with come from bUnit's container itself
        // (the fallback answers only what a component injects): the same bus instance.
        Services.AddSingleton(Database.Get<Portal.Infrastructure.Events.IEventBus>());
    }

    /// <summary>Signs the test in as a member (a persona from the demo data, usually).</summary>
    protected void SignInAs(Guid memberId, string name = "Test")
    {
        // One authorization context per test, so a test may switch member after a render (a lead
        // acts, then the requester looks): services cannot be added once something has rendered.
        if (_authorization is null)
        {
            _authorization = AddAuthorization();
            // Components render as in a live circuit (live pages subscribe only when interactive).
            // After the last service is added: it builds the renderer.
            SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        }
        _authorization.SetAuthorized(name);
        _authorization.SetClaims(new Claim(PortalClaims.MemberId, memberId.ToString()));
    }

    private BunitAuthorizationContext? _authorization;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
