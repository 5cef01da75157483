using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Meetings;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Meetings;

/// <summary>The calendar part on each database: invitation and cancellation mails with the <c>.ics</c> over a real
/// SMTP conversation, the download and the personal feed (access, renewal, guessed secrets), and the day-before
/// reminder (once, not to those who declined).</summary>
public abstract class MeetingCalendarServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    // NMT (closed): Erik Sandberg leads; Karin Holm and Johan Berg are members. Fatima Ali is not in NMT.
    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = DemoData.IdFor("member:johan.berg");
    private static readonly Guid Fatima = DemoData.Personas.NgoMember;
    private const string Description = "Hemlig ärendegenomgång om offret i Malmö";

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

    private MeetingService Meetings => _database.Get<MeetingService>();
    private MeetingCalendarService Calendars => _database.Get<MeetingCalendarService>();
    private CalendarFeedService Feeds => _database.Get<CalendarFeedService>();

    /// <summary>Monday 7 December 2026, 09:00 in Stockholm, weekly three times (or once).</summary>
    private Task<Guid> ScheduleAsync(bool series = true, string title = "NMT:s veckomöte") =>
        Meetings.ScheduleAsync(Erik, new MeetingDraft(MeetingKind.Meeting, title, Description, [DemoData.Workspaces.Nmt],
            new DateTime(2026, 12, 7, 9, 0, 0), new DateTime(2026, 12, 7, 10, 0, 0), "Polishuset, Kungsholmsgatan 43",
            "https://meet.example.se/nmt", series ? MeetingRecurrence.Weekly(1, 3, null) : null, InviteeSelection.WholeWorkspace));

    private async Task DeliverAllAsync()
    {
        var dispatcher = _database.Get<OutboxDispatcher>();
        for (var round = 0; round < 5 && await dispatcher.DispatchDueAsync() > 0; round++)
        {
        }
    }

    private static Calendar IcsOf(MimeMessage message)
    {
        var part = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
    }

    private static string SecretOf(CalendarFeedAddress address) =>
        address.Url.Split("/calendar/")[1].Replace(".ics", "", StringComparison.Ordinal);

    [Fact]
    public async Task Invitees_get_one_mail_each_with_the_ics_and_a_cancellation_later_without_a_repeat()
    {
        await using var sink = SmtpSink.Start(_smtpPort);
        var id = await ScheduleAsync();

        await DeliverAllAsync();

        var invitations = sink.Messages.Select(m => m.Parse()).Where(m => m.Subject?.Contains("NMT:s veckomöte") == true).ToList();
        invitations.Count.ShouldBeGreaterThan(2);
        invitations.Select(m => m.To.Mailboxes.Single().Address).ShouldBeUnique();
        var karin = invitations.Single(m => m.To.Mailboxes.Single().Name == "Karin Holm");
        karin.Subject.ShouldStartWith("Inbjudan: NMT:s veckomöte");
        var text = karin.TextBody!;
        text.ShouldContain("måndag 7 december 2026 09:00–10:00");
        text.ShouldContain("Polishuset, Kungsholmsgatan 43");
        text.ShouldContain($"https://portal.test/meetings/{id}");
        text.ShouldNotContain(Description);
        karin.HtmlBody!.ShouldNotContain(Description);
        var part = karin.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        part.ContentType.Parameters["method"].ShouldBe("REQUEST");
        var invitation = IcsOf(karin);
        invitation.Method.ShouldBe("REQUEST");
        var calendarEvent = invitation.Events.ShouldHaveSingleItem();
        calendarEvent.Uid.ShouldBe($"{id}@samverkansportalen");
        (calendarEvent.Description ?? "").ShouldNotContain(Description);
        invitation.GetOccurrences(null, null).Count().ShouldBe(3);

        await Meetings.CancelAsync(Erik, id, null, MeetingChangeScope.Whole);
        await DeliverAllAsync();
        await DeliverAllAsync();

        var toKarin = sink.Messages.Select(m => m.Parse()).Where(m => m.To.Mailboxes.Single().Name == "Karin Holm"
            && m.Subject?.Contains("NMT:s veckomöte") == true).ToList();
        toKarin.Count.ShouldBe(2);
        var cancellation = IcsOf(toKarin[1]);
        toKarin[1].Subject.ShouldStartWith("Inställt: NMT:s veckomöte");
        cancellation.Method.ShouldBe("CANCEL");
        cancellation.Events.ShouldHaveSingleItem().Uid.ShouldBe(calendarEvent.Uid);
        cancellation.Events.Single()!.Sequence.ShouldBeGreaterThan(calendarEvent!.Sequence);
        cancellation.Events.Single().Status.ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Download_is_for_those_who_may_see_the_meeting_and_not_found_for_others()
    {
        var id = await ScheduleAsync(series: false);

        var ics = Calendar.Load(await Calendars.GetIcsAsync(Karin, id, CancellationToken.None))!;

        ics.Events.ShouldHaveSingleItem().Uid.ShouldBe($"{id}@samverkansportalen");
        ics.Events.Single().Attendees.ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => Calendars.GetIcsAsync(Fatima, id, CancellationToken.None));
        await Should.ThrowAsync<NotFoundException>(() => Calendars.GetIcsAsync(Karin, Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Feed_shows_what_its_member_may_see_and_renewing_kills_the_old_address()
    {
        var id = await ScheduleAsync();
        (await Feeds.GetAsync(Karin, CancellationToken.None)).Active.ShouldBeFalse();

        var first = await Feeds.CreateOrRenewAsync(Karin, CancellationToken.None);
        var outsider = await Feeds.CreateOrRenewAsync(Fatima, CancellationToken.None);

        first.Url.ShouldStartWith("https://portal.test/calendar/");
        first.Url.ShouldEndWith(".ics");
        (await Feeds.GetAsync(Karin, CancellationToken.None)).ShouldBe(new CalendarFeedState(true, _clock.GetUtcNow()));
        var feed = Calendar.Load((await Calendars.FeedAsync(SecretOf(first), "Mina möten", CancellationToken.None))!)!;
        feed.Events.ShouldContain(e => e.Uid == $"{id}@samverkansportalen");
        feed.Events.ShouldAllBe(e => e.Attendees.Count == 0);
        var others = Calendar.Load((await Calendars.FeedAsync(SecretOf(outsider), "Mina möten", CancellationToken.None))!)!;
        others.Events.ShouldNotContain(e => e.Uid == $"{id}@samverkansportalen");

        var renewed = await Feeds.CreateOrRenewAsync(Karin, CancellationToken.None);

        (await Calendars.FeedAsync(SecretOf(first), "Mina möten", CancellationToken.None)).ShouldBeNull();
        (await Calendars.FeedAsync(SecretOf(renewed), "Mina möten", CancellationToken.None)).ShouldNotBeNull();
        // A guessed secret of the right shape, and anything else, are refused alike.
        var guessed = Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        (await Calendars.FeedAsync(guessed, "Mina möten", CancellationToken.None)).ShouldBeNull();
        (await Calendars.FeedAsync("abc", "Mina möten", CancellationToken.None)).ShouldBeNull();
        (await Calendars.FeedAsync(SecretOf(renewed) + "=", "Mina möten", CancellationToken.None)).ShouldBeNull();
        await using var db = await _database.Contexts.CreateDbContextAsync();
        (await db.CalendarFeeds.CountAsync(f => f.MemberId == Karin && f.RevokedAt == null)).ShouldBe(1);
    }

    [Fact]
    public async Task Reminder_goes_a_day_before_to_invitees_who_did_not_decline_and_only_once()
    {
        var id = await ScheduleAsync(series: false);
        Guid occurrenceId;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            occurrenceId = await db.MeetingOccurrences.Where(o => o.MeetingId == id).Select(o => o.Id).SingleAsync();
        await Meetings.ReplyAsync(Karin, occurrenceId, ReplyAnswer.Declined, "Förhindrad");
        var job = new MeetingReminderJob(_database.Contexts, _database.Get<Portal.Infrastructure.Features.Notifications.Notifier>());
        Task RunAsync() => job.RunAsync(new TimedJobRun(MeetingReminderJob.Name, _clock.GetUtcNow(), null), CancellationToken.None);

        // Two days ahead: nothing yet. The meeting starts 08:00 UTC on 7 December.
        await RunAsync();
        (await RemindersAsync()).ShouldBeEmpty();

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        await RunAsync();
        await RunAsync();

        var reminded = await RemindersAsync();
        reminded.ShouldContain(Johan);
        reminded.ShouldNotContain(Karin);
        reminded.ShouldBeUnique();
    }

    private async Task<List<Guid>> RemindersAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Kind == MeetingReminderJob.Kind).Select(n => n.MemberId).ToListAsync();
    }
}

public sealed class SqliteMeetingCalendarServiceTests() : MeetingCalendarServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMeetingCalendarServiceTests() : MeetingCalendarServiceTests(DatabaseProvider.Postgres);
