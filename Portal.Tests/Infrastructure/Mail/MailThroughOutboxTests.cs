using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Mail;

/// <summary>A mail enqueued with a change survives an SMTP outage in the outbox and arrives exactly
/// once when the server is back.</summary>
public abstract class MailThroughOutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly int _smtpPort = SmtpSink.FreePort();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() =>
        _database = await TestDatabase.CreateAsync(provider, seed: false, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            services.Replace(ServiceDescriptor.Singleton(new MailOptions
            {
                FromAddress = "noreply@portal.test",
                PublicUrl = "http://portal.test",
                Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtpPort, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
            }));
        });

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Mail_waits_in_the_outbox_while_SMTP_is_down_and_arrives_once_when_it_is_back()
    {
        var mail = new OutgoingMail("erik@lansstyrelsen.se", "Erik Lindqvist", "Ny medlem väntar på godkännande",
            "Öppna portalen: http://portal.test/workspaces/3", "<p>Öppna <a href=\"http://portal.test/workspaces/3\">portalen</a></p>",
            "membership-request-17");
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            db.EnqueueMail(mail, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var dispatcher = _database.Get<OutboxDispatcher>();

        // Nothing listens on the SMTP port yet.
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);
        var waiting = (await EntriesAsync()).ShouldHaveSingleItem();
        waiting.ProcessedAt.ShouldBeNull();
        waiting.DeadAt.ShouldBeNull();
        waiting.Attempts.ShouldBe(1);

        await using var sink = SmtpSink.Start(_smtpPort);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await dispatcher.DispatchDueAsync()).ShouldBe(1);
        _clock.Advance(TimeSpan.FromHours(2));
        (await dispatcher.DispatchDueAsync()).ShouldBe(0);

        var received = sink.Messages.ShouldHaveSingleItem().Parse();
        received.MessageId.ShouldBe("membership-request-17@portal.test");
        received.Subject.ShouldBe(mail.Subject);
        received.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("erik@lansstyrelsen.se");
        (await EntriesAsync()).ShouldHaveSingleItem().ProcessedAt.ShouldNotBeNull();
    }

    private async Task<List<OutboxEntry>> EntriesAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Set<OutboxEntry>().AsNoTracking().ToListAsync();
    }
}

public sealed class SqliteMailThroughOutboxTests() : MailThroughOutboxTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresMailThroughOutboxTests() : MailThroughOutboxTests(DatabaseProvider.Postgres);
