using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;

namespace Portal.Tests.Domain.Meetings;

/// <summary>The minutes part of the Meeting aggregate alone: agenda proposals and their deadline, ordering,
/// minutes and attendance, decisions, action items, and a training's seats and waiting list.</summary>
public sealed class MeetingMinutesRulesTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    // 1 December 2026, 09:00 in Stockholm is 08:00 UTC.
    private static readonly DateTime LocalStart = new(2026, 12, 1, 9, 0, 0);
    private static readonly DateTimeOffset Before = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly Guid _lead = Guid.NewGuid();
    private readonly Guid _anna = Guid.NewGuid();
    private readonly Guid _bo = Guid.NewGuid();
    private readonly Guid _cia = Guid.NewGuid();
    private readonly Guid _outsider = Guid.NewGuid();

    private Meeting Scheduled(MeetingKind kind = MeetingKind.Meeting, int? seats = null) =>
        Meeting.Schedule(kind, new MeetingDetails("Samordningsmöte", null, "Rosenbad 4", null), [Guid.NewGuid()], _lead,
            LocalStart, LocalStart.AddHours(2), null, [_lead, _anna, _bo, _cia], seats, null, Zone);

    private static Guid Occurrence(Meeting meeting) => meeting.Occurrences.Single().Id;

    private static string Code(Action action) => Should.Throw<DomainRuleException>(action).Code;

    [Fact]
    public void Items_added_by_an_editor_are_on_the_agenda_in_order_and_can_be_moved()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);
        var first = meeting.AddAgendaItem(occurrence, "Läget i länen", _anna, 20, null, _lead, Before);
        var second = meeting.AddAgendaItem(occurrence, "Nästa kampanj", null, null, new AgendaLink(AgendaLinkKind.Thread, Guid.NewGuid()), _lead, Before);

        meeting.AgendaOf(occurrence).Select(i => i.Title).ShouldBe(["Läget i länen", "Nästa kampanj"]);
        meeting.MoveAgendaItem(second.Id, -1);
        meeting.AgendaOf(occurrence).Select(i => i.Id).ShouldBe([second.Id, first.Id]);
        Code(() => meeting.MoveAgendaItem(second.Id, -1)).ShouldBe("meeting.agenda.move.invalid");

        meeting.RemoveAgendaItem(second.Id);
        meeting.AgendaOf(occurrence).Single().Order.ShouldBe(1);
    }

    [Fact]
    public void A_proposal_waits_for_an_editor_and_goes_last_when_accepted()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);
        meeting.AddAgendaItem(occurrence, "Inledning", null, 5, null, _lead, Before);
        var proposal = meeting.ProposeAgendaItem(occurrence, "Erfarenheter från Skåne", 15, null, _anna, Before);

        proposal.Status.ShouldBe(AgendaItemStatus.Proposed);
        proposal.OwnerId.ShouldBe(_anna);
        meeting.AgendaOf(occurrence).Count.ShouldBe(1);

        meeting.DecideAgendaItem(proposal.Id, accept: true, Before);
        meeting.AgendaOf(occurrence).Select(i => i.Title).ShouldBe(["Inledning", "Erfarenheter från Skåne"]);
        Code(() => meeting.DecideAgendaItem(proposal.Id, accept: false, Before)).ShouldBe("meeting.agenda.already-decided");
    }

    [Fact]
    public void A_proposal_after_the_deadline_is_refused_and_nothing_changes()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);
        var deadline = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        meeting.SetProposalDeadline(occurrence, deadline, Before);
        var version = meeting.Version;

        Code(() => meeting.ProposeAgendaItem(occurrence, "För sent", null, null, _bo, deadline)).ShouldBe("meeting.proposal-deadline-passed");
        meeting.AgendaItems.ShouldBeEmpty();
        meeting.Version.ShouldBe(version);
        meeting.ProposeAgendaItem(occurrence, "I tid", null, null, _bo, deadline.AddMinutes(-1)).Status.ShouldBe(AgendaItemStatus.Proposed);
    }

    [Fact]
    public void Without_a_deadline_proposals_close_when_the_meeting_starts()
    {
        var meeting = Scheduled();
        var occurrence = meeting.Occurrences.Single();

        meeting.ProposalDeadlineOf(occurrence.Id).ShouldBe(occurrence.Start);
        Code(() => meeting.ProposeAgendaItem(occurrence.Id, "Under mötet", null, null, _bo, occurrence.Start)).ShouldBe("meeting.proposal-deadline-passed");
    }

    [Fact]
    public void The_deadline_must_fall_between_now_and_the_start()
    {
        var meeting = Scheduled();
        var occurrence = meeting.Occurrences.Single();

        Code(() => meeting.SetProposalDeadline(occurrence.Id, occurrence.Start, Before)).ShouldBe("meeting.agenda.deadline.after-start");
        Code(() => meeting.SetProposalDeadline(occurrence.Id, Before.AddMinutes(-1), Before)).ShouldBe("meeting.agenda.deadline.past");
    }

    [Fact]
    public void Agenda_items_check_their_title_and_minutes()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);

        Code(() => meeting.AddAgendaItem(occurrence, " ", null, null, null, _lead, Before)).ShouldBe("meeting.agenda.title.required");
        Code(() => meeting.AddAgendaItem(occurrence, new string('x', 201), null, null, null, _lead, Before)).ShouldBe("meeting.agenda.title.too-long");
        Code(() => meeting.AddAgendaItem(occurrence, "Punkt", null, 0, null, _lead, Before)).ShouldBe("meeting.agenda.minutes.invalid");
        Code(() => meeting.AddAgendaItem(occurrence, "Punkt", null, 481, null, _lead, Before)).ShouldBe("meeting.agenda.minutes.invalid");
        meeting.AgendaItems.ShouldBeEmpty();
    }

    [Fact]
    public void A_cancelled_meeting_takes_no_agenda_items()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);
        meeting.Cancel(Before);

        Code(() => meeting.AddAgendaItem(occurrence, "Punkt", null, null, null, _lead, Before)).ShouldBe("meeting.cancelled");
        Code(() => meeting.WriteMinutes(occurrence, "Text", _lead, Before)).ShouldBe("meeting.occurrence.cancelled");
    }

    [Fact]
    public void Minutes_attendance_and_decisions_are_recorded_per_occurrence_without_a_calendar_change()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);
        var sequence = meeting.Sequence;
        meeting.ClearDomainEvents();

        meeting.WriteMinutes(occurrence, "## Läget\n\nAlla län rapporterade.", _lead, Before);
        meeting.RecordAttendance(occurrence, _anna, present: true);
        meeting.RecordAttendance(occurrence, _bo, present: false);
        meeting.RecordAttendance(occurrence, _anna, present: false);
        meeting.AddDecision(occurrence, "Kampanjen startar i mars.", _lead, Before);

        meeting.MinutesOf(occurrence)!.Text.ShouldStartWith("## Läget");
        meeting.Attendance.Count.ShouldBe(2);
        meeting.Attendance.Single(a => a.MemberId == _anna).Present.ShouldBeFalse();
        meeting.Decisions.Single().Order.ShouldBe(1);
        meeting.Sequence.ShouldBe(sequence);
        meeting.DomainEvents.OfType<MeetingChanged>().ShouldHaveSingleItem();
        Code(() => meeting.RecordAttendance(occurrence, _outsider, present: true)).ShouldBe("meeting.attendance.not-invited");
        Code(() => meeting.WriteMinutes(occurrence, new string('x', MeetingMinutes.TextMaxLength + 1), _lead, Before))
            .ShouldBe("meeting.minutes.text.too-long");
    }

    [Fact]
    public void Action_items_are_due_from_today_up_to_two_years_and_are_marked_done_once()
    {
        var meeting = Scheduled();
        var occurrence = Occurrence(meeting);

        Code(() => meeting.AddActionItem(occurrence, "Skicka rapporten", _anna, Today.AddDays(-1), _lead, Today, Before)).ShouldBe("meeting.action.due.past");
        Code(() => meeting.AddActionItem(occurrence, "Skicka rapporten", _anna, Today.AddYears(2).AddDays(1), _lead, Today, Before))
            .ShouldBe("meeting.action.due.too-far");
        Code(() => meeting.AddActionItem(occurrence, "", _anna, Today, _lead, Today, Before)).ShouldBe("meeting.action.text.required");

        var item = meeting.AddActionItem(occurrence, "Skicka rapporten", _anna, Today.AddDays(7), _lead, Today, Before);
        item.IsOverdueOn(Today.AddDays(7)).ShouldBeFalse();
        item.IsOverdueOn(Today.AddDays(8)).ShouldBeTrue();

        meeting.MarkActionItemDone(item.Id, done: true, _anna, Before);
        item.IsDone.ShouldBeTrue();
        item.IsOverdueOn(Today.AddDays(8)).ShouldBeFalse();
        Code(() => meeting.MarkActionItemDone(item.Id, done: true, _anna, Before)).ShouldBe("meeting.action.already-done");
        meeting.MarkActionItemDone(item.Id, done: false, _anna, Before);
        item.DoneAt.ShouldBeNull();
    }

    [Fact]
    public void The_overdue_flag_is_kept_per_due_day()
    {
        var meeting = Scheduled();
        var item = meeting.AddActionItem(Occurrence(meeting), "Boka lokal", _bo, Today, _lead, Today, Before);

        meeting.ActionItemOverdueNotified(item.Id);
        item.OverdueNotifiedFor.ShouldBe(Today);
        meeting.ChangeActionItem(item.Id, "Boka lokal", _bo, Today.AddDays(3), Today);
        (item.OverdueNotifiedFor == item.DueOn).ShouldBeFalse();
    }

    [Fact]
    public void A_training_fills_its_seats_then_the_waiting_list_and_a_freed_seat_goes_to_the_first_waiting()
    {
        var meeting = Scheduled(MeetingKind.Training, seats: 2);
        var occurrence = Occurrence(meeting);

        meeting.Register(occurrence, _anna, Before).Status.ShouldBe(TrainingRegistrationStatus.Registered);
        meeting.Register(occurrence, _bo, Before.AddMinutes(1)).Status.ShouldBe(TrainingRegistrationStatus.Registered);
        meeting.Register(occurrence, _cia, Before.AddMinutes(2)).Status.ShouldBe(TrainingRegistrationStatus.Waiting);
        meeting.Register(occurrence, _outsider, Before.AddMinutes(3)).Status.ShouldBe(TrainingRegistrationStatus.Waiting);
        Code(() => meeting.Register(occurrence, _anna, Before)).ShouldBe("meeting.training.already-registered");

        var movedUp = meeting.Unregister(occurrence, _anna);

        movedUp!.MemberId.ShouldBe(_cia);
        meeting.RegistrationsOf(occurrence).Where(r => r.Status == TrainingRegistrationStatus.Registered).Select(r => r.MemberId)
            .ShouldBe([_bo, _cia], ignoreOrder: true);
        meeting.Unregister(occurrence, _outsider).ShouldBeNull();
    }

    [Fact]
    public void Registration_closes_when_the_training_starts_and_only_trainings_take_registrations()
    {
        var training = Scheduled(MeetingKind.Training, seats: 5);
        var start = training.Occurrences.Single().Start;
        Code(() => training.Register(Occurrence(training), _anna, start)).ShouldBe("meeting.training.registration-closed");

        var meeting = Scheduled();
        Code(() => meeting.Register(Occurrence(meeting), _anna, Before)).ShouldBe("meeting.training.not-a-training");
    }

    [Fact]
    public void Outside_participants_are_one_named_person_or_a_count_per_kind_of_organisation()
    {
        var training = Scheduled(MeetingKind.Training, seats: 5);
        var occurrence = Occurrence(training);

        var named = training.AddOutsideParticipant(occurrence, "Sara Ek", "Taxi Göteborg", ParticipantOrganisationKind.Business, County.VastraGotaland, 7, _lead, Before);
        named.Count.ShouldBe(1);
        var counted = training.AddOutsideParticipant(occurrence, null, null, ParticipantOrganisationKind.Municipality, County.Skane, 12, _lead, Before);
        counted.Count.ShouldBe(12);

        Code(() => training.AddOutsideParticipant(occurrence, "Ola", null, ParticipantOrganisationKind.Business, null, 1, _lead, Before))
            .ShouldBe("meeting.training.organisation.required");
        Code(() => training.AddOutsideParticipant(occurrence, null, null, ParticipantOrganisationKind.Business, null, 0, _lead, Before))
            .ShouldBe("meeting.training.count.invalid");
        Code(() => training.AddOutsideParticipant(occurrence, null, null, (ParticipantOrganisationKind)42, null, 1, _lead, Before))
            .ShouldBe("meeting.training.kind.invalid");
        Code(() => training.MarkOutsideParticipantAttended(counted.Id, true)).ShouldBe("meeting.training.attendance.counted");
        training.MarkOutsideParticipantAttended(named.Id, false);
        named.Attended.ShouldBe(false);
    }
}
