using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using static Portal.Tests.Infrastructure.Meetings.MeetingMinutesScenario;

namespace Portal.Tests.Infrastructure.Meetings;

/// <summary>Minutes, decisions and action items through the use cases on each database: who may write and read
/// them, the action item on the assignee's home and its overdue flag, concurrency, bad input and search.</summary>
public abstract class MeetingMinutesServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Friday 27 November 2026, 08:00 in Stockholm; the meeting is on Tuesday 1 December at 09:00.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
    private static readonly DateTime MeetingStart = new(2026, 12, 1, 9, 0, 0);
    private TestDatabase _database = null!;

    private MeetingMinutesService Minutes => _database.Get<MeetingMinutesService>();
    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<(Guid MeetingId, Guid OccurrenceId)> ScheduleAsync(Guid? secretary = null) =>
        MeetingMinutesScenario.ScheduleAsync(_database.Contexts, MeetingStart, secretary: secretary);

    private async Task<int> NotificationsAsync(Guid memberId, string kind)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        // Not about the demo data's meetings (its minutes have action items for NMT's members too).
        var demo = db.Meetings.Where(m => DemoMeetings.Contains(m.Title)).Select(m => m.Id);
        return await db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == kind && !demo.Contains(n.SubjectId));
    }

    private static readonly string[] DemoMeetings =
    [
        Portal.Infrastructure.Seeding.DemoData.Meetings.NmtWeekly, Portal.Infrastructure.Seeding.DemoData.Meetings.LampNetworkDay,
        Portal.Infrastructure.Seeding.DemoData.Meetings.RegionalMonthly, Portal.Infrastructure.Seeding.DemoData.Meetings.Training,
        Portal.Infrastructure.Seeding.DemoData.Meetings.PastTraining,
    ];

    /// <summary>The member's open action items from this test's meeting (the demo data has some of its own).</summary>
    private async Task<List<MyActionItem>> MineHereAsync(Guid memberId, Guid meetingId) =>
        (await Minutes.MineAsync(memberId)).Where(i => i.MeetingId == meetingId).ToList();

    [Fact]
    public async Task Minutes_with_an_action_item_reach_the_assignee_who_marks_it_done()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync();
        var view = await Minutes.GetAsync(Erik, meetingId, occurrenceId);
        view.CanWrite.ShouldBeTrue();
        view.Assignable.Select(p => p.MemberId).ShouldBe([Erik, Karin, Johan], ignoreOrder: true);

        await Minutes.WriteAsync(Erik, meetingId, occurrenceId, view.Version, "## Läget\n\nKarin rapporterade om **tvångsarbete**.<script>alert(1)</script>");
        await Minutes.AddDecisionAsync(Erik, meetingId, occurrenceId, "Metodstödet bemannas även i juletid.");
        await Minutes.RecordAttendanceAsync(Erik, meetingId, occurrenceId, Karin, present: true);
        var itemId = await Minutes.AddActionItemAsync(Erik, meetingId, occurrenceId, "Skicka lägesbilden till LAMP", Karin, Today.AddDays(7));

        var karins = await Minutes.GetAsync(Karin, meetingId, occurrenceId);
        karins.CanWrite.ShouldBeFalse();
        karins.Text.ShouldBeNull();
        karins.Html.ShouldContain("<strong>tvångsarbete</strong>");
        karins.Html.ShouldNotContain("<script");
        karins.Attendance.ShouldBeEmpty();
        karins.Decisions.Single().Text.ShouldBe("Metodstödet bemannas även i juletid.");
        karins.ActionItems.Single().CanMarkDone.ShouldBeTrue();
        (await NotificationsAsync(Karin, MeetingMinutesNotificationKinds.ActionAssigned)).ShouldBe(1);

        var mine = await MineHereAsync(Karin, meetingId);
        mine.Single().Id.ShouldBe(itemId);
        mine.Single().MeetingTitle.ShouldBe("NMT-möte");
        (await MineHereAsync(Johan, meetingId)).ShouldBeEmpty();

        await Should.ThrowAsync<AccessDeniedException>(() => Minutes.MarkDoneAsync(Johan, meetingId, itemId, done: true));
        await Minutes.MarkDoneAsync(Karin, meetingId, itemId, done: true);
        (await MineHereAsync(Karin, meetingId)).ShouldBeEmpty();
        (await Minutes.GetAsync(Erik, meetingId, occurrenceId)).ActionItems.Single().Done.ShouldBeTrue();
    }

    [Fact]
    public async Task A_member_who_is_not_the_secretary_cannot_write_and_an_outsider_sees_nothing()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(secretary: Johan);

        await Should.ThrowAsync<AccessDeniedException>(() => Minutes.WriteAsync(Karin, meetingId, occurrenceId, 0, "Mitt protokoll"));
        await Should.ThrowAsync<AccessDeniedException>(() => Minutes.AddActionItemAsync(Karin, meetingId, occurrenceId, "Göra", Karin, Today));
        await Should.ThrowAsync<NotFoundException>(() => Minutes.GetAsync(Fatima, meetingId, occurrenceId));
        await Should.ThrowAsync<NotFoundException>(() => Minutes.WriteAsync(Fatima, meetingId, occurrenceId, 0, "Text"));

        // The named secretary writes.
        var view = await Minutes.GetAsync(Johan, meetingId, occurrenceId);
        view.CanWrite.ShouldBeTrue();
        await Minutes.WriteAsync(Johan, meetingId, occurrenceId, view.Version, "Protokoll fört av Johan.");
        (await Minutes.GetAsync(Karin, meetingId, occurrenceId)).WrittenBy!.MemberId.ShouldBe(Johan);
    }

    [Fact]
    public async Task Bad_input_is_refused_beside_its_field_and_changes_nothing()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync();

        var outsider = await Should.ThrowAsync<DomainRuleException>(() =>
            Minutes.AddActionItemAsync(Erik, meetingId, occurrenceId, "Hemligt uppdrag", Fatima, Today.AddDays(1)));
        outsider.Code.ShouldBe("meeting.action.assignee.invalid");
        outsider.Field.ShouldBe("assignee");
        (await Should.ThrowAsync<DomainRuleException>(() =>
            Minutes.AddActionItemAsync(Erik, meetingId, occurrenceId, "För sent", Karin, Today.AddDays(-1)))).Code.ShouldBe("meeting.action.due.past");
        (await Should.ThrowAsync<DomainRuleException>(() =>
            Minutes.AddDecisionAsync(Erik, meetingId, occurrenceId, "  "))).Code.ShouldBe("meeting.decision.text.required");
        (await Should.ThrowAsync<DomainRuleException>(() =>
            Minutes.RecordAttendanceAsync(Erik, meetingId, occurrenceId, Sara, present: true))).Code.ShouldBe("meeting.attendance.not-invited");

        var view = await Minutes.GetAsync(Erik, meetingId, occurrenceId);
        view.ActionItems.ShouldBeEmpty();
        view.Decisions.ShouldBeEmpty();
        (await NotificationsAsync(Fatima, MeetingMinutesNotificationKinds.ActionAssigned)).ShouldBe(0);
    }

    [Fact]
    public async Task Two_writers_from_the_same_snapshot_cannot_both_save()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(secretary: Johan);
        var erik = await Minutes.GetAsync(Erik, meetingId, occurrenceId);
        var johan = await Minutes.GetAsync(Johan, meetingId, occurrenceId);

        await Minutes.WriteAsync(Erik, meetingId, occurrenceId, erik.Version, "Eriks version");
        var refused = await Should.ThrowAsync<DomainRuleException>(() => Minutes.WriteAsync(Johan, meetingId, occurrenceId, johan.Version, "Johans version"));

        refused.Code.ShouldBe(MeetingMinutesWrites.ChangedConcurrently);
        (await Minutes.GetAsync(Erik, meetingId, occurrenceId)).Text.ShouldBe("Eriks version");
    }

    [Fact]
    public async Task Minutes_are_found_in_search_only_by_those_who_may_see_the_meeting()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync();
        var view = await Minutes.GetAsync(Erik, meetingId, occurrenceId);
        await Minutes.WriteAsync(Erik, meetingId, occurrenceId, view.Version, "Vi diskuterade flygplatsrutinen på Arlanda.");

        var search = _database.Get<SearchService>();
        var hit = (await search.SearchAsync(Karin, "flygplatsrutinen")).Hits.ShouldHaveSingleItem();
        hit.Subject.Id.ShouldBe(meetingId);
        hit.Link.ShouldContain(meetingId.ToString());
        (await search.SearchAsync(Fatima, "flygplatsrutinen")).Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_overdue_action_item_is_flagged_once_to_the_assignee_and_the_organiser()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync();
        await Minutes.AddActionItemAsync(Erik, meetingId, occurrenceId, "Ring kommunen", Karin, Today.AddDays(2));
        var done = await Minutes.AddActionItemAsync(Erik, meetingId, occurrenceId, "Boka lokal", Karin, Today.AddDays(2));
        await Minutes.MarkDoneAsync(Karin, meetingId, done, done: true);
        var job = new MeetingActionOverdueJob(_database.Contexts, _database.Get<Portal.Infrastructure.Features.Notifications.Notifier>());
        Task RunAsync() => job.RunAsync(new TimedJobRun(MeetingActionOverdueJob.Name, _clock.GetUtcNow(), null), CancellationToken.None);

        await RunAsync();
        (await NotificationsAsync(Karin, MeetingMinutesNotificationKinds.ActionOverdue)).ShouldBe(0);

        _clock.Advance(TimeSpan.FromDays(3));
        await RunAsync();
        await RunAsync();
        (await NotificationsAsync(Karin, MeetingMinutesNotificationKinds.ActionOverdue)).ShouldBe(1);
        (await NotificationsAsync(Erik, MeetingMinutesNotificationKinds.ActionOverdue)).ShouldBe(1);
        (await MineHereAsync(Karin, meetingId)).Single().Overdue.ShouldBeTrue();
    }
}

public sealed class SqliteMeetingMinutesServiceTests() : MeetingMinutesServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMeetingMinutesServiceTests() : MeetingMinutesServiceTests(DatabaseProvider.Postgres);
