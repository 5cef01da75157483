using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Directory;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.MethodSupport;

/// <summary>One request: what it asks, the replies, referrals and (for NMT) the notes, and the controls the
/// request's view says the member may use. Each change goes through the use case, which checks again.
/// Live: when the request or the desk changes, the page reads the request again through the use case — which
/// checks access again — so a member who was unassigned, unshared or taken off duty sees at once that it is no
/// longer available, and none of its text stays on the page. The event itself carries only the id.</summary>
public partial class SupportRequestPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private SupportRequestService Requests { get; set; } = default!;
    [Inject] private DirectoryService Directory { get; set; } = default!;
    [Inject] private SupportCaller Callers { get; set; } = default!;
    [Inject] private UserMessages Messages { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<SupportText> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SupportLiveText> LiveText { get; set; } = default!;

    private SupportRequestView? _request;
    private IReadOnlyList<SupportPerson> _team = [];
    private IReadOnlyCollection<Guid> _assignees = [];
    private Dictionary<string, string> _errors = [];
    private string? _reply;
    private string? _note;
    private OrganisationCard? _referTo;
    private string? _referContact;
    private string? _referOn;
    private string? _referReason;
    private PersonCard? _viewer;
    private string? _notFound;
    private string? _message;
    private string? _error;
    private bool _loaded;
    private bool _busy;

    protected override void OnInitialized()
    {
        Watch<SupportRequestChanged>(e => e.RequestId == Id, ReloadAsync);
        Watch<SupportDeskChanged>(_ => true, ReloadAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        await LoadAsync();
        _referOn = StockholmTime.Today(Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _loaded = true;
    }

    private async Task LoadAsync()
    {
        try
        {
            var caller = await Callers.GetAsync();
            _request = await Requests.GetAsync(caller, Id);
            if (_request.Can.Assign && _team.Count == 0)
                _team = await Requests.TeamAsync(caller);
            _assignees = _request.Assignees.Select(a => a.MemberId).ToList();
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _request = null;
            _notFound = Messages.For(exception);
        }
    }

    /// <summary>A live reload: what the member may still see, or — when the request has just been taken away
    /// from them — that it is no longer available, with nothing of it left on the page (nor in the forms).</summary>
    private async Task ReloadAsync()
    {
        var hadIt = _request is not null;
        await LoadAsync();
        if (hadIt && _request is null)
        {
            _notFound = LiveText["Request.NoLongerAvailable"];
            _message = null;
            _error = null;
            _errors = [];
            _reply = _note = _referContact = _referReason = null;
            _referTo = null;
            _viewer = null;
            _team = [];
        }
    }

    /// <summary>Runs a change, then shows the request as it now is; an error stays beside its field and what
    /// the member typed stays in the form.</summary>
    private async Task<bool> ChangeAsync(Func<Caller, Task> change, string done, IStringLocalizer? texts = null)
    {
        _errors = [];
        _error = null;
        _message = null;
        _busy = true;
        try
        {
            await change(await Callers.GetAsync());
            _message = (texts ?? Text)[done];
            await LoadAsync();
            return true;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            if (UserMessages.FieldOf(exception) is { } field)
                _errors[field] = Messages.For(exception);
            else
                _error = Messages.For(exception);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    private Task AssignAsync() => ChangeAsync(c => Requests.AssignAsync(c, Id, _assignees.ToList()), "Request.Assigned");

    private async Task ReplyAsync()
    {
        if (await ChangeAsync(c => Requests.ReplyAsync(c, Id, _reply), "Request.Replied"))
            _reply = null;
    }

    private async Task NoteAsync()
    {
        if (await ChangeAsync(c => Requests.NoteAsync(c, Id, _note), "Request.Noted"))
            _note = null;
    }

    private async Task ReferAsync()
    {
        if (_referTo is not { } organisation)
        {
            _errors = new() { ["support.referral.organisation"] = Text["Request.ReferToRequired"] };
            return;
        }
        if (!DateOnly.TryParseExact(_referOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referredOn))
        {
            _errors = new() { ["referredOn"] = Text["Request.DateInvalid"] };
            return;
        }
        if (await ChangeAsync(c => Requests.ReferAsync(c, Id, organisation.Id, _referContact, referredOn, _referReason), "Request.Referred"))
        {
            _referTo = null;
            _referContact = null;
            _referReason = null;
        }
    }

    private Task ConfirmSocialServicesAsync(bool involved) =>
        ChangeAsync(c => Requests.ConfirmSocialServicesAsync(c, Id, involved), "Request.SocialServicesConfirmed");

    private Task CloseAsync() => ChangeAsync(c => Requests.CloseAsync(c, Id), "Request.Closed");

    private async Task AddViewerAsync()
    {
        if (_viewer is not { } viewer)
            return;
        if (await ChangeAsync(c => Requests.AddViewerAsync(c, Id, viewer.Id), "Request.ViewerAdded"))
            _viewer = null;
    }

    private Task RemoveViewerAsync(Guid memberId) =>
        ChangeAsync(c => Requests.RemoveViewerAsync(c, Id, memberId), "Request.ViewerRemoved", LiveText);

    /// <summary>Enabled organisations of the directory whose name has every typed word (the use case refuses a
    /// disabled one anyway).</summary>
    private async Task<IEnumerable<OrganisationCard>> SearchOrganisationsAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var caller = await Callers.GetAsync();
        var found = await Directory.SearchOrganisationsAsync(caller.MemberId, new OrganisationQuery(text), cancellationToken);
        return found.Take(20);
    }

    private async Task<IEnumerable<PersonCard>> SearchPeopleAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var caller = await Callers.GetAsync();
        var page = await Directory.SearchPeopleAsync(caller.MemberId, new PeopleQuery(text), cancellationToken);
        return page.People.Take(20);
    }
}
