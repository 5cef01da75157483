using Microsoft.AspNetCore.Components;
using Portal.Domain.Directory;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;

namespace Portal.Web.Features.Assignments;

/// <summary>Planning an activity (<c>/plan/activities/new?assignment=…&amp;year=…</c>) and changing its terms
/// (<c>/plan/activities/{id}/edit</c>): the secretariat's. The parts offered are the chosen assignment's; the
/// child-rights flag is inherited from an assignment that has it.</summary>
public partial class ActivityFormPage
{
    [Parameter] public Guid? Id { get; set; }
    [SupplyParameterFromQuery(Name = "assignment")] public Guid? AssignmentQuery { get; set; }
    [SupplyParameterFromQuery(Name = "year")] public int? YearQuery { get; set; }

    [Inject] private ActivityPlanService Plan { get; set; } = null!;
    [Inject] private AssignmentService Assignments { get; set; } = null!;
    [Inject] private AssignmentMenu Menu { get; set; } = null!;
    [Inject] private WorkspaceService Workspaces { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private ActivityFormModel _model = new();
    private IReadOnlyList<AssignmentSummary> _assignments = [];
    private IReadOnlyList<(Guid Id, string Name)> _workspaces = [];
    private IReadOnlyList<AssignmentPartView> _parts = [];
    private Dictionary<string, string> _errors = [];
    private bool _childRightsInherited;
    private long _expectedVersion;
    private string? _notAllowed;
    private string? _error;
    private bool _loaded;
    private bool _busy;

    private string PageTitle => Id is null ? T["Activity.NewTitle"] : T["Activity.EditTitle"];

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..140] + "…";

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _notAllowed = null;
        try
        {
            var caller = await Callers.GetAsync();
            if (!(await Menu.ForAsync(caller.MemberId)).IsSecretariat)
            {
                _notAllowed = T["Activity.NotAllowed"];
                _loaded = true;
                return;
            }
            _assignments = await Assignments.ListAsync(caller);
            _workspaces = (await Workspaces.ListMineAsync(caller.MemberId))
                .Select(w => (w.WorkspaceId, w.WorkspaceName)).OrderBy(w => w.WorkspaceName, StringComparer.CurrentCulture).ToList();
            if (Id is { } id)
            {
                var view = await Plan.GetAsync(caller, id);
                if (view is null)
                {
                    _notAllowed = T["Activity.NotFound"];
                    _loaded = true;
                    return;
                }
                _model = ActivityForms.From(view);
                _expectedVersion = view.Version;
                if (view.WorkspaceId is { } workspaceId && _workspaces.All(w => w.Id != workspaceId))
                    _workspaces = [.. _workspaces, (workspaceId, view.WorkspaceName ?? T["Activity.OtherWorkspace"])];
            }
            else
            {
                _model = ActivityFormModel.Starting(YearQuery ?? StockholmTime.Today(Clock).Year, AssignmentQuery);
            }
            await LoadPartsAsync(caller, keepChoice: true);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _notAllowed = Messages.For(exception);
        }
        _loaded = true;
    }

    private async Task AssignmentChangedAsync(Guid? assignmentId)
    {
        _model.AssignmentId = assignmentId;
        await LoadPartsAsync(await Callers.GetAsync(), keepChoice: false);
    }

    /// <summary>The chosen assignment's parts to choose among; the child-rights flag follows an assignment
    /// that has it (the domain keeps it on, the form says why it cannot be switched off).</summary>
    private async Task LoadPartsAsync(Caller caller, bool keepChoice)
    {
        if (!keepChoice)
            _model.PartIds.Clear();
        if (_model.AssignmentId is not { } assignmentId || await Assignments.GetAsync(caller, assignmentId) is not { } assignment)
        {
            _parts = [];
            _childRightsInherited = false;
            return;
        }
        _parts = assignment.Parts;
        _model.PartIds.IntersectWith(_parts.Select(p => p.Id));
        _childRightsInherited = assignment.ChildRights;
        if (assignment.ChildRights)
            _model.ChildRights = true;
    }

    private void TogglePart(Guid partId, bool on)
    {
        if (on)
            _model.PartIds.Add(partId);
        else
            _model.PartIds.Remove(partId);
    }

    private void ToggleForm(ExploitationForm form, bool on)
    {
        if (on)
            _model.ExploitationForms.Add(form);
        else
            _model.ExploitationForms.Remove(form);
    }

    private async Task SaveAsync()
    {
        _error = null;
        _errors = _model.Unreadable().ToDictionary(e => e.Key, e => T[e.Value].Value);
        if (_errors.Count > 0)
        {
            _error = T["Form.Error"];
            return;
        }
        _busy = true;
        try
        {
            var caller = await Callers.GetAsync();
            var draft = _model.ToDraft();
            if (Id is { } id)
            {
                await Plan.ChangeAsync(caller, id, draft, _expectedVersion);
                Navigation.NavigateTo(AssignmentLinks.Activity(id));
            }
            else
            {
                Navigation.NavigateTo(AssignmentLinks.Activity(await Plan.PlanAsync(caller, draft)));
            }
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            if (AssignmentFieldNames.Of(exception) is { } field)
                _errors[field] = Messages.For(exception);
            _error = _errors.Count > 0 ? T["Form.Error"] : Messages.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
