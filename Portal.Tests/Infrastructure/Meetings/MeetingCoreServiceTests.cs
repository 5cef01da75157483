using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Meetings;

/// <summary>The meetings core's use cases on each database: scheduling for a whole workspace, replies seen by
/// organisation, lists across workspaces, changing one / following / all, cancelling, find a time, and the
/// bad input that must change nothing (a non-lead, 5,000 invitees, a reply to a cancelled occurrence, an
/// outsider guessing ids).</summary>
public abstract class MeetingCoreServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    // NMT (closed): Erik Sandberg leads; Karin Holm (police), Johan Berg (prosecutors), Sara Nilsson, Maria Ek and
    // Mats Olsson are members; Anna Lindqvist observes. Fatima Ali is not in NMT.
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = DemoData.IdFor("member:johan.berg");
    private static readonly Guid Anna = DemoData.Personas.Administrator;
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;
    private static readonly Guid Nmt = DemoData.Workspaces.Nmt;

    private TestDatabase _database = null!;

    private MeetingService Meetings => _database.Get<MeetingService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Monday 09:00 (Stockholm) at least a week ahead.</summary>
    private static DateTime NextMondayNine()
    {
        var day = StockholmTime.Today(TimeProvider.System).AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        return day.ToDateTime(new TimeOnly(9, 0));
    }

    private static MeetingDraft Draft(DateTime? start = null, MeetingRecurrence? recurrence = null, InviteeSelection? invitees = null,
        string title = "NMT:s veckomöte") =>
        new(MeetingKind.Meeting, title, "Ärendegenomgång", [Nmt], start ?? NextMondayNine(), (start ?? NextMondayNine()).AddHours(1),
            "Polishuset, Kungsholmsgatan 43", "https://meet.example.se/nmt", recurrence, invitees ?? InviteeSelection.WholeWorkspace);

    private async Task<List<MeetingCalendarChanged>> CalendarMessagesAsync(Guid meetingId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var payloads = await db.Set<OutboxEntry>().AsNoTracking().Where(e => e.Type == "meetings.calendar-changed")
            .OrderBy(e => e.EnqueuedAt).Select(e => e.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<MeetingCalendarChanged>(p, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .Where(m => m.MeetingId == meetingId).ToList();
    }

    private async Task<int> MeetingCountAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Meetings.CountAsync();
    }

    [Fact]
    public async Task A_lead_schedules_a_weekly_meeting_a_member_accepts_and_the_lead_sees_it_by_organisation()
    {
        var id = await Meetings.ScheduleAsync(Erik, Draft(recurrence: MeetingRecurrence.Weekly(1, 4, null)));

        var message = (await CalendarMessagesAsync(id)).ShouldHaveSingleItem();
        message.Cancelled.ShouldBeFalse();
        message.MemberIds.ShouldContain(Karin);
        message.MemberIds.ShouldContain(Anna); // observers read the workspace, so they are invited with it
        message.MemberIds.ShouldNotContain(Fatima);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            (await db.Notifications.Where(n => n.Kind == MeetingNotificationKinds.Invited && n.SubjectId == id).Select(n => n.MemberId).ToListAsync())
                .ShouldContain(Karin);

        var karins = await Meetings.GetAsync(Karin, id, null);
        karins.IsSeries.ShouldBeTrue();
        karins.Occurrences.Count.ShouldBe(4);
        karins.CanReply.ShouldBeTrue();
        karins.CanEdit.ShouldBeFalse();
        karins.CanSeeReplies.ShouldBeFalse();
        karins.RepliesByOrganisation.ShouldBeEmpty();
        await Meetings.ReplyAsync(Karin, karins.Occurrence.OccurrenceId, ReplyAnswer.Accepted, "Jag tar med ärendelistan");
        await Meetings.ReplyAsync(Johan, karins.Occurrence.OccurrenceId, ReplyAnswer.Declined, null);
        (await Meetings.GetAsync(Karin, id, karins.Occurrence.OccurrenceId)).MyAnswer.ShouldBe(ReplyAnswer.Accepted);

        var eriks = await Meetings.GetAsync(Erik, id, karins.Occurrence.OccurrenceId);
        eriks.CanEdit.ShouldBeTrue();
        eriks.CanWriteMinutes.ShouldBeTrue();
        eriks.Counts.ShouldBe(new ReplyCounts(1, 0, 1, eriks.InviteeCount - 2));
        var karinsReply = eriks.RepliesByOrganisation.SelectMany(o => o.Replies).Single(r => r.Member.MemberId == Karin);
        karinsReply.Answer.ShouldBe(ReplyAnswer.Accepted);
        karinsReply.Comment.ShouldBe("Jag tar med ärendelistan");
        eriks.RepliesByOrganisation.Single(o => o.OrganisationId == karinsReply.Member.OrganisationId).Accepted.ShouldBe(1);

        var from = DateTimeOffset.UtcNow;
        var mine = await Meetings.ListMineAsync(Karin, from, from.AddDays(60));
        mine.Where(s => s.MeetingId == id).Count().ShouldBe(4);
        mine.First(s => s.MeetingId == id).MyAnswer.ShouldBe(ReplyAnswer.Accepted);
        (await Meetings.ListForWorkspaceAsync(Anna, Nmt, from, from.AddDays(60))).Count(s => s.MeetingId == id).ShouldBe(4);
        // The home list: soonest first, this series among the demo data's meetings.
        var upcoming = await Meetings.UpcomingAsync(Karin, 50);
        upcoming.Count(s => s.MeetingId == id).ShouldBe(4);
        upcoming.Select(s => s.Start).ShouldBeInOrder();
    }

    [Fact]
    public async Task A_non_lead_cannot_schedule_change_or_cancel_and_nothing_changes()
    {
        var before = await MeetingCountAsync();
        await Should.ThrowAsync<AccessDeniedException>(() => Meetings.ScheduleAsync(Karin, Draft()));
        (await MeetingCountAsync()).ShouldBe(before);

        var id = await Meetings.ScheduleAsync(Erik, Draft());
        var view = await Meetings.GetAsync(Karin, id, null);
        await Should.ThrowAsync<AccessDeniedException>(() =>
            Meetings.ChangeAsync(Karin, id, null, MeetingChangeScope.Whole, Draft(title: "Kapat"), view.Version));
        await Should.ThrowAsync<AccessDeniedException>(() => Meetings.CancelAsync(Karin, id, null, MeetingChangeScope.Whole));
        var after = await Meetings.GetAsync(Erik, id, null);
        after.Title.ShouldBe("NMT:s veckomöte");
        after.Sequence.ShouldBe(0);
        after.IsCancelled.ShouldBeFalse();
        // An administrator observing the workspace sees it but does not schedule there (need-to-know, leads schedule).
        await Should.ThrowAsync<AccessDeniedException>(() => Meetings.ScheduleAsync(Anna, Draft()));
    }

    [Fact]
    public async Task Five_thousand_invitees_or_an_ineligible_one_are_refused_and_nothing_is_saved()
    {
        var before = await MeetingCountAsync();
        var many = new InviteeSelection(false, Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToList(), []);
        (await Should.ThrowAsync<DomainRuleException>(() => Meetings.ScheduleAsync(Erik, Draft(invitees: many)))).Code
            .ShouldBe("meeting.invitees.too-many");
        (await Should.ThrowAsync<DomainRuleException>(() => Meetings.ScheduleAsync(Erik, Draft(invitees: new InviteeSelection(false, [Fatima], [])))))
            .Code.ShouldBe("meeting.invitees.not-eligible");
        (await Should.ThrowAsync<DomainRuleException>(() => Meetings.ScheduleAsync(Erik, Draft() with { LocalEnd = NextMondayNine() })))
            .Code.ShouldBe("meeting.end.before-start");
        (await Should.ThrowAsync<DomainRuleException>(() => Meetings.ScheduleAsync(Erik, Draft() with { LocalEnd = NextMondayNine().AddDays(30) })))
            .Code.ShouldBe("meeting.duration.too-long");
        (await MeetingCountAsync()).ShouldBe(before);

        var preview = await Meetings.PreviewInviteesAsync(Erik, [Nmt], many);
        preview.TooMany.ShouldBeTrue();
        var whole = await Meetings.PreviewInviteesAsync(Erik, [Nmt], InviteeSelection.WholeWorkspace);
        whole.TooMany.ShouldBeFalse();
        whole.FirstMembers.Select(p => p.MemberId).ShouldContain(Karin);
        whole.Count.ShouldBe(whole.FirstMembers.Count);
        await Should.ThrowAsync<AccessDeniedException>(() => Meetings.PreviewInviteesAsync(Karin, [Nmt], InviteeSelection.WholeWorkspace));
    }

    [Fact]
    public async Task Chosen_members_and_organisations_are_invited_only_if_they_may_read_the_workspace()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var police = await db.Members.Where(m => m.Id == Karin).Select(m => m.OrganisationId).SingleAsync();
        var id = await Meetings.ScheduleAsync(Erik, Draft(invitees: new InviteeSelection(false, [Johan], [police])));

        var invited = (await CalendarMessagesAsync(id)).ShouldHaveSingleItem().MemberIds;
        invited.ShouldBe([Erik, Johan, Karin], ignoreOrder: true);
        await Should.ThrowAsync<NotFoundException>(() => Meetings.GetAsync(Fatima, id, null));
        // Sara reads NMT: she sees the meeting without being invited, and cannot reply.
        var saras = await Meetings.GetAsync(DemoData.IdFor("member:sara.nilsson"), id, null);
        saras.IsInvited.ShouldBeFalse();
        saras.CanReply.ShouldBeFalse();
        (await Should.ThrowAsync<AccessDeniedException>(() =>
            Meetings.ReplyAsync(DemoData.IdFor("member:sara.nilsson"), saras.Occurrence.OccurrenceId, ReplyAnswer.Accepted, null)))
            .Code.ShouldBe("meeting.reply.denied");
    }

    [Fact]
    public async Task An_outsider_finds_nothing_by_guessing()
    {
        var id = await Meetings.ScheduleAsync(Erik, Draft());
        var occurrence = (await Meetings.GetAsync(Erik, id, null)).Occurrence.OccurrenceId;

        await Should.ThrowAsync<NotFoundException>(() => Meetings.GetAsync(Fatima, id, null));
        await Should.ThrowAsync<NotFoundException>(() => Meetings.ReplyAsync(Fatima, occurrence, ReplyAnswer.Accepted, null));
        await Should.ThrowAsync<NotFoundException>(() => Meetings.ListForWorkspaceAsync(Fatima, Nmt, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
        await Should.ThrowAsync<NotFoundException>(() => Meetings.CancelAsync(Fatima, id, null, MeetingChangeScope.Whole));
        await Should.ThrowAsync<NotFoundException>(() => Meetings.GetAsync(Erik, Guid.NewGuid(), null));
        (await Meetings.ListMineAsync(Fatima, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30))).ShouldNotContain(s => s.MeetingId == id);
    }

    [Fact]
    public async Task Cancelling_one_occurrence_refuses_replies_to_it_and_cancelling_all_tells_the_calendars()
    {
        var id = await Meetings.ScheduleAsync(Erik, Draft(recurrence: MeetingRecurrence.Weekly(1, 3, null)));
        var occurrences = (await Meetings.GetAsync(Erik, id, null)).Occurrences;

        await Meetings.CancelAsync(Erik, id, occurrences[1].OccurrenceId, MeetingChangeScope.Occurrence);
        (await Should.ThrowAsync<DomainRuleException>(() => Meetings.ReplyAsync(Karin, occurrences[1].OccurrenceId, ReplyAnswer.Accepted, null)))
            .Code.ShouldBe("meeting.occurrence.cancelled");
        var view = await Meetings.GetAsync(Karin, id, occurrences[1].OccurrenceId);
        view.Occurrence.IsCancelled.ShouldBeTrue();
        view.IsCancelled.ShouldBeFalse();
        view.Sequence.ShouldBe(1);

        await Meetings.CancelAsync(Erik, id, null, MeetingChangeScope.Whole);
        (await Should.ThrowAsync<DomainRuleException>(() => Meetings.ReplyAsync(Karin, occurrences[0].OccurrenceId, ReplyAnswer.Accepted, null)))
            .Code.ShouldBe("meeting.cancelled");
        var messages = await CalendarMessagesAsync(id);
        messages.Select(m => (m.Sequence, m.Cancelled)).ShouldBe([(0, false), (1, false), (2, true)]);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        (await db.Notifications.CountAsync(n => n.Kind == MeetingNotificationKinds.Cancelled && n.SubjectId == id && n.MemberId == Karin)).ShouldBe(2);
        (await Meetings.UpcomingAsync(Karin, 10)).Where(s => s.MeetingId == id).ShouldAllBe(s => s.IsCancelled);
    }

    [Fact]
    public async Task Changing_this_and_all_following_splits_the_series_and_a_stale_change_is_refused()
    {
        var start = NextMondayNine();
        var id = await Meetings.ScheduleAsync(Erik, Draft(start, MeetingRecurrence.Weekly(1, 4, null)));
        var view = await Meetings.GetAsync(Erik, id, null);
        var third = view.Occurrences[2];

        var newStart = start.AddDays(14).AddHours(4);
        var nextId = await Meetings.ChangeAsync(Erik, id, third.OccurrenceId, MeetingChangeScope.Following,
            Draft(newStart, MeetingRecurrence.Weekly(1, 2, null), title: "NMT:s veckomöte (eftermiddag)"), view.Version);

        nextId.ShouldNotBe(id);
        var old = await Meetings.GetAsync(Erik, id, null);
        old.Occurrences.Count.ShouldBe(2);
        old.Recurrence!.Count.ShouldBe(2);
        var next = await Meetings.GetAsync(Karin, nextId, null);
        next.Uid.ShouldNotBe(old.Uid);
        next.Title.ShouldBe("NMT:s veckomöte (eftermiddag)");
        next.Occurrences.Select(o => TimeZoneInfo.ConvertTime(o.Start, StockholmTime.Zone).Hour).ShouldBe([13, 13]);
        (await CalendarMessagesAsync(id)).Last().Sequence.ShouldBe(old.Sequence);
        (await CalendarMessagesAsync(nextId)).ShouldHaveSingleItem().MemberIds.ShouldContain(Karin);

        (await Should.ThrowAsync<DomainRuleException>(() =>
            Meetings.ChangeAsync(Erik, id, null, MeetingChangeScope.Whole, Draft(start, MeetingRecurrence.Weekly(1, 2, null)), view.Version)))
            .Code.ShouldBe(MeetingService.ChangedConcurrently);

        // Moving one occurrence keeps its identity; changing the whole keeps replies on days it still has.
        var first = old.Occurrences[0];
        await Meetings.ReplyAsync(Karin, first.OccurrenceId, ReplyAnswer.Maybe, null);
        var current = await Meetings.GetAsync(Erik, id, null);
        await Meetings.ChangeAsync(Erik, id, old.Occurrences[1].OccurrenceId, MeetingChangeScope.Occurrence,
            Draft(start.AddDays(8), MeetingRecurrence.Weekly(1, 2, null)), current.Version);
        var moved = await Meetings.GetAsync(Karin, id, old.Occurrences[1].OccurrenceId);
        moved.Occurrence.IsMoved.ShouldBeTrue();
        moved.Occurrence.OriginalStart.ShouldBe(old.Occurrences[1].OriginalStart);
        (await Meetings.GetAsync(Karin, id, first.OccurrenceId)).MyAnswer.ShouldBe(ReplyAnswer.Maybe);
    }

    [Fact]
    public async Task Find_a_time_shows_who_is_busy_and_suggests_working_hours_when_most_are_free()
    {
        var start = NextMondayNine();
        await Meetings.ScheduleAsync(Erik, Draft(start, invitees: new InviteeSelection(false, [Karin], [])));

        var result = await Meetings.FindTimeAsync(Erik, new FindTimeQuery([Nmt], InviteeSelection.WholeWorkspace, start.AddMinutes(30), start.AddMinutes(90)));

        result.Busy.Select(b => b.Member.MemberId).ShouldContain(Karin);
        result.Busy.Single(b => b.Member.MemberId == Karin).MeetingTitle.ShouldBe("NMT:s veckomöte");
        result.Suggestions.Count.ShouldBe(5);
        result.Suggestions.ShouldAllBe(s => s.Free == result.Invited);
        result.Suggestions.ShouldAllBe(s => s.LocalStart.Hour >= 8 && s.LocalEnd.TimeOfDay <= new TimeSpan(17, 0, 0)
            && s.LocalStart.DayOfWeek != DayOfWeek.Saturday && s.LocalStart.DayOfWeek != DayOfWeek.Sunday);
        // 09:00–10:00 on that Monday has Karin busy: not a suggestion while all-free slots exist.
        result.Suggestions.ShouldNotContain(s => s.LocalStart < start.AddHours(1) && s.LocalEnd > start);
    }
}

public sealed class SqliteMeetingCoreServiceTests() : MeetingCoreServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMeetingCoreServiceTests() : MeetingCoreServiceTests(DatabaseProvider.Postgres);
