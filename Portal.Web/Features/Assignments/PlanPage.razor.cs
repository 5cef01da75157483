using Microsoft.AspNetCore.Components;
using Portal.Domain.Assignments;
using Portal.Domain.Directory;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Assignments;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;

namespace Portal.Web.Features.Assignments;

/// <summary>The activity plan of a year, as a timeline by month or as a sortable table. Every filter lives
/// in the address (<c>/plan?year=2026&amp;view=table&amp;assignment=…&amp;owner=…&amp;status=…&amp;form=…&amp;child=…</c>)
/// so a filtered plan can be bookmarked and sent; the use case shows only what the member may see.</summary>
public partial class PlanPage
{
    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }
    [SupplyParameterFromQuery(Name = "view")] public string? View { get; set; }
    [SupplyParameterFromQuery(Name = "assignment")] public Guid? AssignmentId { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] public Guid? OwnerId { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "form")] public string? Form { get; set; }
    [SupplyParameterFromQuery(Name = "child")] public bool? Child { get; set; }

    [Inject] private ActivityPlanService Plan { get; set; } = null!;
    [Inject] private AssignmentService Assignments { get; set; } = null!;
    [Inject] private AssignmentMenu Menu { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private IReadOnlyList<PlanRow> _rows = [];
    private IReadOnlyList<AssignmentSummary> _assignments = [];
    private IReadOnlyList<(Guid Id, string Name)> _owners = [];
    private int _year;
    private bool _table;
    private bool _secretariat;
    private string? _error;
    private bool _loaded;

    private ActivityStatus? StatusFilter => Enum.TryParse<ActivityStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;

    private ExploitationForm? FormFilter => Enum.TryParse<ExploitationForm>(Form, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : null;

    private bool? ChildFilter => Child;

    private IEnumerable<int> Years
    {
        get
        {
            var now = StockholmTime.Today(Clock).Year;
            return Enumerable.Range(now - 3, 5).Append(_year).Distinct().Order().Reverse();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _year = Year is >= PlannedActivity.MinYear and <= PlannedActivity.MaxYear ? Year.Value : StockholmTime.Today(Clock).Year;
        _table = string.Equals(View, "table", StringComparison.OrdinalIgnoreCase);
        _error = null;
        try
        {
            var caller = await Callers.GetAsync();
            _secretariat = (await Menu.ForAsync(caller.MemberId)).IsSecretariat;
            _assignments = await Assignments.ListAsync(caller);
            // The owners to filter by are those of the year's whole plan, not only of the rows shown.
            var year = await Plan.ListAsync(caller, new PlanFilter(_year));
            _owners = year.Select(r => (r.OwnerId, r.OwnerName)).Distinct().OrderBy(o => o.OwnerName, StringComparer.CurrentCulture).ToList();
            _rows = await Plan.ListAsync(caller, new PlanFilter(_year, AssignmentId, OwnerId, StatusFilter, FormFilter, ChildFilter));
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _rows = [];
            _error = Messages.For(exception);
        }
        _loaded = true;
    }

    /// <summary>A changed filter is a new address: the page reads its filters from there.</summary>
    private void Go(int? year = null, string? view = null, Guid? assignment = null, bool clearAssignment = false, Guid? owner = null,
        bool clearOwner = false, ActivityStatus? status = null, bool clearStatus = false, ExploitationForm? form = null, bool clearForm = false,
        bool? child = null, bool clearChild = false)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["year"] = year ?? _year,
            ["view"] = view ?? (_table ? "table" : "timeline"),
            ["assignment"] = clearAssignment ? null : assignment ?? AssignmentId,
            ["owner"] = clearOwner ? null : owner ?? OwnerId,
            ["status"] = clearStatus ? null : (status ?? StatusFilter)?.ToString(),
            ["form"] = clearForm ? null : (form ?? FormFilter)?.ToString(),
            ["child"] = clearChild ? null : child ?? ChildFilter,
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(AssignmentLinks.Plan, parameters));
    }
}
