using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>The review date reminder: once per review date when it is within the reminder window or past,
/// again after the date is moved, never to an owner who can no longer see the document, and once even
/// when two runs meet.</summary>
public abstract class DocumentReviewDueTests(DatabaseProvider provider) : IAsyncLifetime
{
    // 06:00 UTC is 07:00 in Stockholm.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static readonly Guid Erik = DemoData.Personas.NmtLead;
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = DemoData.IdFor("member:johan.berg");

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DocumentReviewDueJob Job() =>
        new(_database.Contexts, _database.Get<Notifier>(), _database.Get<DocumentReviewOptions>());

    private Task RunAsync() => Job().RunAsync(new TimedJobRun(DocumentReviewDueJob.Name, _clock.GetUtcNow(), null), CancellationToken.None);

    private async Task<int> RemindersAsync(Guid memberId, Guid documentId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == DocumentNotificationKinds.ReviewDue && n.SubjectId == documentId);
    }

    private async Task<Guid> DocumentAsync(Guid ownerId, Guid reviewerId, DateOnly reviewDueOn)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var document = await DocumentTestDocuments.PublishedAsync(db, DemoData.Workspaces.Nmt, ownerId, reviewerId, Today, _clock.GetUtcNow(), reviewDueOn);
        await db.SaveChangesAsync();
        return document.Id;
    }

    [Fact]
    public async Task The_owner_is_reminded_once_per_review_date_and_again_after_it_is_moved()
    {
        var near = await DocumentAsync(Erik, Karin, Today.AddDays(20));
        var far = await DocumentAsync(Erik, Karin, Today.AddDays(45));

        await RunAsync();
        (await RemindersAsync(Erik, near)).ShouldBe(1);
        (await RemindersAsync(Erik, far)).ShouldBe(0);

        _clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        (await RemindersAsync(Erik, near)).ShouldBe(1);
        (await RemindersAsync(Erik, far)).ShouldBe(0);

        // The owner moves the date: a new date is a new reminder once it comes near.
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var document = await db.Documents.SingleAsync(d => d.Id == near);
            document.Describe(new DocumentMetadata(document.Title, document.Summary, document.Type, document.Audience,
                document.ExploitationForms.ToList(), Today.AddDays(40)), Today);
            await db.SaveChangesAsync();
        }
        await RunAsync();
        (await RemindersAsync(Erik, near)).ShouldBe(1);

        _clock.Advance(TimeSpan.FromDays(15)); // 39 → 25 days left; "far" is at 29 days now too
        await RunAsync();
        (await RemindersAsync(Erik, near)).ShouldBe(2);
        (await RemindersAsync(Erik, far)).ShouldBe(1);

        // Past the date: nothing new, it was reminded of this date already.
        _clock.Advance(TimeSpan.FromDays(40));
        await RunAsync();
        (await RemindersAsync(Erik, near)).ShouldBe(2);
        (await RemindersAsync(Erik, far)).ShouldBe(1);
    }

    [Fact]
    public async Task The_reminder_mails_at_once_through_the_outbox()
    {
        var id = await DocumentAsync(Erik, Karin, Today.AddDays(3));

        await RunAsync();

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var mails = await db.Set<OutboxEntry>().AsNoTracking().Where(e => e.Type == "notifications.mail").ToListAsync();
        mails.Count(m => m.Payload.Contains(id.ToString()) && m.Payload.Contains(DocumentNotificationKinds.ReviewDue)).ShouldBe(1);
    }

    [Fact]
    public async Task An_owner_who_lost_the_workspace_is_not_reminded()
    {
        var id = await DocumentAsync(Karin, Johan, Today.AddDays(10));
        await _database.Get<WorkspaceService>().LeaveAsync(Karin, DemoData.Workspaces.Nmt);

        await RunAsync();

        (await RemindersAsync(Karin, id)).ShouldBe(0);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        (await db.Documents.Where(d => d.Id == id).Select(d => d.ReviewReminderSentFor).SingleAsync()).ShouldBe(Today.AddDays(10));
    }

    [Fact]
    public async Task Two_runs_that_meet_remind_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await DocumentAsync(Erik, Karin, Today.AddDays(5 + i)));

        await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));

        foreach (var id in ids)
            (await RemindersAsync(Erik, id)).ShouldBe(1);
    }
}

public sealed class SqliteDocumentReviewDueTests() : DocumentReviewDueTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentReviewDueTests() : DocumentReviewDueTests(DatabaseProvider.Postgres);
