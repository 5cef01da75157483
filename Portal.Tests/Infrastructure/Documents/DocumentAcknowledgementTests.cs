using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.Documents;

/// <summary>The owner's view of who has read the version in force: per organisation, an acknowledgement of
/// the same major version counts, a major version asks again, and only editors see it.</summary>
public abstract class DocumentAcknowledgementTests(DatabaseProvider provider) : IAsyncLifetime
{
    // 09:00 UTC is 10:00 in Stockholm: the same day in both.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall"); // leads the manual revision group
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Johan = DemoData.IdFor("member:johan.berg");
    private static readonly Guid Sara = DemoData.IdFor("member:sara.nilsson");

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
    private DocumentAcknowledgementService Service => _database.Get<DocumentAcknowledgementService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task Acknowledge(Guid memberId, GuidanceDocument document, DocumentVersion version)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.DocumentAcknowledgements.Add(new DocumentAcknowledgement(document.Id, version.Id, version.Number, memberId, _clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Members_are_grouped_by_organisation_and_an_acknowledgement_of_the_same_major_version_counts()
    {
        GuidanceDocument document;
        DocumentVersion first, minor;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            document = await DocumentTestDocuments.PublishedAsync(db, DemoData.Workspaces.ManualRevision, Johanna, Karin, Today, _clock.GetUtcNow());
            first = document.LatestPublished!;
            await db.SaveChangesAsync();
        }
        await Acknowledge(Karin, document, first);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            document = await db.Documents.Include(d => d.Versions).ThenInclude(v => v.Reviews).SingleAsync(d => d.Id == document.Id);
            minor = await DocumentTestDocuments.NextVersionAsync(db, document, Karin, major: false, Today, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Acknowledge(Johan, document, minor);

        var overview = await Service.OverviewAsync(Johanna, document.Id);

        overview.InForce!.Number.ShouldBe(new VersionNumber(1, 1));
        var everyone = overview.Organisations.SelectMany(o => o.Members).ToList();
        everyone.Select(m => m.MemberId).ShouldContain(Sara);
        everyone.Count.ShouldBe(8); // Johanna leads, seven members
        var karin = everyone.Single(m => m.MemberId == Karin);
        karin.HasAcknowledged.ShouldBeTrue();
        karin.Version.ShouldBe(new VersionNumber(1, 0));
        everyone.Single(m => m.MemberId == Johan).Version.ShouldBe(new VersionNumber(1, 1));
        everyone.Single(m => m.MemberId == Sara).HasAcknowledged.ShouldBeFalse();
        overview.Acknowledged.ShouldBe(2);
        overview.Total.ShouldBe(8);
        var police = overview.Organisations.Single(o => o.Members.Any(m => m.MemberId == Karin));
        police.Name.ShouldBe("Polisen – Nationella operativa avdelningen");
        (police.Acknowledged, police.Total).ShouldBe((1, 1));
        overview.Organisations.Select(o => o.Name).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false));
    }

    [Fact]
    public async Task A_major_version_in_force_asks_everyone_again_and_an_upcoming_one_does_not_yet()
    {
        GuidanceDocument document;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            document = await DocumentTestDocuments.PublishedAsync(db, DemoData.Workspaces.ManualRevision, Johanna, Karin, Today, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await Acknowledge(Karin, document, document.LatestPublished!);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            document = await db.Documents.Include(d => d.Versions).ThenInclude(v => v.Reviews).SingleAsync(d => d.Id == document.Id);
            await DocumentTestDocuments.NextVersionAsync(db, document, Karin, major: true, Today, _clock.GetUtcNow(), effectiveFrom: Today.AddDays(14));
            await db.SaveChangesAsync();
        }

        var before = await Service.OverviewAsync(Johanna, document.Id);
        before.InForce!.Number.ShouldBe(new VersionNumber(1, 0));
        before.Acknowledged.ShouldBe(1);

        _clock.Advance(TimeSpan.FromDays(14));
        var after = await Service.OverviewAsync(Johanna, document.Id);
        after.InForce!.Number.ShouldBe(new VersionNumber(2, 0));
        after.Acknowledged.ShouldBe(0);
        after.Total.ShouldBe(8);
    }

    [Fact]
    public async Task A_portal_wide_document_is_for_every_member_of_an_enabled_organisation()
    {
        var anna = DemoData.Personas.Administrator;
        GuidanceDocument document;
        int members;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            document = await DocumentTestDocuments.PublishedAsync(db, null, anna, Karin, Today, _clock.GetUtcNow());
            await db.SaveChangesAsync();
            members = await db.Members.CountAsync(m => db.Organisations.Any(o => o.Id == m.OrganisationId && o.Enabled));
        }

        var overview = await Service.OverviewAsync(anna, document.Id);

        overview.Total.ShouldBe(members);
        overview.Organisations.Count.ShouldBeGreaterThan(10);
        // Another administrator edits portal-wide documents too.
        (await Service.OverviewAsync(Johanna, document.Id)).Total.ShouldBe(members);
    }

    [Fact]
    public async Task Readers_who_are_not_editors_are_denied_and_those_who_cannot_see_it_are_told_it_does_not_exist()
    {
        GuidanceDocument document;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            document = await DocumentTestDocuments.PublishedAsync(db, DemoData.Workspaces.ManualRevision, Johanna, Karin, Today, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        (await Should.ThrowAsync<AccessDeniedException>(() => Service.OverviewAsync(Sara, document.Id))).Code.ShouldBe("document.acknowledgements.denied");
        (await Should.ThrowAsync<NotFoundException>(() => Service.OverviewAsync(DemoData.Personas.NgoMember, document.Id))).Code.ShouldBe("document.notfound");
        (await Should.ThrowAsync<NotFoundException>(() => Service.OverviewAsync(Johanna, Guid.NewGuid()))).Code.ShouldBe("document.notfound");
    }

    [Fact]
    public async Task A_document_with_only_a_draft_has_no_version_in_force_to_acknowledge()
    {
        Guid id;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var document = GuidanceDocument.Create(DemoData.Workspaces.ManualRevision, await db.OrganisationOfAsync(Johanna), Johanna,
                new DocumentMetadata("Utkast", null, DocumentType.Checklist, DocumentAudience.Both, [], Today.AddMonths(6)), "Text", null, Today, _clock.GetUtcNow());
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            id = document.Id;
        }

        var overview = await Service.OverviewAsync(Johanna, id);

        overview.InForce.ShouldBeNull();
        overview.Organisations.ShouldBeEmpty();
    }
}

public sealed class SqliteDocumentAcknowledgementTests() : DocumentAcknowledgementTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresDocumentAcknowledgementTests() : DocumentAcknowledgementTests(DatabaseProvider.Postgres);
