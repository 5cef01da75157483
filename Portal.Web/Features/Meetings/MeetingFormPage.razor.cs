using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Workspaces;
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
    private MeetingView? _view;
    private Dictionary<string, string> _errors = [];
    private WorkspaceDetails? _workspace;
    private IReadOnlyList<Guid> _workspaceIds = [];
    private IReadOnlyList<PersonRef> _people = [];
    private IReadOnlyList<OrganisationRef> _organisations = [];
    private IReadOnlyList<MyWorkspaceStanding> _otherWorkspaces = [];
    private readonly HashSet<Guid> _alsoIn = [];
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
        if (_notAllowed is null)
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
        // A meeting may also belong to other workspaces the member leads (the policy wants a lead of each).
        _otherWorkspaces = (await Workspaces.ListMineAsync(me))
            .Where(s => s.WorkspaceId != workspaceId && s.Membership is { Status: MembershipStatus.Active, Role: MembershipRole.Lead })
            .OrderBy(s => s.WorkspaceName, StringComparer.CurrentCulture).ToList();
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
        _workspaceIds = view.Workspaces.Select(w => w.WorkspaceId).ToList();
        _workspace = await Workspaces.GetAsync(me, _workspaceIds[0]);
        TakePeople(_workspace);
        _expectedVersion = view.Version;
        _model = MeetingFormModels.From(view, StockholmTime.Today(Clock));
        TakeInvitees(view);
        _occurrenceShown = MeetingTimes.Span(view.Occurrence.Start, view.Occurrence.End);
        // A single meeting has one occurrence: changing "it" is changing the whole.
        _scopes = view.IsSeries
            ? [MeetingChangeScope.Occurrence, MeetingChangeScope.Following, MeetingChangeScope.Whole]
            : [MeetingChangeScope.Whole];
        _scope = Enum.TryParse<MeetingChangeScope>(Scope, ignoreCase: true, out var scope) && _scopes.Contains(scope) ? scope : _scopes[0];
        _view = view;
        TakeTimesFor(_scope);
    }

    /// <summary>The whole series is changed from its first start; one occurrence, or a new series from
    /// it onwards, from that occurrence's own start.</summary>
    private void TakeTimesFor(MeetingChangeScope scope)
    {
        if (_view is not { } view)
            return;
        if (scope == MeetingChangeScope.Whole)
            _model.Take(view.SeriesStartLocal, view.SeriesStartLocal.AddMinutes(view.DurationMinutes));
        else
            _model.Take(Local(view.Occurrence.Start), Local(view.Occurrence.End));
    }

    /// <summary>A change sends the invitees again (the use case resolves them anew), so the form starts from
    /// the meeting's own: every invitee is in the editors' replies. When they are exactly the home
    /// workspace's members, "the whole workspace" is what was meant.</summary>
    private void TakeInvitees(MeetingView view)
    {
        var invited = view.RepliesByOrganisation.SelectMany(o => o.Replies).Select(r => r.Member.MemberId).ToHashSet();
        _model.WholeWorkspaces = _workspaceIds.Count == 1 && invited.SetEquals(_people.Select(p => p.MemberId));
        _model.MemberIds.Clear();
        if (!_model.WholeWorkspaces)
            _model.MemberIds.UnionWith(invited);
    }

    private static DateTime Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, StockholmTime.Zone).DateTime;

    private void TakePeople(WorkspaceDetails workspace)
    {
        _people = workspace.Roster?.Select(r => r.Person).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList() ?? [];
        _organisations = workspace.MemberOrganisations ?? [];
    }

    private async Task AlsoInChanged(Guid workspaceId, bool on)
    {
        if (on)
            _alsoIn.Add(workspaceId);
        else
            _alsoIn.Remove(workspaceId);
        _workspaceIds = [WorkspaceId!.Value, .. _otherWorkspaces.Where(w => _alsoIn.Contains(w.WorkspaceId)).Select(w => w.WorkspaceId)];
        await PreviewAsync();
    }

    private void ScopeChanged(MeetingChangeScope scope)
    {
        _scope = scope;
        TakeTimesFor(scope);
    }

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
            _previewNames = preview.FirstMembers.Select(m => m.Name).ToList();
            // Said before saving: the use case refuses more than Meeting.MaxInvitees with the same text.
            if (preview.TooMany)
                _errors["invitees"] = Messages.For(new DomainRuleException("meeting.invitees.too-many", "invitees"));
            else
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
                // The occurrence the page showed (the next one when the address named none).
                var occurrenceId = _view?.Occurrence.OccurrenceId;
                var shown = await Meetings.ChangeAsync(me, meetingId, occurrenceId, _scope, draft, _expectedVersion);
                // "Following" lives in a new series with occurrences of its own.
                Navigation.NavigateTo(MeetingLinks.Page(shown, _scope == MeetingChangeScope.Occurrence ? occurrenceId : null));
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
