using Microsoft.AspNetCore.Components;
using Portal.Infrastructure.Features.Assignments;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;

namespace Portal.Web.Features.Assignments;

/// <summary>One assignment: the decision's facts, its parts with the activities serving each, and — for the
/// secretariat only, as the use case decides — its budget lines with the requisitions recorded.</summary>
public partial class AssignmentPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private AssignmentService Assignments { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;

    private AssignmentView? _view;
    private string? _notFound;
    private bool _loaded;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var caller = await Callers.GetAsync();
            _view = await Assignments.GetAsync(caller, Id);
            _notFound = T["Assignment.NotFound"];
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _notFound = Messages.For(exception);
        }
        _loaded = true;
    }
}
