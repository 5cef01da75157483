using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Meetings.Minutes;

public partial class MeetingAgendaPanel : LiveComponentBase
{
    [Parameter, EditorRequired] public required Guid MeetingId { get; set; }
    [Parameter, EditorRequired] public required Guid OccurrenceId { get; set; }

    [Inject] private MeetingAgendaService Agenda { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private IStringLocalizer<ErrorText> Errors { get; set; } = null!;

    private AgendaView? _view;
    private readonly ItemModel _model = new();
    private string? _deadline;
    private Dictionary<string, string> _errors = [];
    private string? _error;
    private bool _busy;
    private bool _proposed;
    private (Guid, Guid) _loadedFor;

    private sealed class ItemModel
    {
        public string? Title { get; set; }
        public int? Minutes { get; set; }
        public Guid? OwnerId { get; set; }
        public Guid? LinkTargetId { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (MeetingId, OccurrenceId))
            return;
        _loadedFor = (MeetingId, OccurrenceId);
        StopWatching();
        WatchLatest<MeetingChanged>(e => e.MeetingId == MeetingId, LoadAsync);
        await LoadAsync();
        if (_view is { DeadlineSet: true } view)
            _deadline = MeetingMinutesTime.ToLocal(view.ProposalDeadline).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Agenda.GetAsync(await Session.GetIdAsync(), MeetingId, OccurrenceId);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _error = Messages.For(exception);
        }
    }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private string LinkLabel(AgendaView view, Guid? id) =>
        view.LinkOptions.FirstOrDefault(o => o.TargetId == id) is { } option ? string.Format(T[$"Agenda.Link.{option.Kind}"], option.Title) : "";

    private Task AddAsync()
    {
        var view = _view!;
        var link = view.LinkOptions.FirstOrDefault(o => o.TargetId == _model.LinkTargetId) is { } option
            ? new AgendaLink(option.Kind, option.TargetId)
            : null;
        return RunAsync(async me =>
        {
            _proposed = false;
            if (view.CanEdit)
                await Agenda.AddAsync(me, MeetingId, OccurrenceId, _model.Title, _model.OwnerId, _model.Minutes, link);
            else
            {
                await Agenda.ProposeAsync(me, MeetingId, OccurrenceId, _model.Title, _model.Minutes, link);
                _proposed = true;
            }
            _model.Title = null;
            _model.Minutes = null;
            _model.OwnerId = null;
            _model.LinkTargetId = null;
        });
    }

    private Task DecideAsync(AgendaItemView item, bool accept) =>
        RunAsync(me => Agenda.DecideAsync(me, MeetingId, OccurrenceId, item.Id, accept));

    private Task MoveAsync(AgendaItemView item, int step) =>
        RunAsync(me => Agenda.MoveAsync(me, MeetingId, OccurrenceId, item.Id, step));

    private Task RemoveAsync(AgendaItemView item) =>
        RunAsync(me => Agenda.RemoveAsync(me, MeetingId, OccurrenceId, item.Id));

    private Task SaveDeadlineAsync()
    {
        if (MinutesDays.ParseLocal(_deadline) is not { } local)
        {
            _errors = new() { ["deadline"] = Errors["meeting.agenda.deadline.invalid"] };
            return Task.CompletedTask;
        }
        return RunAsync(me => Agenda.SetDeadlineAsync(me, MeetingId, OccurrenceId, local));
    }

    private Task ClearDeadlineAsync() => RunAsync(async me =>
    {
        await Agenda.SetDeadlineAsync(me, MeetingId, OccurrenceId, null);
        _deadline = null;
    });

    private async Task RunAsync(Func<Guid, Task> change)
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
            if (MinutesFields.Of(exception) is { } field)
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
