using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Seeding;
using static Portal.Tests.Infrastructure.Meetings.MeetingMinutesScenario;

namespace Portal.Tests.Infrastructure.Meetings;

/// <summary>The agenda and trainings through the use cases on each database: proposals until the deadline and
/// the editor's decision, links only to what the member may see, the deadline reminder once, a training's
/// waiting list with the freed seat told, and the year's training figures for the administrators.</summary>
public abstract class MeetingMinutesAgendaTrainingTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Friday 27 November 2026, 08:00 in Stockholm; the meeting is on Tuesday 1 December at 09:00.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
    private static readonly DateTime MeetingStart = new(2026, 12, 1, 9, 0, 0);
    private TestDatabase _database = null!;

    private MeetingAgendaService Agenda => _database.Get<MeetingAgendaService>();
    private TrainingParticipantService Training => _database.Get<TrainingParticipantService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> NotificationsAsync(Guid memberId, string kind)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == kind);
    }

    [Fact]
    public async Task Proposals_are_taken_until_the_deadline_and_the_lead_decides()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(_database.Contexts, MeetingStart);
        await Agenda.AddAsync(Erik, meetingId, occurrenceId, "Inledning", Erik, 5, null);
        await Agenda.SetDeadlineAsync(Erik, meetingId, occurrenceId, new DateTime(2026, 11, 30, 12, 0, 0));
        var proposal = await Agenda.ProposeAsync(Karin, meetingId, occurrenceId, "Fall i Malmö", 15, null);

        var johans = await Agenda.GetAsync(Johan, meetingId, occurrenceId);
        johans.Proposals.ShouldBeEmpty();
        johans.CanPropose.ShouldBeTrue();
        johans.CanEdit.ShouldBeFalse();
        var eriks = await Agenda.GetAsync(Erik, meetingId, occurrenceId);
        eriks.Proposals.Single().Id.ShouldBe(proposal);
        // 12:00 Stockholm time on 30 November is 11:00 UTC.
        eriks.ProposalDeadline.ShouldBe(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero));

        await Should.ThrowAsync<AccessDeniedException>(() => Agenda.DecideAsync(Karin, meetingId, occurrenceId, proposal, true));
        await Should.ThrowAsync<AccessDeniedException>(() => Agenda.AddAsync(Karin, meetingId, occurrenceId, "Egen punkt", null, null, null));
        await Should.ThrowAsync<NotFoundException>(() => Agenda.ProposeAsync(Fatima, meetingId, occurrenceId, "Utifrån", null, null));
        await Agenda.DecideAsync(Erik, meetingId, occurrenceId, proposal, true);
        (await Agenda.GetAsync(Johan, meetingId, occurrenceId)).Items.Select(i => i.Title).ShouldBe(["Inledning", "Fall i Malmö"]);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero));
        var late = await Should.ThrowAsync<DomainRuleException>(() => Agenda.ProposeAsync(Johan, meetingId, occurrenceId, "För sent", null, null));
        late.Code.ShouldBe("meeting.proposal-deadline-passed");
        (await Agenda.GetAsync(Erik, meetingId, occurrenceId)).Proposals.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_item_links_only_to_what_the_member_may_see()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(_database.Contexts, MeetingStart);
        var view = await Agenda.GetAsync(Erik, meetingId, occurrenceId);
        var nmtThread = view.LinkOptions.First(o => o.Kind == AgendaLinkKind.Thread);

        await Agenda.AddAsync(Erik, meetingId, occurrenceId, "Tråden om metodstöd", null, null, new AgendaLink(AgendaLinkKind.Thread, nmtThread.TargetId));
        var hidden = await Should.ThrowAsync<DomainRuleException>(() => Agenda.AddAsync(Erik, meetingId, occurrenceId, "Gissad tråd", null, null,
            new AgendaLink(AgendaLinkKind.Thread, Guid.NewGuid())));
        hidden.Code.ShouldBe("meeting.agenda.link.invalid");

        var item = (await Agenda.GetAsync(Karin, meetingId, occurrenceId)).Items.Single();
        item.Link!.Href.ShouldBe($"/threads/{nmtThread.TargetId}");
    }

    [Fact]
    public async Task The_invitees_are_reminded_of_the_proposal_deadline_once()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(_database.Contexts, MeetingStart);
        await Agenda.SetDeadlineAsync(Erik, meetingId, occurrenceId, new DateTime(2026, 11, 30, 12, 0, 0));
        var job = new MeetingAgendaDeadlineJob(_database.Contexts, _database.Get<Notifier>());
        Task RunAsync() => job.RunAsync(new TimedJobRun(MeetingAgendaDeadlineJob.Name, _clock.GetUtcNow(), null), CancellationToken.None);

        await RunAsync();
        (await NotificationsAsync(Karin, MeetingMinutesNotificationKinds.AgendaDeadline)).ShouldBe(0);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await RunAsync();
        await RunAsync();
        (await NotificationsAsync(Karin, MeetingMinutesNotificationKinds.AgendaDeadline)).ShouldBe(1);
        (await NotificationsAsync(Johan, MeetingMinutesNotificationKinds.AgendaDeadline)).ShouldBe(1);
        (await NotificationsAsync(Fatima, MeetingMinutesNotificationKinds.AgendaDeadline)).ShouldBe(0);
    }

    [Fact]
    public async Task A_freed_seat_goes_to_the_first_waiting_who_is_told()
    {
        var (meetingId, occurrenceId) = await ScheduleAsync(_database.Contexts, MeetingStart, MeetingKind.Training, seats: 1,
            invitees: [Erik, Karin]);

        (await Training.RegisterAsync(Karin, meetingId, occurrenceId)).ShouldBe(TrainingRegistrationStatus.Registered);
        // Johan is not invited but reads the NMT workspace: trainings are open to those who may see them.
        (await Training.RegisterAsync(Johan, meetingId, occurrenceId)).ShouldBe(TrainingRegistrationStatus.Waiting);
        (await Should.ThrowAsync<DomainRuleException>(() => Training.RegisterAsync(Johan, meetingId, occurrenceId))).Code
            .ShouldBe("meeting.training.already-registered");
        await Should.ThrowAsync<NotFoundException>(() => Training.RegisterAsync(Fatima, meetingId, occurrenceId));

        var johans = await Training.GetAsync(Johan, meetingId, occurrenceId);
        johans.MyWaitingPlace.ShouldBe(1);
        johans.Registrations.ShouldBeEmpty();

        await Training.UnregisterAsync(Karin, meetingId, occurrenceId);

        (await Training.GetAsync(Johan, meetingId, occurrenceId)).MyStatus.ShouldBe(TrainingRegistrationStatus.Registered);
        (await NotificationsAsync(Johan, MeetingMinutesNotificationKinds.TrainingSeat)).ShouldBe(1);
        var eriks = await Training.GetAsync(Erik, meetingId, occurrenceId);
        eriks.CanManage.ShouldBeTrue();
        eriks.Registrations.Single().Person.MemberId.ShouldBe(Johan);
    }

    [Fact]
    public async Task The_years_training_figures_count_attendance_by_kind_of_organisation_and_county()
    {
        // The demo data's trainings count too: this test's training is measured on top of them.
        var figuresService = _database.Get<TrainingFiguresService>();
        var before = await figuresService.ForYearAsync(Administrator, 2026);
        int Kind(TrainingFigures f, ParticipantOrganisationKind kind) => f.ByKind.GetValueOrDefault(kind);
        var (meetingId, occurrenceId) = await ScheduleAsync(_database.Contexts, MeetingStart, MeetingKind.Training, seats: 10);
        await Training.RegisterAsync(Karin, meetingId, occurrenceId);
        await Training.RegisterAsync(Johan, meetingId, occurrenceId);
        await Training.AddOutsideAsync(Erik, meetingId, occurrenceId,
            new OutsideParticipantDraft("Sara Ek", "Taxi Skåne", ParticipantOrganisationKind.Business, County.Skane, 1));
        var absent = await Training.AddOutsideAsync(Erik, meetingId, occurrenceId,
            new OutsideParticipantDraft("Per Holm", "Hotell Malmö", ParticipantOrganisationKind.Business, County.Skane, 1));
        await Training.AddOutsideAsync(Erik, meetingId, occurrenceId,
            new OutsideParticipantDraft(null, null, ParticipantOrganisationKind.Municipality, County.Skane, 12));
        await Should.ThrowAsync<AccessDeniedException>(() => Training.AddOutsideAsync(Karin, meetingId, occurrenceId,
            new OutsideParticipantDraft(null, null, ParticipantOrganisationKind.Municipality, null, 3)));

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await Training.MarkAttendedAsync(Erik, meetingId, occurrenceId, Karin, true);
        await Training.MarkAttendedAsync(Erik, meetingId, occurrenceId, Johan, false);
        await Training.MarkOutsideAttendedAsync(Erik, meetingId, occurrenceId, absent, false);

        var figures = await _database.Get<TrainingFiguresService>().ForYearAsync(Administrator, 2026);

        figures.TrainingsHeld.ShouldBe(before.TrainingsHeld + 1);
        // Karin (police: a state agency), Sara Ek and twelve from municipalities in Skåne.
        figures.Participants.ShouldBe(before.Participants + 14);
        Kind(figures, ParticipantOrganisationKind.Municipality).ShouldBe(Kind(before, ParticipantOrganisationKind.Municipality) + 12);
        Kind(figures, ParticipantOrganisationKind.Business).ShouldBe(Kind(before, ParticipantOrganisationKind.Business) + 1);
        Kind(figures, ParticipantOrganisationKind.StateAgency).ShouldBe(Kind(before, ParticipantOrganisationKind.StateAgency) + 1);
        figures.ByCounty.GetValueOrDefault(County.Skane).ShouldBe(before.ByCounty.GetValueOrDefault(County.Skane) + 13);
        (await _database.Get<TrainingFiguresService>().ForYearAsync(Administrator, 2025)).Participants.ShouldBe(0);
        await Should.ThrowAsync<AccessDeniedException>(() => _database.Get<TrainingFiguresService>().ForYearAsync(Erik, 2026));
    }
}

public sealed class SqliteMeetingMinutesAgendaTrainingTests() : MeetingMinutesAgendaTrainingTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMeetingMinutesAgendaTrainingTests() : MeetingMinutesAgendaTrainingTests(DatabaseProvider.Postgres);
