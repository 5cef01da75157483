using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.Administration;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Subjects;

namespace Portal.Tests.Infrastructure.Administration;

/// <summary>Security finding 6: administrators manage, they do not read. An administrator may
/// appoint any other member lead, never themself; every appointment is audited.</summary>
public abstract class LeadAppointmentTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Guid Anna = DemoData.Personas.Administrator; // not in LAMP
    private static readonly Guid Johanna = DemoData.IdFor("member:johanna.wall"); // the second administrator
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;
    private static readonly Guid Lars = DemoData.Personas.LampLead;
    private static readonly Guid Lamp = DemoData.Workspaces.Lamp; // closed

    private TestDatabase _database = null!;

    private AdministrationService Administration => _database.Get<AdministrationService>();

    private DiscussionService Discussions => _database.Get<DiscussionService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_administrator_appointing_themself_lead_is_refused_and_nothing_changes()
    {
        var lampThread = (await Discussions.StartThreadAsync(Lars, [Lamp], "Bara LAMP", [], false, "Internt")).ThreadId;
        var before = await MembershipsAsync();

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => Administration.AppointLeadAsync(Anna, Lamp, Anna));

        refusal.Code.ShouldBe(AdministrationService.AppointSelf);
        refusal.Field.ShouldBe("workspace.leads");
        (await MembershipsAsync()).ShouldBe(before);
        (await AuditAsync()).ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetThreadAsync(Anna, lampThread));
    }

    [Fact]
    public async Task Appointing_another_member_works_writes_one_audit_record_and_the_administrator_still_cannot_read()
    {
        var lampThread = (await Discussions.StartThreadAsync(Lars, [Lamp], "Bara LAMP", [], false, "Internt")).ThreadId;

        await Administration.AppointLeadAsync(Anna, Lamp, Karin);

        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var workspace = await db.Workspaces.Include(w => w.Memberships).SingleAsync(w => w.Id == Lamp);
            workspace.IsLead(Karin).ShouldBeTrue();
            workspace.MembershipOf(Anna).ShouldBeNull();
        }
        var record = (await AuditAsync()).ShouldHaveSingleItem();
        record.ActorId.ShouldBe(Anna);
        record.Action.ShouldBe(AuditActions.LeadAppointed);
        record.Subject.ShouldBe(WorkspaceSubjectKind.Of(Lamp));
        record.Detail.ShouldBe(Karin.ToString("D"));
        // The new lead reads; the administrator who appointed her still does not.
        (await Discussions.GetThreadAsync(Karin, lampThread)).Thread.Id.ShouldBe(lampThread);
        await Should.ThrowAsync<NotFoundException>(() => Discussions.GetThreadAsync(Anna, lampThread));
        (await Discussions.ListVisibleThreadsAsync(Anna)).ShouldNotContain(t => t.Id == lampThread);
    }

    [Fact]
    public async Task A_second_administrator_may_appoint_the_first_and_it_is_audited()
    {
        await Administration.AppointLeadAsync(Johanna, Lamp, Anna);

        var record = (await AuditAsync()).ShouldHaveSingleItem();
        record.ActorId.ShouldBe(Johanna);
        record.Detail.ShouldBe(Anna.ToString("D"));
    }

    [Fact]
    public async Task The_audit_trail_is_append_only()
    {
        await Administration.AppointLeadAsync(Anna, Lamp, Karin);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.AuditRecords.Remove(await db.AuditRecords.SingleAsync());
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        (await AuditAsync()).Count.ShouldBe(1);
    }

    private async Task<List<AuditRecord>> AuditAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.AuditRecords.AsNoTracking().Where(a => a.SubjectId == Lamp).ToListAsync();
    }

    private async Task<string> MembershipsAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var rows = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == Lamp).OrderBy(m => m.Id)
            .Select(m => $"{m.MemberId}:{m.Status}:{m.Role}").ToListAsync();
        var version = await db.Workspaces.AsNoTracking().Where(w => w.Id == Lamp).Select(w => w.Version).SingleAsync();
        return string.Join('\n', rows.Append(version.ToString()));
    }
}

public sealed class SqliteLeadAppointmentTests() : LeadAppointmentTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresLeadAppointmentTests() : LeadAppointmentTests(DatabaseProvider.Postgres);
