using Microsoft.AspNetCore.Components;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Features.Meetings;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Meetings.Minutes;

public partial class TrainingParticipantsPanel : LiveComponentBase
{
    [Parameter, EditorRequired] public required Guid MeetingId { get; set; }
    [Parameter, EditorRequired] public required Guid OccurrenceId { get; set; }

    [Inject] private TrainingParticipantService Participants { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;

    private TrainingParticipantsView? _view;
    private readonly OutsideModel _outside = new();
    private Dictionary<string, string> _errors = [];
    private string? _error;
    private bool _busy;
    private (Guid, Guid) _loadedFor;

    private sealed class OutsideModel
    {
        public string? Name { get; set; }
        public string? Organisation { get; set; }
        public int Count { get; set; } = 1;
        public ParticipantOrganisationKind Kind { get; set; } = ParticipantOrganisationKind.Municipality;
        public County? County { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (MeetingId, OccurrenceId))
            return;
        _loadedFor = (MeetingId, OccurrenceId);
        StopWatching();
        WatchLatest<MeetingChanged>(e => e.MeetingId == MeetingId, LoadAsync);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Participants.GetAsync(await Session.GetIdAsync(), MeetingId, OccurrenceId);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _error = Messages.For(exception);
        }
    }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The portal's own organisation kinds keep their shared names; businesses and "other" are this part's.</summary>
    private string KindName(ParticipantOrganisationKind kind) => (int)kind < 20
        ? Terms[$"OrganisationKind.{(OrganisationKind)(int)kind}"]
        : T[$"Kind.{kind}"];

    private Task RegisterAsync() => RunAsync(me => Participants.RegisterAsync(me, MeetingId, OccurrenceId));

    private Task UnregisterAsync() => RunAsync(me => Participants.UnregisterAsync(me, MeetingId, OccurrenceId));

    private Task AttendedAsync(RegistrationView registration, bool attended) =>
        RunAsync(me => Participants.MarkAttendedAsync(me, MeetingId, OccurrenceId, registration.Person.MemberId, attended));

    private Task OutsideAttendedAsync(OutsideParticipantView participant, bool came) =>
        RunAsync(me => Participants.MarkOutsideAttendedAsync(me, MeetingId, OccurrenceId, participant.Id, came));

    private Task RemoveOutsideAsync(OutsideParticipantView participant) =>
        RunAsync(me => Participants.RemoveOutsideAsync(me, MeetingId, OccurrenceId, participant.Id));

    private Task AddOutsideAsync() => RunAsync(async me =>
    {
        await Participants.AddOutsideAsync(me, MeetingId, OccurrenceId,
            new OutsideParticipantDraft(_outside.Name, _outside.Organisation, _outside.Kind, _outside.County, _outside.Count));
        _outside.Name = null;
        _outside.Count = 1;
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
