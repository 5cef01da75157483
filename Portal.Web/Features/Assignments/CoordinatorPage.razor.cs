using Microsoft.AspNetCore.Components;
using Portal.Domain.Assignments;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Web.Components.Shared;
using Portal.Web.Features.MethodSupport;

namespace Portal.Web.Features.Assignments;

/// <summary>The coordinator's year at a glance: the plan's activities by status, deadlines ahead, and — only
/// for those the figures' own use cases let see them — method-support requests per quarter and trainings
/// held with their participants. Each chart has its table beside it for screen readers and for the numbers.</summary>
public partial class CoordinatorPage
{
    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }

    [Inject] private ActivityPlanService Plan { get; set; } = null!;
    [Inject] private AssignmentDeadlineService Deadlines { get; set; } = null!;
    [Inject] private AssignmentMenu Menu { get; set; } = null!;
    [Inject] private AssignmentOptions Options { get; set; } = null!;
    [Inject] private SupportFiguresService SupportFigures { get; set; } = null!;
    [Inject] private TrainingFiguresService TrainingFigures { get; set; } = null!;
    [Inject] private SupportFigureLabels Labels { get; set; } = null!;
    [Inject] private SupportCaller Callers { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private static readonly ActivityStatus[] Statuses = Enum.GetValues<ActivityStatus>();

    private AssignmentMenuStanding _standing = AssignmentMenuStanding.None;
    private int _year;
    private string[] _statusLabels = [];
    private double[] _statusCounts = [];
    private IReadOnlyList<DeadlineItem> _deadlines = [];
    private string[] _quarterLabels = [];
    private int?[]? _supportQuarters;
    private TrainingFigures? _trainings;
    private bool _loaded;

    protected override async Task OnParametersSetAsync()
    {
        var today = StockholmTime.Today(Clock);
        _year = Year is >= PlannedActivity.MinYear and <= PlannedActivity.MaxYear ? Year.Value : today.Year;
        var caller = await Callers.GetAsync();
        _standing = await Menu.ForAsync(caller.MemberId);
        if (_standing.ShowsEntry)
        {
            var rows = await Plan.ListAsync(caller, new PlanFilter(_year));
            var statuses = Statuses;
            _statusLabels = statuses.Select(s => T[$"Status.{s}"].Value).ToArray();
            _statusCounts = statuses.Select(s => (double)rows.Count(r => r.Status == s)).ToArray();
            _deadlines = (await Deadlines.OverviewAsync(caller, today, Options.DeadlineNoticeDays)).OrderBy(d => d.Date).Take(10).ToList();
            await LoadSupportAsync(caller);
            await LoadTrainingsAsync(caller);
        }
        _loaded = true;
    }

    /// <summary>The figures' use case decides who sees them (the NMT team); anyone else gets no chart at all,
    /// not an empty one.</summary>
    private async Task LoadSupportAsync(Portal.Infrastructure.Auditing.Caller caller)
    {
        try
        {
            var figures = await SupportFigures.FiguresAsync(caller, _year);
            var table = figures.Tables[0];
            var quarters = table.Rows.Where(r => r.Period != Portal.Infrastructure.Features.MethodSupport.SupportFigures.YearPeriod).ToList();
            _quarterLabels = quarters.Select(r => Labels.Of(null, r.Period)).ToArray();
            _supportQuarters = quarters.Select(r => r.Total).ToArray();
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _supportQuarters = null;
        }
    }

    private async Task LoadTrainingsAsync(Portal.Infrastructure.Auditing.Caller caller)
    {
        try
        {
            _trainings = await TrainingFigures.ForYearAsync(caller.MemberId, _year);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _trainings = null;
        }
    }
}
