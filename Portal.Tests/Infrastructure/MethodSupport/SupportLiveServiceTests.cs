using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.MethodSupport;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Events;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.MethodSupport;

/// <summary>What live pages and paged lists stand on: the lists read and audit one page only; the asker can stop
/// sharing, after which the colleague is told "not found"; and what a change puts on the event bus (which the
/// Redis backplane sends to every node as JSON) is the request's or the desk's id and nothing else.</summary>
public abstract class SupportLiveServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");

    private static readonly Guid Per = Member("per.axelsson");              // asks nothing in the demo
    private static readonly Guid Erik = DemoData.Personas.NmtLead;          // NMT lead, on duty
    private static readonly Guid Karin = DemoData.Personas.NmtPolice;       // NMT member
    private static readonly Guid Johan = Member("johan.berg");              // assigned to the child request
    private static readonly Guid Kristina = Member("kristina.wennberg");    // asked the Uppsala request
    private static readonly Guid Ola = Member("ola.svensson");              // social services in Malmö
    private static readonly Guid UppsalaRequest = DemoData.IdFor("support:2026-0003");

    private static Caller From(Guid memberId) => new(memberId, "192.0.2.15");

    private SupportRequestService Service => _database.Get<SupportRequestService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> ListedAsync(Guid actor, string list)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.AuditRecords.CountAsync(a => a.ActorId == actor && a.Action == SupportAuditActions.Listed && a.Detail == list);
    }

    [Fact]
    public async Task A_list_reads_and_audits_one_page_of_twenty_five_and_clamps_a_page_out_of_range()
    {
        var asked = await SupportLiveData.AskManyAsync(_database.Contexts, Per, DemoData.IdFor("org:av"), 30, _clock.GetUtcNow().AddDays(-2));

        var first = await Service.MineAsync(From(Per));

        first.Items.Count.ShouldBe(SupportRequestList.PageSize);
        (first.Page, first.PageCount, first.Total).ShouldBe((1, 2, 30));
        // Newest first, and only the lines shown were recorded as read.
        first.Items[0].Id.ShouldBe(asked[^1].Id);
        (await ListedAsync(Per, "mine")).ShouldBe(25);

        var second = await Service.MineAsync(From(Per), 2);
        second.Items.Count.ShouldBe(5);
        second.Items.Select(i => i.Id).Concat(first.Items.Select(i => i.Id)).ShouldBe(asked.Select(r => r.Id), ignoreOrder: true);
        (await ListedAsync(Per, "mine")).ShouldBe(30);

        (await Service.MineAsync(From(Per), 99)).Page.ShouldBe(2);
        (await Service.MineAsync(From(Per), -3)).Page.ShouldBe(1);
    }

    [Fact]
    public async Task The_queue_is_paged_in_urgency_order_for_the_member_on_duty_only()
    {
        await SupportLiveData.AskManyAsync(_database.Contexts, Per, DemoData.IdFor("org:av"), 30, _clock.GetUtcNow().AddDays(-1));

        var first = await Service.QueueAsync(From(Erik));
        var second = await Service.QueueAsync(From(Erik), 2);

        first.Items.Count.ShouldBe(25);
        first.Total.ShouldBe(first.Items.Count + second.Items.Count);
        var all = first.Items.Concat(second.Items).ToList();
        all.Select(r => r.Urgency).ShouldBe(all.Select(r => r.Urgency).Order());
        // The demo's most urgent open request (the child, "today") leads the first page.
        first.Items[0].Id.ShouldBe(DemoData.MethodSupport.OpenChildRequest);
        (await ListedAsync(Erik, "queue")).ShouldBe(all.Count);
        (await Should.ThrowAsync<AccessDeniedException>(() => Service.QueueAsync(From(Karin), 2))).Code.ShouldBe("support.queue.denied");
    }

    [Fact]
    public async Task The_asker_stops_sharing_and_the_colleague_is_told_not_found_others_cannot_unshare()
    {
        await Service.AddViewerAsync(From(Kristina), UppsalaRequest, Ola);
        (await Service.GetAsync(From(Ola), UppsalaRequest)).Reference.ShouldBe("MS-2026-0003");

        (await Should.ThrowAsync<AccessDeniedException>(() => Service.RemoveViewerAsync(From(Ola), UppsalaRequest, Ola))).Code
            .ShouldBe("support.viewer.denied");
        (await Should.ThrowAsync<AccessDeniedException>(() => Service.RemoveViewerAsync(From(Erik), UppsalaRequest, Ola))).Code
            .ShouldBe("support.viewer.denied");

        await Service.RemoveViewerAsync(From(Kristina), UppsalaRequest, Ola);

        (await Should.ThrowAsync<NotFoundException>(() => Service.GetAsync(From(Ola), UppsalaRequest))).Code.ShouldBe("support.notfound");
        (await Service.MineAsync(From(Ola))).Items.Select(i => i.Id).ShouldNotContain(UppsalaRequest);
        (await Should.ThrowAsync<DomainRuleException>(() => Service.RemoveViewerAsync(From(Kristina), UppsalaRequest, Ola))).Code
            .ShouldBe("support.viewer.not-shared");
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var removed = await db.AuditRecords.SingleAsync(a => a.Action == SupportAuditActions.ViewerRemoved && a.SubjectId == UppsalaRequest);
        (removed.ActorId, removed.Detail, removed.ClientAddress).ShouldBe((Kristina, Ola.ToString(), "192.0.2.15"));
    }

    [Fact]
    public async Task A_change_puts_only_the_request_id_on_the_bus_and_on_the_wire()
    {
        var heard = new ConcurrentQueue<IDomainEvent>();
        var bus = _database.Get<IEventBus>();
        using var requests = bus.Subscribe<SupportRequestChanged>(e => { heard.Enqueue(e); return Task.CompletedTask; });
        using var desks = bus.Subscribe<SupportDeskChanged>(e => { heard.Enqueue(e); return Task.CompletedTask; });
        const string Reply = "Kontakta socialjouren och polisens människohandelsgrupp i dag.";

        await Service.ReplyAsync(From(Johan), DemoData.MethodSupport.OpenChildRequest, Reply);
        var submitted = await Service.SubmitAsync(From(Ola), new SupportQuestion("Hur hjälper vi en kvinna som tvingas städa utan lön?", null,
            [Portal.Domain.Directory.ExploitationForm.ForcedLabour], false, Portal.Domain.Directory.County.Skane, SupportUrgency.NoRush, null));
        await _database.Get<SupportDeskService>().SetDutyAsync(From(Erik), [Erik, Karin]);

        // Published after commit, before the use case returns.
        heard.ToArray().ShouldBe(new IDomainEvent[]
        {
            new SupportRequestChanged(DemoData.MethodSupport.OpenChildRequest),
            new SupportRequestChanged(submitted.Id),
            new SupportDeskChanged(DemoData.MethodSupport.Desk),
        });
        foreach (var domainEvent in heard)
        {
            // As the Redis backplane serialises it for the other nodes.
            var wire = JsonSerializer.SerializeToElement(domainEvent, domainEvent.GetType()).GetRawText();
            wire.ShouldNotContain("MS-2026");
            wire.ShouldNotContain("socialjouren");
            wire.ShouldNotContain("städa");
        }
    }
}

public sealed class SqliteSupportLiveServiceTests() : SupportLiveServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSupportLiveServiceTests() : SupportLiveServiceTests(DatabaseProvider.Postgres);

/// <summary>Every method-support event, by its type: ids and nothing else, so that whatever the bus carries to a
/// circuit, a hub client or another node over Redis can never hold a request's text, reference or people.</summary>
public sealed class SupportLiveEventTests
{
    private static readonly IReadOnlyList<Type> SupportEvents = typeof(SupportRequestChanged).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(SupportRequestChanged).Namespace && typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsAbstract)
        .ToList();

    [Fact]
    public void Each_method_support_event_has_a_wire_name_and_only_ids()
    {
        SupportEvents.Select(t => t.Name).ShouldBe([nameof(SupportRequestChanged), nameof(SupportDeskChanged)], ignoreOrder: true);
        foreach (var type in SupportEvents)
        {
            EventTypes.ByName.ShouldContainKey(EventNameAttribute.Of(type)!);
            type.GetProperties().Select(p => p.PropertyType).ShouldAllBe(t => t == typeof(Guid));
        }
    }

    [Fact]
    public void On_the_wire_an_event_is_its_id_alone()
    {
        var id = Guid.NewGuid();
        JsonSerializer.Serialize(new SupportRequestChanged(id)).ShouldBe($"{{\"RequestId\":\"{id}\"}}");
        JsonSerializer.Serialize(new SupportDeskChanged(id)).ShouldBe($"{{\"DeskId\":\"{id}\"}}");
    }
}
