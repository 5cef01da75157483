using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;

namespace Portal.Web.Features.Meetings;

/// <summary>Between the form's texts and the use case's records: the draft to send (once every text could
/// be read, see <see cref="MeetingFormModel.Unreadable"/>), and a form filled from a meeting to change.</summary>
public static class MeetingFormModels
{
    public static InviteeSelection Selection(MeetingFormModel model) =>
        new(model.WholeWorkspaces, model.MemberIds.ToList(), model.OrganisationIds.ToList());

    /// <summary>The draft; the recurrence's own rules (count, interval) may refuse here already, with the
    /// same codes the use case would give.</summary>
    public static MeetingDraft ToDraft(MeetingFormModel model, IReadOnlyList<Guid> workspaceIds, bool withRecurrence) => new(
        model.Kind,
        model.Title,
        model.Description,
        workspaceIds,
        model.LocalStart ?? throw new InvalidOperationException("Check Unreadable first."),
        model.LocalEnd ?? throw new InvalidOperationException("Check Unreadable first."),
        Blank(model.Address),
        Blank(model.OnlineLink),
        withRecurrence ? Recurrence(model) : null,
        Selection(model),
        model.Kind == MeetingKind.Training ? MeetingFormModel.ParseCount(model.Seats) : null,
        model.SecretaryId);

    public static MeetingRecurrence? Recurrence(MeetingFormModel model)
    {
        int? count = model.EndsByCount ? MeetingFormModel.ParseCount(model.Count) : null;
        DateOnly? until = model.EndsByCount ? null : MeetingFormModel.ParseDay(model.Until);
        return model.Repeat switch
        {
            RepeatChoice.Weekly => MeetingRecurrence.Weekly(1, count, until),
            RepeatChoice.EveryOtherWeek => MeetingRecurrence.Weekly(2, count, until),
            RepeatChoice.Monthly => MeetingRecurrence.Monthly(model.WeekOfMonth, count, until),
            _ => null,
        };
    }

    /// <summary>The form for a meeting being changed: its series' pattern (first start, duration, rule) and
    /// what it is; the page puts the shown occurrence's own times in when only that occurrence changes.</summary>
    public static MeetingFormModel From(MeetingView view, DateOnly today)
    {
        var start = view.SeriesStartLocal;
        var end = start.AddMinutes(view.DurationMinutes);
        var model = new MeetingFormModel
        {
            Kind = view.Kind,
            Title = view.Title,
            Description = view.Description,
            Address = view.Address,
            OnlineLink = view.OnlineLink,
            Seats = view.Seats?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SecretaryId = view.Secretary?.MemberId,
            Until = MeetingFormModel.Day(today.AddMonths(6)),
        };
        model.Take(start, end);
        if (view.Recurrence is { } rule)
        {
            model.Repeat = rule.Frequency == RecurrenceFrequency.Monthly ? RepeatChoice.Monthly
                : rule.Interval == 2 ? RepeatChoice.EveryOtherWeek : RepeatChoice.Weekly;
            model.WeekOfMonth = rule.WeekOfMonth ?? 1;
            model.EndsByCount = rule.Count is not null;
            if (rule.Count is { } count)
                model.Count = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (rule.Until is { } until)
                model.Until = MeetingFormModel.Day(until);
        }
        return model;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
