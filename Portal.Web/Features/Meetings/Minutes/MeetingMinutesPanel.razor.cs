using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Meetings.Minutes;

public partial class MeetingMinutesPanel : LiveComponentBase
{
    [Parameter, EditorRequired] public required Guid MeetingId { get; set; }
    [Parameter, EditorRequired] public required Guid OccurrenceId { get; set; }

    [Inject] private MeetingMinutesService Minutes { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private IStringLocalizer<ErrorText> Errors { get; set; } = null!;

    private MinutesView? _view;
    private string? _draft;
    private long _draftVersion;
    private string? _decision;
    private readonly ActionModel _action = new();
    private Dictionary<string, string> _errors = [];
    private string? _error;
    private bool _busy;
    private bool _saved;
    private (Guid, Guid) _loadedFor;

    private sealed class ActionModel
    {
        public string? Text { get; set; }
        public Guid? AssigneeId { get; set; }
        public string? Due { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (MeetingId, OccurrenceId))
            return;
        _loadedFor = (MeetingId, OccurrenceId);
        StopWatching();
        WatchLatest<MeetingChanged>(e => e.MeetingId == MeetingId, LoadAsync);
        _draft = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Minutes.GetAsync(await Session.GetIdAsync(), MeetingId, OccurrenceId);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _error = Messages.For(exception);
        }
    }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private MudBlazor.MudTextField<string>? _textField;
    private bool _focusText;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The button that opened the editor is gone: the focus goes into the text, not back to the top of the page.
        if (_focusText && _textField is not null)
        {
            _focusText = false;
            await _textField.FocusAsync();
        }
    }

    private void OpenText()
    {
        _focusText = true;
        _draft = _view?.Text ?? "";
        _draftVersion = _view?.Version ?? 0;
        _saved = false;
        _errors = [];
    }

    private Task SaveTextAsync() => RunAsync(async me =>
    {
        await Minutes.WriteAsync(me, MeetingId, OccurrenceId, _draftVersion, _draft);
        _draft = null;
        _saved = true;
    }, "text");

    private Task AttendanceAsync(AttendanceRow row, bool present) =>
        RunAsync(me => Minutes.RecordAttendanceAsync(me, MeetingId, OccurrenceId, row.Person.MemberId, present), null);

    private Task AddDecisionAsync() => RunAsync(async me =>
    {
        await Minutes.AddDecisionAsync(me, MeetingId, OccurrenceId, _decision);
        _decision = null;
    }, "decision");

    private Task RemoveDecisionAsync(DecisionView decision) =>
        RunAsync(me => Minutes.RemoveDecisionAsync(me, MeetingId, OccurrenceId, decision.Id), null);

    private Task AddActionAsync()
    {
        _errors = [];
        if (_action.AssigneeId is not { } assignee)
        {
            _errors["assignee"] = Errors["meeting.action.assignee.invalid"];
            return Task.CompletedTask;
        }
        if (MinutesDays.Parse(_action.Due) is not { } due)
        {
            _errors["dueOn"] = Errors["meeting.action.due.invalid"];
            return Task.CompletedTask;
        }
        return RunAsync(async me =>
        {
            await Minutes.AddActionItemAsync(me, MeetingId, OccurrenceId, _action.Text, assignee, due);
            _action.Text = null;
            _action.AssigneeId = null;
            _action.Due = null;
        }, "actionText");
    }

    private Task RemoveActionAsync(ActionItemView item) =>
        RunAsync(me => Minutes.RemoveActionItemAsync(me, MeetingId, OccurrenceId, item.Id), null);

    private Task DoneAsync(ActionItemView item, bool done) =>
        RunAsync(me => Minutes.MarkDoneAsync(me, MeetingId, item.Id, done), null);

    /// <summary>Runs a change and reloads; a refusal goes beside its field (or above the panel), and what was
    /// typed stays in the fields.</summary>
    private async Task RunAsync(Func<Guid, Task> change, string? defaultField)
    {
        _busy = true;
        _error = null;
        _errors = [];
        try
        {
            await change(await Session.GetIdAsync());
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            var field = MinutesFields.Of(exception) ?? (exception is Portal.Domain.Common.DomainRuleException ? defaultField : null);
            if (field is not null && exception is Portal.Domain.Common.DomainRuleException { Code: not MeetingMinutesWrites.ChangedConcurrently })
                _errors[field] = Messages.For(exception);
            else
                _error = Messages.For(exception);
            return;
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }
}
