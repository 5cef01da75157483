using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;
using Portal.Web.Resources;

namespace Portal.Web.Features.Assignments.Reports;

/// <summary>One report (<c>/reports/{id}</c>): a draft shows the figures as the portal has them now, with an
/// editor per section for the secretariat; a submitted report shows what was frozen and nothing can be edited.
/// Every change goes through <see cref="ReportService"/>, which checks again. Live: another writer's save or a
/// submission, and changes to the assignment's activities, reload it.</summary>
public partial class ReportPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ReportService Reports { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private IStringLocalizer<ReportText> T { get; set; } = null!;

    private ReportView? _report;
    private readonly Dictionary<string, string> _errors = [];
    private MudButton? _confirmButton;
    private string? _message;
    private string? _error;
    private bool _loaded;
    private bool _busy;
    private bool _confirming;
    private bool _focusConfirm;
    private Guid _watching;

    protected override async Task OnParametersSetAsync()
    {
        if (_watching != Id)
        {
            StopWatching();
            var id = Id;
            Watch<AssignmentReportChanged>(e => e.ReportId == id, LoadAsync);
            Watch<ActivityChanged>(e => _report is { IsSubmitted: false } report && e.AssignmentId == report.AssignmentId, LoadAsync);
            _watching = id;
            _loaded = false;
        }
        await LoadAsync();
        _loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusConfirm && _confirmButton is not null)
        {
            _focusConfirm = false;
            await _confirmButton.FocusAsync();
        }
    }

    private async Task LoadAsync() => _report = await Reports.GetAsync(await Callers.GetAsync(), Id);

    private string? TextOf(string key) => _report?.Texts.GetValueOrDefault(key);

    private async Task<bool> SaveTextAsync(string key, string? text)
    {
        if (_report is null)
            return false;
        _busy = true;
        _errors.Remove(key);
        _message = null;
        _error = null;
        try
        {
            await Reports.SaveTextAsync(await Callers.GetAsync(), _report.Id, key, text, _report.Version);
            await LoadAsync();
            _message = T["Page.Saved"];
            return true;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            // The editor stays open with what was typed; the reason stands beside it.
            _errors[key] = Messages.For(exception);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    private void AskToSubmit()
    {
        _confirming = true;
        _focusConfirm = true;
    }

    private async Task SubmitAsync()
    {
        if (_report is null)
            return;
        _busy = true;
        _message = null;
        _error = null;
        try
        {
            await Reports.SubmitAsync(await Callers.GetAsync(), _report.Id);
            _confirming = false;
            await LoadAsync();
            _message = T["Page.SubmittedDone"];
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _error = Messages.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
