using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Seeding;
using Portal.Tests.Infrastructure.Discussions;

namespace Portal.Tests.Infrastructure.Notifications;

/// <summary>E-mail about notifications: at once through the outbox and a real SMTP conversation on
/// loopback, and digests from the timed job, with the clock moved by the test.</summary>
public abstract class NotificationMailTests(DatabaseProvider provider) : DiscussionTestBase(provider), IDisposable
{
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = Member("johan.berg");

    // 05:00 UTC is 06:00 in Stockholm in November: before the daily digest's hour.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
    private readonly SmtpSink _sink = SmtpSink.Start();

    protected override void Configure(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.Replace(ServiceDescriptor.Singleton(new MailOptions
        {
            PublicUrl = "http://portal.test",
            FromAddress = "noreply@portal.test",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _sink.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
        }));
    }

    private OutboxDispatcher Outbox => Database.Get<OutboxDispatcher>();

    [Fact]
    public async Task Mention_mails_at_once_in_the_members_language_with_encoded_text_and_a_link_back()
    {
        await ChooseEnglishAsync(Karin);
        var started = await Discussions.StartThreadAsync(Erik, [DemoData.Workspaces.Nmt], "Möte <b>om</b> rubricering & annat", [], false,
            $"{Mention("Karin Holm", Karin)} kan du?");

        (await Outbox.DispatchDueAsync()).ShouldBeGreaterThan(0);

        var mail = _sink.Messages.ShouldHaveSingleItem().Parse();
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(await EmailOfAsync(Karin));
        mail.Subject.ShouldBe("Erik Sandberg mentioned you in “Möte <b>om</b> rubricering & annat” – Samverkansportalen");
        mail.TextBody!.ShouldContain($"http://portal.test/threads/{started.ThreadId}#post-{started.FirstPostId}");
        mail.HtmlBody!.ShouldContain("&lt;b&gt;om&lt;/b&gt; rubricering &amp; annat");
        mail.HtmlBody!.ShouldNotContain("<b>om</b>");
        mail.HtmlBody!.ShouldContain($"href=\"http://portal.test/threads/{started.ThreadId}#post-{started.FirstPostId}\"");
        mail.HtmlBody!.ShouldContain("Open in the portal");

        (await Outbox.DispatchDueAsync()).ShouldBe(0);
        _sink.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_repeated_delivery_of_the_same_outbox_message_sends_no_second_mail()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        using var scope = Database.Get<IServiceScopeFactory>().CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<IOutboxHandler<NotificationMail>>();
        var message = new NotificationMail(Karin, DiscussionNotificationKinds.Mention, "thread", thread, null, Erik, null, _clock.GetUtcNow());
        var delivery = new OutboxDelivery(Guid.CreateVersion7(), 1, _clock.GetUtcNow());

        await handler.HandleAsync(message, delivery, CancellationToken.None);
        await handler.HandleAsync(message, delivery with { Attempt = 2 }, CancellationToken.None);

        _sink.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Email_never_queues_no_mail_and_bell_still_gets_the_row()
    {
        var thread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Database.Get<NotificationPreferenceService>().SetAsync(Karin, DiscussionNotificationKinds.Mention, true, EmailFrequency.Never);

        await Discussions.PostAsync(Erik, thread, $"{Mention("Karin Holm", Karin)} hej");
        await Outbox.DispatchDueAsync();

        _sink.Messages.ShouldBeEmpty();
        (await Database.Get<NotificationService>().ListAsync(Karin)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Daily_digest_lists_what_is_unread_leaves_out_subjects_lost_since_and_goes_once()
    {
        var preferences = Database.Get<NotificationPreferenceService>();
        await preferences.SetAsync(Karin, DiscussionNotificationKinds.Mention, true, EmailFrequency.DailyDigest);
        var scheduler = Database.Get<TimedJobScheduler>();
        await scheduler.RunDueAsync(); // first sight: schedules the job
        var nmtThread = await ThreadAsync(DemoData.Threads.NmtMethodSupport);
        await Discussions.PostAsync(Erik, nmtThread, $"{Mention("Karin Holm", Karin)} om NMT");
        var manual = await Discussions.StartThreadAsync(Johan, [DemoData.Workspaces.ManualRevision], "Kapitel 4 i manualen", [], false,
            $"{Mention("Karin Holm", Karin)} läs kapitel 4");
        await Database.Get<WorkspaceService>().LeaveAsync(Karin, DemoData.Workspaces.Nmt);
        await Outbox.DispatchDueAsync();
        _sink.Messages.ShouldBeEmpty(); // nothing at once: she chose the digest

        _clock.Advance(TimeSpan.FromMinutes(90)); // 07:30 in Stockholm
        (await scheduler.RunDueAsync()).ShouldBeGreaterThan(0);
        await Outbox.DispatchDueAsync();

        // The same run sends the assignments' deadline notices about the demo plan to others; only digests count here.
        var digest = Digests().ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Dagens sammanfattning: 1 oläst – Samverkansportalen");
        digest.TextBody!.ShouldContain("Johan Berg nämnde dig i ”Kapitel 4 i manualen”");
        digest.TextBody!.ShouldContain($"http://portal.test/threads/{manual.ThreadId}#post-{manual.FirstPostId}");
        digest.TextBody!.ShouldNotContain(DemoData.Threads.NmtMethodSupport);

        _clock.Advance(TimeSpan.FromMinutes(30));
        await scheduler.RunDueAsync();
        await Outbox.DispatchDueAsync();
        Digests().Count.ShouldBe(1);
    }

    private List<MimeKit.MimeMessage> Digests() =>
        _sink.Messages.Select(m => m.Parse()).Where(m => m.MessageId?.StartsWith("digest-", StringComparison.Ordinal) == true).ToList();

    private async Task ChooseEnglishAsync(Guid memberId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var member = await db.Members.AsTracking().SingleAsync(m => m.Id == memberId);
        member.ChooseCulture("en");
        await db.SaveChangesAsync();
    }

    private async Task<string> EmailOfAsync(Guid memberId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return (await db.Members.SingleAsync(m => m.Id == memberId)).Email!;
    }

    public void Dispose() => _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

public sealed class SqliteNotificationMailTests() : NotificationMailTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresNotificationMailTests() : NotificationMailTests(DatabaseProvider.Postgres);
