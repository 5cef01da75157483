using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Web.Account;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Meetings;

/// <summary>Scheduling a meeting (<c>/meetings/new?workspace=…</c>) and changing one
/// (<c>/meetings/{id}/edit?occurrence=…&amp;scope=occurrence|following|whole</c>). A refusal is shown beside
/// its field and the form keeps everything typed; the use case checks who may do it, the page only
/// decides what to offer.</summary>
public partial class MeetingFormPage
{
    [Parameter] public Guid? Id { get; set; }
    [SupplyParameterFromQuery(Name = "workspace")] public Guid? WorkspaceId { get; set; }
    [SupplyParameterFromQuery(Name = "occurrence")] public Guid? Occurrence { get; set; }
    [SupplyParameterFromQuery(Name = "scope")] public string? Scope { get; set; }

    [Inject] private MeetingService Meetings { get; set; } = null!;
    [Inject] private WorkspaceService Workspaces { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private MeetingFormModel _model = new();
    private Dictionary<string, string> _errors = [];
    private WorkspaceDetails? _workspace;
    private IReadOnlyList<Guid> _workspaceIds = [];
    private IReadOnlyList<PersonRef> _people = [];
    private IReadOnlyList<OrganisationRef> _organisations = [];
    private MeetingChangeScope _scope = MeetingChangeScope.Whole;
    private MeetingChangeScope[] _scopes = [MeetingChangeScope.Whole];
    private string? _occurrenceShown;
    private long _expectedVersion;
    private int? _previewCount;
    private IReadOnlyList<string> _previewNames = [];
    private string? _notAllowed;
    private string? _error;
    private bool _loaded;
    private bool _busy;

    private string PageTitle => Id is null ? T["New.PageTitle"] : T["Edit.PageTitle"];

    private IReadOnlyList<Guid> WorkspaceIds => _workspaceIds;

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _notAllowed = null;
        _error = null;
        _errors = [];
        try
        {
            var me = await Session.GetIdAsync();
            if (Id is { } meetingId)
                await LoadForChangeAsync(me, meetingId);
            else
                await LoadForScheduleAsync(me);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _notAllowed = Messages.For(exception);
        }
        _loaded = true;
        if (_notAllowed is null && _scope != MeetingChangeScope.Occurrence)
            await PreviewAsync();
    }

    private async Task LoadForScheduleAsync(Guid me)
    {
        if (WorkspaceId is not { } workspaceId)
        {
            _notAllowed = T["New.NoWorkspace"];
            return;
        }
        var workspace = await Workspaces.GetAsync(me, workspaceId);
        _workspace = workspace;
        if (!MeetingOffers.CanSchedule(workspace))
        {
            _notAllowed = T["New.NotAllowed"];
            return;
        }
        _workspaceIds = [workspaceId];
        TakePeople(workspace);
        _model = MeetingFormModel.Starting(StockholmTime.Today(Clock));
    }

    private async Task LoadForChangeAsync(Guid me, Guid meetingId)
    {
        var view = await Meetings.GetAsync(me, meetingId, Occurrence);
        if (!view.CanEdit)
        {
            _notAllowed = T["Edit.NotAllowed"];
            return;
        }
        _workspaceIds = view.WorkspaceIds;
        _workspace = await Workspaces.GetAsync(me, view.WorkspaceIds[0]);
        TakePeople(_workspace);
        _expectedVersion = view.Version;
        _model = MeetingFormModels.From(view);
        _occurrenceShown = Dates.Show(view.Occurrence.Start);
        // A single meeting has one occurrence: changing "it" is changing the whole.
        _scopes = view.IsSeries
            ? [MeetingChangeScope.Occurrence, MeetingChangeScope.Following, MeetingChangeScope.Whole]
            : [MeetingChangeScope.Whole];
        _scope = Enum.TryParse<MeetingChangeScope>(Scope, ignoreCase: true, out var scope) && _scopes.Contains(scope) ? scope : _scopes[0];
        if (_scope == MeetingChangeScope.Occurrence)
            _model.Take(view.LocalStart, view.LocalEnd);
    }

    private void TakePeople(WorkspaceDetails workspace)
    {
        _people = workspace.Roster?.Select(r => r.Person).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList() ?? [];
        _organisations = workspace.MemberOrganisations ?? [];
    }

    private void ScopeChanged(MeetingChangeScope scope) => _scope = scope;

    private string ScopeText(MeetingChangeScope scope) => scope switch
    {
        MeetingChangeScope.Occurrence => string.Format(T["Edit.Scope.Occurrence"], _occurrenceShown),
        MeetingChangeScope.Following => T["Edit.Scope.Following"],
        _ => T["Edit.Scope.Whole"],
    };

    private async Task PreviewAsync()
    {
        try
        {
            var preview = await Meetings.PreviewInviteesAsync(await Session.GetIdAsync(), _workspaceIds, MeetingFormModels.Selection(_model));
            _previewCount = preview.Count;
            _previewNames = preview.Names;
            _errors.Remove("invitees");
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _previewCount = null;
            _errors["invitees"] = Messages.For(exception);
        }
    }

    private async Task SaveAsync()
    {
        _error = null;
        _errors = _model.Unreadable(key => T[key]);
        if (_errors.Count > 0)
        {
            _error = T["Form.Error"];
            return;
        }
        _busy = true;
        try
        {
            var me = await Session.GetIdAsync();
            var draft = MeetingFormModels.ToDraft(_model, _workspaceIds, withRecurrence: _scope != MeetingChangeScope.Occurrence);
            if (Id is { } meetingId)
            {
                var shown = await Meetings.ChangeAsync(me, meetingId, Occurrence, _scope, draft, _expectedVersion);
                Navigation.NavigateTo(MeetingLinks.Page(shown, _scope == MeetingChangeScope.Whole ? null : Occurrence));
            }
            else
            {
                Navigation.NavigateTo(MeetingLinks.Page(await Meetings.ScheduleAsync(me, draft)));
            }
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            if (MeetingFieldNames.Of(exception) is { } field)
                _errors[field] = Messages.For(exception);
            _error = _errors.Count > 0 ? T["Form.Error"] : Messages.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
