using Portal.Domain.Common;
using Portal.Domain.Meetings;

namespace Portal.Tests.Domain.Meetings;

/// <summary>The meeting aggregate's rules on their own: times and durations, title, link, seats, invitees,
/// series ends, replies to cancelled occurrences, changing and splitting a series, and the calendar
/// sequence.</summary>
public sealed class MeetingCoreRulesTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Start = new(2027, 3, 1, 9, 0, 0);
    private readonly Guid _organiser = Guid.NewGuid();
    private readonly Guid _member = Guid.NewGuid();
    private readonly Guid _workspace = Guid.NewGuid();

    private static MeetingDetails Details(string? title = "Samordningsmöte", string? link = "https://meet.example.se/abc") =>
        new(title, "Dagordning kommer", "Länsstyrelsen, Hantverkargatan 29", link);

    private Meeting Schedule(DateTime? start = null, TimeSpan? length = null, MeetingRecurrence? recurrence = null,
        MeetingKind kind = MeetingKind.Meeting, int? seats = null, MeetingDetails? details = null, IReadOnlyCollection<Guid>? invitees = null)
    {
        var from = start ?? Start;
        return Meeting.Schedule(kind, details ?? Details(), [_workspace], _organiser, from, from + (length ?? TimeSpan.FromHours(1)),
            recurrence, invitees ?? [_organiser, _member], seats, null, Stockholm);
    }

    private static void ShouldRefuse(Action action, string code) =>
        Should.Throw<DomainRuleException>(action).Code.ShouldBe(code);

    [Fact]
    public void A_new_meeting_has_a_stable_uid_one_occurrence_and_its_invitees()
    {
        var meeting = Schedule();

        meeting.Uid.ShouldBe($"{meeting.Id}@samverkansportalen");
        meeting.Sequence.ShouldBe(0);
        meeting.HomeWorkspaceId.ShouldBe(_workspace);
        meeting.WorkspaceIds.ShouldBe([_workspace]);
        meeting.Occurrences.ShouldHaveSingleItem().Start.ShouldBe(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        meeting.Invitees.Select(i => i.MemberId).ShouldBe([_organiser, _member], ignoreOrder: true);
        meeting.DomainEvents.OfType<MeetingChanged>().ShouldHaveSingleItem().WorkspaceIds.ShouldBe([_workspace]);
    }

    [Fact]
    public void Times_must_make_sense()
    {
        ShouldRefuse(() => Schedule(length: TimeSpan.FromHours(-1)), "meeting.end.before-start");
        ShouldRefuse(() => Schedule(length: TimeSpan.Zero), "meeting.end.before-start");
        ShouldRefuse(() => Schedule(length: TimeSpan.FromMinutes(4)), "meeting.duration.too-short");
        ShouldRefuse(() => Schedule(length: TimeSpan.FromDays(30)), "meeting.duration.too-long");
        Schedule(length: TimeSpan.FromMinutes(5)).DurationMinutes.ShouldBe(5);
        Schedule(length: TimeSpan.FromDays(3)).DurationMinutes.ShouldBe(3 * 24 * 60);
    }

    [Fact]
    public void Title_link_and_seats_are_checked()
    {
        ShouldRefuse(() => Schedule(details: Details(title: " ")), "meeting.title.required");
        ShouldRefuse(() => Schedule(details: Details(title: new string('a', 201))), "meeting.title.too-long");
        ShouldRefuse(() => Schedule(details: Details(link: "http://meet.example.se/abc")), "meeting.online-link.invalid");
        ShouldRefuse(() => Schedule(details: Details(link: "javascript:alert(1)")), "meeting.online-link.invalid");
        ShouldRefuse(() => Schedule(details: Details(link: "/relative")), "meeting.online-link.invalid");
        ShouldRefuse(() => Schedule(kind: MeetingKind.Training), "meeting.seats.invalid");
        ShouldRefuse(() => Schedule(kind: MeetingKind.Training, seats: 0), "meeting.seats.invalid");
        ShouldRefuse(() => Schedule(seats: 20), "meeting.seats.training-only");
        Schedule(kind: MeetingKind.Training, seats: 20).Seats.ShouldBe(20);
        Schedule(details: Details(link: null)).OnlineLink.ShouldBeNull();
    }

    [Fact]
    public void At_most_a_thousand_invitees()
    {
        ShouldRefuse(() => Schedule(invitees: Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToList()), "meeting.invitees.too-many");
        ShouldRefuse(() => Schedule(invitees: Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).ToList()), "meeting.invitees.too-many");
        Schedule(invitees: Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList()).Invitees.Count.ShouldBe(1000);
    }

    [Fact]
    public void A_series_always_ends_within_limits()
    {
        ShouldRefuse(() => MeetingRecurrence.Weekly(1, null, null), "meeting.recurrence.end.required");
        ShouldRefuse(() => MeetingRecurrence.Weekly(1, 3, new DateOnly(2027, 5, 1)), "meeting.recurrence.end.both");
        ShouldRefuse(() => MeetingRecurrence.Weekly(1, 101, null), "meeting.recurrence.count.invalid");
        ShouldRefuse(() => MeetingRecurrence.Weekly(5, 3, null), "meeting.recurrence.interval.invalid");
        ShouldRefuse(() => MeetingRecurrence.Monthly(5, 3, null), "meeting.recurrence.week-of-month.invalid");
        ShouldRefuse(() => MeetingRecurrence.Create(RecurrenceFrequency.Monthly, 2, 1, 3, null), "meeting.recurrence.interval.invalid");
        ShouldRefuse(() => Schedule(recurrence: MeetingRecurrence.Weekly(1, null, new DateOnly(2029, 3, 2))), "meeting.recurrence.until.too-far");
        ShouldRefuse(() => Schedule(recurrence: MeetingRecurrence.Weekly(1, null, new DateOnly(2027, 2, 28))), "meeting.recurrence.until.before-start");
        Schedule(recurrence: MeetingRecurrence.Weekly(1, null, new DateOnly(2029, 3, 1))).Occurrences.Count.ShouldBe(105);
        Schedule(recurrence: MeetingRecurrence.Weekly(1, 100, null)).Occurrences.Count.ShouldBe(100);
    }

    [Fact]
    public void Only_invitees_reply_and_not_to_what_is_cancelled_or_over()
    {
        var meeting = Schedule(recurrence: MeetingRecurrence.Weekly(1, 3, null));
        var occurrences = meeting.OccurrencesInOrder.ToList();

        meeting.Reply(occurrences[0].Id, _member, ReplyAnswer.Accepted, "Jag kommer", Now);
        meeting.Reply(occurrences[0].Id, _member, ReplyAnswer.Maybe, null, Now);
        occurrences[0].Replies.ShouldHaveSingleItem().Answer.ShouldBe(ReplyAnswer.Maybe);
        meeting.Sequence.ShouldBe(0); // a reply is nothing a calendar shows

        ShouldRefuse(() => meeting.Reply(occurrences[0].Id, Guid.NewGuid(), ReplyAnswer.Accepted, null, Now), "meeting.reply.not-invited");
        ShouldRefuse(() => meeting.Reply(occurrences[0].Id, _member, ReplyAnswer.Accepted, new string('x', 501), Now), "meeting.reply.comment.too-long");
        ShouldRefuse(() => meeting.Reply(occurrences[0].Id, _member, (ReplyAnswer)9, null, Now), "meeting.reply.answer.invalid");
        ShouldRefuse(() => meeting.Reply(occurrences[0].Id, _member, ReplyAnswer.Accepted, null, occurrences[0].End), "meeting.reply.past");

        meeting.CancelOccurrence(occurrences[1].Id, Now);
        ShouldRefuse(() => meeting.Reply(occurrences[1].Id, _member, ReplyAnswer.Accepted, null, Now), "meeting.occurrence.cancelled");
        meeting.IsCancelled.ShouldBeFalse();

        meeting.Cancel(Now);
        ShouldRefuse(() => meeting.Reply(occurrences[2].Id, _member, ReplyAnswer.Accepted, null, Now), "meeting.cancelled");
        ShouldRefuse(() => meeting.Describe(Details()), "meeting.cancelled");
    }

    [Fact]
    public void Every_change_calendars_see_raises_the_sequence()
    {
        var meeting = Schedule(recurrence: MeetingRecurrence.Weekly(1, 4, null));
        var second = meeting.OccurrencesInOrder.ElementAt(1);

        meeting.Describe(Details(title: "Nytt namn"));
        meeting.Sequence.ShouldBe(1);
        meeting.ChangeOccurrence(second.Id, new DateTime(2027, 3, 8, 13, 0, 0), new DateTime(2027, 3, 8, 14, 0, 0), Stockholm);
        meeting.Sequence.ShouldBe(2);
        second.IsMoved.ShouldBeTrue();
        second.OriginalStart.ShouldBe(new DateTimeOffset(2027, 3, 8, 8, 0, 0, TimeSpan.Zero)); // the RECURRENCE-ID stays
        second.Start.ShouldBe(new DateTimeOffset(2027, 3, 8, 12, 0, 0, TimeSpan.Zero));
        meeting.SetInvitees([_organiser, _member, Guid.NewGuid()]).Count.ShouldBe(1);
        meeting.Sequence.ShouldBe(3);
        meeting.SetInvitees(meeting.Invitees.Select(i => i.MemberId).ToList()).ShouldBeEmpty();
        meeting.Sequence.ShouldBe(3); // nothing changed
        meeting.CancelOccurrence(meeting.OccurrencesInOrder.Last().Id, Now);
        meeting.Sequence.ShouldBe(4);
    }

    [Fact]
    public void Rescheduling_a_series_keeps_replies_on_days_it_still_has()
    {
        var meeting = Schedule(recurrence: MeetingRecurrence.Weekly(1, 3, null));
        var first = meeting.OccurrencesInOrder.First();
        meeting.Reply(first.Id, _member, ReplyAnswer.Accepted, null, Now);

        meeting.Reschedule(new DateTime(2027, 3, 1, 10, 0, 0), new DateTime(2027, 3, 1, 11, 30, 0), MeetingRecurrence.Weekly(2, 2, null), Stockholm);

        var occurrences = meeting.OccurrencesInOrder.ToList();
        occurrences.Select(o => MeetingSchedule.ToLocal(o.Start, Stockholm)).ShouldBe([new DateTime(2027, 3, 1, 10, 0, 0), new DateTime(2027, 3, 15, 10, 0, 0)]);
        occurrences[0].Id.ShouldBe(first.Id);
        occurrences[0].Replies.ShouldHaveSingleItem().MemberId.ShouldBe(_member);
        meeting.DurationMinutes.ShouldBe(90);
    }

    [Fact]
    public void This_and_all_following_splits_the_series_under_a_new_uid()
    {
        var meeting = Schedule(recurrence: MeetingRecurrence.Weekly(1, 6, null));
        var occurrences = meeting.OccurrencesInOrder.ToList();
        meeting.Reply(occurrences[4].Id, _member, ReplyAnswer.Declined, "Semester", Now);

        var next = meeting.SplitFrom(occurrences[3].Id, new DateTime(2027, 3, 22, 13, 0, 0), new DateTime(2027, 3, 22, 14, 0, 0),
            MeetingRecurrence.Weekly(1, 3, null), Details(title: "Samordningsmöte (eftermiddag)"), Stockholm);

        meeting.Occurrences.Count.ShouldBe(3);
        meeting.Recurrence!.Count.ShouldBe(3);
        meeting.Sequence.ShouldBe(1);
        next.Uid.ShouldNotBe(meeting.Uid);
        next.Uid.ShouldBe($"{next.Id}@samverkansportalen");
        next.SplitFromMeetingId.ShouldBe(meeting.Id);
        next.Title.ShouldBe("Samordningsmöte (eftermiddag)");
        next.Invitees.Select(i => i.MemberId).ShouldBe(meeting.Invitees.Select(i => i.MemberId), ignoreOrder: true);
        var moved = next.OccurrencesInOrder.ToList();
        moved.Select(o => MeetingSchedule.ToLocal(o.Start, Stockholm)).ShouldBe([
            new DateTime(2027, 3, 22, 13, 0, 0), new DateTime(2027, 3, 29, 13, 0, 0), new DateTime(2027, 4, 5, 13, 0, 0)]);
        // The decline for 29 March is carried over to the new series' occurrence that day.
        moved[1].Replies.ShouldHaveSingleItem().Answer.ShouldBe(ReplyAnswer.Declined);

        ShouldRefuse(() => meeting.SplitFrom(occurrences[0].Id, Start, Start.AddHours(1), null, Details(), Stockholm), "meeting.split.first");
        ShouldRefuse(() => Schedule().SplitFrom(Guid.NewGuid(), Start, Start.AddHours(1), null, Details(), Stockholm), "meeting.split.not-series");
    }

    [Fact]
    public void Cancelling_this_and_all_following_marks_them_cancelled()
    {
        var meeting = Schedule(recurrence: MeetingRecurrence.Weekly(1, 4, null));
        var occurrences = meeting.OccurrencesInOrder.ToList();

        meeting.CancelFollowing(occurrences[2].Id, Now);

        occurrences.Select(o => o.IsCancelled).ShouldBe([false, false, true, true]);
        meeting.IsCancelled.ShouldBeFalse();
        meeting.CancelFollowing(occurrences[0].Id, Now);
        meeting.IsCancelled.ShouldBeTrue();
    }

    [Fact]
    public void The_secretary_is_an_invitee()
    {
        var meeting = Schedule();
        Should.Throw<DomainRuleException>(() => meeting.Arrange(MeetingKind.Meeting, null, Guid.NewGuid())).Code.ShouldBe("meeting.secretary.not-invited");
        meeting.Arrange(MeetingKind.Meeting, null, _member);
        meeting.SecretaryId.ShouldBe(_member);
    }
}
