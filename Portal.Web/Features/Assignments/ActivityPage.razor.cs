using Microsoft.AspNetCore.Components;
using Portal.Infrastructure.Features.Assignments;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;

namespace Portal.Web.Features.Assignments;

/// <summary>One planned activity: its terms, its progress (the owner's and the secretariat's to update) and
/// what it produced (links to meetings, documents, method-support requests and threads).</summary>
public partial class ActivityPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ActivityPlanService Plan { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;

    private ActivityView? _view;
    private string? _notFound;
    private bool _loaded;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _view = await Plan.GetAsync(await Callers.GetAsync(), Id);
            _notFound = T["Activity.NotFound"];
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _notFound = Messages.For(exception);
        }
        _loaded = true;
    }
}
