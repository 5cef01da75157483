using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Assignments;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Assignments;
using Portal.Infrastructure.Features.Assignments.Reports;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Assignments;

/// <summary>The deadline job on each database, on the demo data seeded on Friday 27 November 2026: this year's
/// decision has a requisition due on 7 December (not yet requisitioned), Ola Svensson's study ends on 4 December,
/// Johanna Wall's report was due on 22 November and is still in progress, Anna Lindqvist's hotel training ends on
/// 30 November; the 2014 and 2017 decisions are long past. Anna and Johanna are the secretariat (administrators).</summary>
public abstract class AssignmentJobsDeadlineTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Anna = DemoData.Personas.Administrator;
    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall");
    private static readonly Guid Ola = DemoData.Personas.RegionalCoordinator;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;
    private static readonly Guid ThisYear = DemoData.Assignments.ThisYear;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly int _smtpPort = SmtpSink.FreePort();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, configure: services =>
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.Replace(ServiceDescriptor.Singleton(new MailOptions
        {
            FromAddress = "noreply@portal.test",
            PublicUrl = "https://portal.test",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtpPort, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
        }));
    });

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>The job as the scheduler makes it (proves the registration), run at the clock's time.</summary>
    private async Task RunAsync()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<AssignmentDeadlineJob>();
        await job.RunAsync(new TimedJobRun(AssignmentDeadlineJob.Name, _clock.GetUtcNow(), null), CancellationToken.None);
    }

    private async Task<List<Notification>> NoticesAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var kinds = new[] { AssignmentDeadlineJob.DeadlineKind, AssignmentDeadlineJob.ActivityEndingKind, AssignmentDeadlineJob.OverdueKind };
        return await db.Notifications.AsNoTracking().Where(n => kinds.Contains(n.Kind)).ToListAsync();
    }

    private async Task<Guid> ActivityAsync(string title)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.PlannedActivities.Where(a => a.Title == title).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task Near_deadlines_reach_the_secretariat_and_an_activity_end_its_owner_once()
    {
        var endingSoon = await ActivityAsync(DemoData.Assignments.EndingSoonActivity);

        await RunAsync();
        await RunAsync();

        var notices = await NoticesAsync();
        var requisition = notices.Where(n => n.Kind == AssignmentDeadlineJob.DeadlineKind && n.SubjectId == ThisYear).ToList();
        requisition.Select(n => n.MemberId).ShouldBe([Anna, Johanna], ignoreOrder: true);
        requisition.ShouldAllBe(n => n.Text == "res:deadline.requisition|2026-12-07" && n.SubjectKind == AssignmentSubjectKind.Name);
        var ending = notices.Where(n => n.Kind == AssignmentDeadlineJob.ActivityEndingKind && n.SubjectId == endingSoon).ToList();
        ending.Select(n => n.MemberId).ShouldBe([Ola, Anna, Johanna], ignoreOrder: true);
        ending.ShouldAllBe(n => n.Text == "res:deadline.activity-end|2026-12-04");
        // Johanna's report was due five days ago: overdue at once, to her (owner) and Anna.
        var late = notices.Where(n => n.Kind == AssignmentDeadlineJob.OverdueKind).ToList();
        late.ShouldNotBeEmpty();
        late.ShouldAllBe(n => n.SubjectKind == ActivitySubjectKind.Name && n.Text == "res:deadline.activity-end|2026-11-22");
        late.Select(n => n.MemberId).ShouldBe([Johanna, Anna], ignoreOrder: true);
        // Budget deadlines are the secretariat's only; the old decisions are history; nothing twice.
        notices.ShouldNotContain(n => n.MemberId == Fatima);
        notices.ShouldNotContain(n => n.MemberId == Karin && n.Kind == AssignmentDeadlineJob.DeadlineKind);
        notices.ShouldNotContain(n => n.SubjectId == DemoData.Assignments.Justice2017 || n.SubjectId == DemoData.Assignments.Children2014);
        notices.Select(n => (n.MemberId, n.Kind, n.SubjectId, n.Text)).ShouldBeUnique();
    }

    [Fact]
    public async Task A_deadline_that_passes_is_announced_once_more_as_overdue()
    {
        var endingSoon = await ActivityAsync(DemoData.Assignments.EndingSoonActivity);
        await RunAsync();

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero));
        await RunAsync();
        await RunAsync();

        var overdue = (await NoticesAsync()).Where(n => n.Kind == AssignmentDeadlineJob.OverdueKind).ToList();
        overdue.Where(n => n.SubjectId == ThisYear).Select(n => n.MemberId).ShouldBe([Anna, Johanna], ignoreOrder: true);
        overdue.Where(n => n.SubjectId == ThisYear).ShouldAllBe(n => n.Text == "res:deadline.requisition|2026-12-07");
        overdue.Where(n => n.SubjectId == endingSoon).Select(n => n.MemberId).ShouldBe([Ola, Anna, Johanna], ignoreOrder: true);
        overdue.Select(n => (n.MemberId, n.SubjectId, n.Text)).ShouldBeUnique();
    }

    [Fact]
    public async Task A_recorded_requisition_and_a_finished_activity_are_not_announced()
    {
        var endingSoon = await ActivityAsync(DemoData.Assignments.EndingSoonActivity);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var assignment = await db.GovernmentAssignments.Include(a => a.BudgetLines).SingleAsync(a => a.Id == ThisYear);
            var line = assignment.BudgetLines.Single(l => l.RequisitionedOn is null);
            assignment.RecordRequisition(line.Id, new DateOnly(2026, 11, 26), line.Amount);
            var activity = await db.PlannedActivities.SingleAsync(a => a.Id == endingSoon);
            activity.UpdateProgress(ActivityStatus.Done, 180_000m);
            await db.SaveChangesAsync();
        }

        await RunAsync();

        var notices = await NoticesAsync();
        notices.ShouldNotContain(n => n.SubjectId == ThisYear);
        notices.ShouldNotContain(n => n.SubjectId == endingSoon);
    }

    [Fact]
    public async Task A_submitted_final_report_meets_the_report_deadline_and_an_interim_report_does_not()
    {
        var secretariat = new Caller(Anna);
        var reports = _database.Services.GetRequiredService<ReportService>();
        var reported = await RegisterEndingAsync("Ju2026/09001/PO");
        var interim = await RegisterEndingAsync("Ju2026/09002/PO");
        await reports.SubmitAsync(secretariat, await reports.CreateDraftAsync(secretariat, reported, new DateOnly(2026, 1, 15), new DateOnly(2026, 11, 30)));
        await reports.SubmitAsync(secretariat, await reports.CreateDraftAsync(secretariat, interim, new DateOnly(2026, 1, 15), new DateOnly(2026, 6, 30)));

        await RunAsync();

        var notices = (await NoticesAsync()).Where(n => n.Text != null && n.Text.EndsWith("deadline.report|2026-12-04", StringComparison.Ordinal)).ToList();
        notices.ShouldNotContain(n => n.SubjectId == reported);
        notices.Where(n => n.SubjectId == interim).Select(n => n.MemberId).ShouldBe([Anna, Johanna], ignoreOrder: true);
        var overview = await _database.Services.GetRequiredService<AssignmentDeadlineService>()
            .OverviewAsync(secretariat, new DateOnly(2026, 11, 27), 14);
        overview.Where(i => i.Kind == DeadlineKind.Report).Select(i => i.AssignmentId).ShouldContain(interim);
        overview.Where(i => i.Kind == DeadlineKind.Report).Select(i => i.AssignmentId).ShouldNotContain(reported);
    }

    /// <summary>A decision for this year, its money requisitioned and received, its report due on 4 December.</summary>
    private async Task<Guid> RegisterEndingAsync(string registrationNumber) =>
        await _database.Services.GetRequiredService<AssignmentService>().RegisterAsync(new Caller(Anna), new AssignmentDraft(
            registrationNumber, "Uppdrag att kartlägga exploatering i bärplockningen", "Arbetsmarknadsdepartementet",
            new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 15), new DateOnly(2026, 11, 30), ["Kartlägga läget."], [], false, 100_000m,
            [new BudgetLineDraft(100_000m, "UO 14", "1:1", "ap.2", "Kammarkollegiet", new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 20), 100_000m)],
            new DateOnly(2027, 3, 15), new DateOnly(2026, 12, 4), null));

    [Fact]
    public async Task A_member_who_turned_the_kind_off_gets_neither_bell_nor_mail()
    {
        await _database.Get<NotificationPreferenceService>().SetAsync(Ola, AssignmentDeadlineJob.ActivityEndingKind, false, EmailFrequency.Never);

        await RunAsync();

        (await NoticesAsync()).ShouldNotContain(n => n.MemberId == Ola);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var mails = (await db.Set<OutboxEntry>().AsNoTracking().Where(m => m.Type == "notifications.mail").Select(m => m.Payload).ToListAsync())
            .Where(payload => payload.Contains(AssignmentDeadlineJob.ActivityEndingKind, StringComparison.Ordinal)).ToList();
        // The others still get theirs (Anna and Johanna, for the same activity).
        mails.ShouldNotBeEmpty();
        mails.ShouldNotContain(payload => payload.Contains(Ola.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_owner_gets_one_mail_worded_in_their_language_over_SMTP()
    {
        await using var sink = SmtpSink.Start(_smtpPort);

        await RunAsync();
        var dispatcher = _database.Get<OutboxDispatcher>();
        for (var round = 0; round < 5 && await dispatcher.DispatchDueAsync() > 0; round++)
        {
        }

        // The demo's meetings have invitations of their own in the outbox: only the notice's mail is ours.
        var toOla = sink.Messages.Select(m => m.Parse())
            .Where(m => m.To.Mailboxes.Single().Name == "Ola Svensson" && m.Subject?.Contains(DemoData.Assignments.EndingSoonActivity) == true)
            .ToList();
        var mail = toOla.ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("Aktiviteten ”");
        var body = mail.TextBody!;
        body.ShouldContain("planerat slut 2026-12-04");
        body.ShouldContain("https://portal.test/plan/activities/");
        body.ShouldNotContain("res:");
    }

    [Fact]
    public async Task How_far_ahead_comes_from_the_options()
    {
        _database.Get<AssignmentOptions>().DeadlineNoticeDays = 3;

        await RunAsync();

        var notices = await NoticesAsync();
        // The requisition (10 days away) and Ola's end (7 days) wait; the hotel training ends in 3 days.
        notices.ShouldNotContain(n => n.SubjectId == ThisYear);
        notices.ShouldNotContain(n => n.MemberId == Ola);
        notices.ShouldContain(n => n.Kind == AssignmentDeadlineJob.ActivityEndingKind && n.Text == "res:deadline.activity-end|2026-11-30");
    }
}

public sealed class SqliteAssignmentJobsDeadlineTests() : AssignmentJobsDeadlineTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresAssignmentJobsDeadlineTests() : AssignmentJobsDeadlineTests(DatabaseProvider.Postgres);
