using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Directory;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;
using Portal.Web.Resources;

namespace Portal.Web.Features.Assignments;

/// <summary>Registering a government assignment (<c>/assignments/new</c>) and changing one
/// (<c>/assignments/{id}/edit</c>). A refusal is shown beside its field and the form keeps everything typed;
/// the use case decides who may do it, the page only what to offer.</summary>
public partial class AssignmentFormPage
{
    [Parameter] public Guid? Id { get; set; }

    [Inject] private AssignmentService Assignments { get; set; } = null!;
    [Inject] private AssignmentMenu Menu { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private AssignmentFormModel _model = new();
    private Dictionary<string, string> _errors = [];
    private OrganisationCard? _partnerToAdd;
    private long _expectedVersion;
    private string? _notAllowed;
    private string? _error;
    private bool _loaded;
    private bool _busy;

    private string PageTitle => Id is null ? T["Form.NewTitle"] : T["Form.EditTitle"];

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _notAllowed = null;
        try
        {
            var caller = await Callers.GetAsync();
            if (Id is { } id)
            {
                var view = await Assignments.GetAsync(caller, id);
                if (view is null)
                    _notAllowed = T["Assignment.NotFound"];
                else if (!view.CanEdit)
                    _notAllowed = T["Form.NotAllowed"];
                else
                {
                    _model = AssignmentForms.From(view);
                    _expectedVersion = view.Version;
                }
            }
            else if (!(await Menu.ForAsync(caller.MemberId)).IsSecretariat)
                _notAllowed = T["Form.NotAllowed"];
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _notAllowed = Messages.For(exception);
        }
        _loaded = true;
    }

    private void AddPartner(OrganisationCard? organisation)
    {
        // The picker empties itself again so the next partner can be typed at once.
        _partnerToAdd = null;
        if (organisation is not null && _model.Partners.All(p => p.Id != organisation.Id))
            _model.Partners.Add(new PartnerChoice(organisation.Id, organisation.Name));
    }

    private void RemovePartner(PartnerChoice partner) => _model.Partners.Remove(partner);

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
                await Assignments.ChangeAsync(caller, id, draft, _expectedVersion);
                Navigation.NavigateTo(AssignmentLinks.Page(id));
            }
            else
            {
                Navigation.NavigateTo(AssignmentLinks.Page(await Assignments.RegisterAsync(caller, draft)));
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
