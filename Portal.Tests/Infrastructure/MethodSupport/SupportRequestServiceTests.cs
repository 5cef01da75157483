using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Seeding;

namespace Portal.Tests.Infrastructure.MethodSupport;

/// <summary>The use cases of method support on a real database: the whole way from asking to closing, who may
/// see and do what (the asker, viewers, assignees, the members on duty — not administrators, not colleagues, not
/// the rest of NMT), an audit record for every read and change with the client's address, notifications that
/// carry only the reference, and bad input that saves nothing.</summary>
public abstract class SupportRequestServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    private static Guid Member(string slug) => DemoData.IdFor($"member:{slug}");
    private static Guid Org(string key) => DemoData.IdFor($"org:{key}");

    private static readonly Guid Per = Member("per.axelsson");        // asks (Arbetsmiljöverket)
    private static readonly Guid Lena = Member("lena.grahn");         // Per's colleague at the same authority
    private static readonly Guid Erik = DemoData.Personas.NmtLead;    // NMT lead, on duty
    private static readonly Guid Karin = DemoData.Personas.NmtPolice; // NMT member, gets assigned
    private static readonly Guid Sara = Member("sara.nilsson");       // NMT member, neither on duty nor assigned
    private static readonly Guid Anna = DemoData.Personas.Administrator; // administrator, observes NMT

    private static Caller From(Guid memberId) => new(memberId, "192.0.2.15");

    private SupportRequestService Service => _database.Get<SupportRequestService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider,
        configure: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static SupportQuestion Question(string text = "Hur går vi vidare med misstänkt tvångsarbete på en byggarbetsplats?", bool child = false) =>
        new(text, "Vi har gjort en inspektion.", [ExploitationForm.ForcedLabour], child, County.Skane, SupportUrgency.ThisWeek, "Funktionsbrevlådan");

    private async Task<List<AuditRecord>> AuditOf(Guid requestId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.AuditRecords.AsNoTracking().Where(a => a.SubjectKind == SupportSubjectKind.Name && a.SubjectId == requestId)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync();
    }

    private async Task<List<Portal.Domain.Notifications.Notification>> NotificationsAbout(Guid requestId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.SubjectId == requestId).ToListAsync();
    }

    [Fact]
    public async Task A_request_goes_from_asking_through_triage_answer_and_referral_to_closed_and_the_asker_sees_answer_and_referral()
    {
        // A second between the steps, so that the trail's order is the order of the steps.
        void Tick() => _clock.Advance(TimeSpan.FromSeconds(1));
        var submitted = await Service.SubmitAsync(From(Per), Question());
        submitted.Reference.ShouldBe("MS-2026-0004"); // three demo requests this year before it
        Tick();

        var queue = (await Service.QueueAsync(From(Erik))).Items;
        queue.Select(q => q.Reference).ShouldContain(submitted.Reference);
        Tick();
        await Service.AssignAsync(From(Erik), submitted.Id, [Karin]);
        Tick();
        (await Service.AssignedToMeAsync(From(Karin))).Items.Select(r => r.Id).ShouldContain(submitted.Id);
        _clock.Advance(TimeSpan.FromHours(3));
        await Service.NoteAsync(From(Karin), submitted.Id, "Ring NOA först.");
        Tick();
        var answeredAt = _clock.GetUtcNow();
        await Service.ReplyAsync(From(Karin), submitted.Id, "Kontakta polisens människohandelsgrupp i regionen.");
        Tick();
        await Service.ReferAsync(From(Karin), submitted.Id, Org("polisen-syd"), "Människohandelsgruppen, växeln", new DateOnly(2026, 11, 27),
            "Polisen utreder misstanken.");
        Tick();
        await Service.CloseAsync(From(Karin), submitted.Id);
        Tick();

        var seen = await Service.GetAsync(From(Per), submitted.Id);
        seen.Status.ShouldBe(SupportStatus.Closed);
        seen.Replies.Single().Text.ShouldBe("Kontakta polisens människohandelsgrupp i regionen.");
        seen.Referrals.Single().Organisation.ShouldBe("Polisen – Region Syd");
        seen.Notes.ShouldBeEmpty();
        seen.Can.SeeNotes.ShouldBeFalse();
        seen.FirstResponseAt.ShouldBe(answeredAt);
        Tick();
        (await Service.GetAsync(From(Karin), submitted.Id)).Notes.Single().Text.ShouldBe("Ring NOA först.");

        var trail = await AuditOf(submitted.Id);
        trail.Select(a => (a.Action, a.ActorId)).ShouldBe([
            (SupportAuditActions.Submitted, Per), (SupportAuditActions.Listed, Erik), (SupportAuditActions.Assigned, Erik),
            (SupportAuditActions.Listed, Karin), (SupportAuditActions.Noted, Karin), (SupportAuditActions.Replied, Karin),
            (SupportAuditActions.Referred, Karin), (SupportAuditActions.Closed, Karin), (SupportAuditActions.Viewed, Per),
            (SupportAuditActions.Viewed, Karin)]);
        trail.ShouldAllBe(a => a.ClientAddress == "192.0.2.15");
    }

    [Fact]
    public async Task Notifications_carry_only_the_reference_and_go_to_those_who_may_see_the_request()
    {
        var submitted = await Service.SubmitAsync(From(Per), Question());
        await Service.AssignAsync(From(Erik), submitted.Id, [Karin]);
        await Service.ReplyAsync(From(Karin), submitted.Id, "Ett svar med innehåll.");

        var notifications = await NotificationsAbout(submitted.Id);
        notifications.Select(n => (n.Kind, n.MemberId)).ShouldBe([
            (SupportNotificationKinds.Submitted, Erik), (SupportNotificationKinds.Assigned, Karin), (SupportNotificationKinds.Replied, Per)],
            ignoreOrder: true);
        notifications.ShouldAllBe(n => n.Text == null && n.SubjectKind == SupportSubjectKind.Name);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var info = await _database.Get<Portal.Infrastructure.Subjects.SubjectRegistry>().Get(SupportSubjectKind.Name)
            .DescribeAsync(db, await db.Members.Where(m => m.Id == Per).Select(m => new Portal.Domain.Access.Actor(m.Id, m.OrganisationId, false)).SingleAsync(),
                [submitted.Id], CancellationToken.None);
        info[submitted.Id].Title.ShouldBe(submitted.Reference);
        info[submitted.Id].Link.ShouldBe($"/support/{submitted.Id}");
    }

    [Fact]
    public async Task Nobody_else_sees_a_request_not_administrators_not_colleagues_not_the_rest_of_NMT_and_a_guessed_id_is_not_found()
    {
        var submitted = await Service.SubmitAsync(From(Per), Question());
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Service.AssignAsync(From(Erik), submitted.Id, [Karin]);

        foreach (var outsider in new[] { Anna, Lena, Sara })
        {
            (await Should.ThrowAsync<NotFoundException>(() => Service.GetAsync(From(outsider), submitted.Id))).Code.ShouldBe("support.notfound");
            (await Service.MineAsync(From(outsider))).Items.Select(r => r.Id).ShouldNotContain(submitted.Id);
            (await Should.ThrowAsync<NotFoundException>(() => Service.ReplyAsync(From(outsider), submitted.Id, "Hej"))).Code.ShouldBe("support.notfound");
        }
        (await Should.ThrowAsync<NotFoundException>(() => Service.GetAsync(From(Per), Guid.NewGuid()))).Code.ShouldBe("support.notfound");
        (await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => Service.QueueAsync(From(Sara)))).Code.ShouldBe("support.queue.denied");
        (await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => Service.QueueAsync(From(Anna)))).Code.ShouldBe("support.queue.denied");
        (await Service.AssignedToMeAsync(From(Sara))).Items.Select(r => r.Id).ShouldNotContain(submitted.Id);

        // Nothing was read, so nothing but the two changes is in the trail.
        (await AuditOf(submitted.Id)).Select(a => a.Action).ShouldBe([SupportAuditActions.Submitted, SupportAuditActions.Assigned]);
    }

    [Fact]
    public async Task An_assignee_who_leaves_NMT_loses_the_request_at_once()
    {
        var submitted = await Service.SubmitAsync(From(Per), Question());
        await Service.AssignAsync(From(Erik), submitted.Id, [Karin]);
        await _database.Get<Portal.Infrastructure.Features.Workspaces.WorkspaceService>().LeaveAsync(Karin, DemoData.Workspaces.Nmt);

        await Should.ThrowAsync<NotFoundException>(() => Service.GetAsync(From(Karin), submitted.Id));
    }

    [Fact]
    public async Task The_asker_shares_with_a_colleague_who_then_sees_replies_but_not_notes_and_may_follow_up()
    {
        var submitted = await Service.SubmitAsync(From(Per), Question());
        await Service.AssignAsync(From(Erik), submitted.Id, [Karin]);
        await Service.NoteAsync(From(Erik), submitted.Id, "Bara för NMT.");
        (await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => Service.AddViewerAsync(From(Karin), submitted.Id, Lena)))
            .Code.ShouldBe("support.viewer.denied");

        await Service.AddViewerAsync(From(Per), submitted.Id, Lena);
        await Service.ReplyAsync(From(Lena), submitted.Id, "Vi har mer information om arbetsplatsen.");

        var seen = await Service.GetAsync(From(Lena), submitted.Id);
        seen.Notes.ShouldBeEmpty();
        seen.Replies.Single().FromTeam.ShouldBeFalse();
        seen.Status.ShouldBe(SupportStatus.InProgress);
        (await Service.MineAsync(From(Lena))).Items.Select(r => r.Id).ShouldContain(submitted.Id);
        (await AuditOf(submitted.Id)).ShouldContain(a => a.Action == SupportAuditActions.Listed && a.ActorId == Lena && a.Detail == "mine");
        (await NotificationsAbout(submitted.Id)).Where(n => n.Kind == SupportNotificationKinds.FollowedUp).Select(n => n.MemberId).ShouldBe([Karin]);
        (await NotificationsAbout(submitted.Id)).Where(n => n.Kind == SupportNotificationKinds.Shared).Select(n => n.MemberId).ShouldBe([Lena]);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_code_and_saves_nothing()
    {
        async Task<int> Requests()
        {
            await using var db = await _database.Contexts.CreateDbContextAsync();
            return await db.SupportRequests.CountAsync();
        }
        var before = await Requests();

        (await Should.ThrowAsync<DomainRuleException>(() => Service.SubmitAsync(From(Per), Question("Pojken har personnummer 121212-1212."))))
            .Code.ShouldBe("support.personal-identity-number");
        (await Should.ThrowAsync<DomainRuleException>(() => Service.SubmitAsync(From(Per), Question(""))))
            .Field.ShouldBe("support.question");
        (await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => Service.LogOnBehalfAsync(From(Per),
            new OutsideAsker(null, "Kommunen", OrganisationKind.Municipality, "Växeln"), SupportChannel.Phone, Question()))).Code.ShouldBe("support.log.denied");
        (await Requests()).ShouldBe(before);

        var submitted = await Service.SubmitAsync(From(Per), Question());
        (await Should.ThrowAsync<DomainRuleException>(() => Service.AssignAsync(From(Erik), submitted.Id, [Anna])))
            .Code.ShouldBe("support.assignees.not-team");
        await Service.AssignAsync(From(Erik), submitted.Id, [Karin]);
        await Service.ReplyAsync(From(Karin), submitted.Id, "Svar.");
        // Erik is on duty and sees everything, but the request is Karin's to close.
        (await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => Service.CloseAsync(From(Erik), submitted.Id)))
            .Code.ShouldBe("support.close.not-assignee");

        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var caritas = await db.Organisations.SingleAsync(o => o.Id == Org("caritas"));
            caritas.Disable();
            await db.SaveChangesAsync();
        }
        (await Should.ThrowAsync<DomainRuleException>(() => Service.ReferAsync(From(Karin), submitted.Id, Org("caritas"), null,
            new DateOnly(2026, 11, 27), "Stöd"))).Code.ShouldBe("support.referral.organisation-disabled");
        (await Should.ThrowAsync<DomainRuleException>(() => Service.LogOnBehalfAsync(From(Karin),
            new OutsideAsker(Org("caritas"), null, null, "Växeln"), SupportChannel.Phone, Question()))).Code.ShouldBe("support.organisation.disabled");
        // A member of a disabled organisation cannot ask at all.
        await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => Service.SubmitAsync(From(Member("marco.rossi")), Question()));

        var seen = await Service.GetAsync(From(Karin), submitted.Id);
        (seen.Status, seen.Referrals.Count).ShouldBe((SupportStatus.Answered, 0));
    }

    [Fact]
    public async Task A_request_from_the_support_line_is_logged_on_behalf_of_an_asker_outside_the_portal()
    {
        var logged = await Service.LogOnBehalfAsync(From(Karin),
            new OutsideAsker(null, "Kommunen i Ny Stad", OrganisationKind.Municipality, "Socialjouren, växeln"), SupportChannel.Phone, Question(child: true));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var view = await Service.GetAsync(From(Erik), logged.Id);
        (view.Channel, view.AskingOrganisation, view.AskingOrganisationKind, view.AskerContact, view.LoggedBy!.MemberId, view.Asker)
            .ShouldBe((SupportChannel.Phone, "Kommunen i Ny Stad", OrganisationKind.Municipality, "Socialjouren, växeln", Karin, (SupportPerson?)null));
        view.ChildConcerned.ShouldBeTrue();
        (await AuditOf(logged.Id)).Select(a => a.Action).ShouldContain(SupportAuditActions.Logged);
        // Karin logged it but is not on duty or assigned: she does not see it afterwards.
        await Should.ThrowAsync<NotFoundException>(() => Service.GetAsync(From(Karin), logged.Id));
    }

    [Fact]
    public async Task The_queue_is_ordered_by_urgency_then_age_and_flags_the_overdue()
    {
        var noRush = await Service.SubmitAsync(From(Per), Question() with { Urgency = SupportUrgency.NoRush });
        _clock.Advance(TimeSpan.FromHours(1));
        var today = await Service.SubmitAsync(From(Lena), Question() with { Urgency = SupportUrgency.Today });
        _clock.Advance(TimeSpan.FromHours(9));

        var queue = (await Service.QueueAsync(From(Erik))).Items;

        queue.Select(q => q.Urgency).ShouldBeInOrder();
        var mine = queue.Where(q => q.Id == noRush.Id || q.Id == today.Id).ToList();
        mine.Select(q => q.Id).ShouldBe([today.Id, noRush.Id]);
        mine[0].IsOverdue.ShouldBeTrue();
        mine[1].IsOverdue.ShouldBeFalse();
        queue.ShouldAllBe(q => q.Status != SupportStatus.Closed);
    }

    [Fact]
    public async Task Administrators_read_the_audit_trail_of_a_request_but_not_its_content()
    {
        var submitted = await Service.SubmitAsync(From(Per), Question());
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Service.GetAsync(From(Per), submitted.Id);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var audit = _database.Get<SupportAuditService>();

        var trail = await audit.TrailAsync(From(Anna), submitted.Id);

        trail.Reference.ShouldBe(submitted.Reference);
        trail.Lines.Select(l => (l.Action, l.ActorName, l.ClientAddress)).ShouldBe([
            (SupportAuditActions.Submitted, "Per Axelsson", "192.0.2.15"), (SupportAuditActions.Viewed, "Per Axelsson", "192.0.2.15")]);
        (await Should.ThrowAsync<Portal.Domain.Common.AccessDeniedException>(() => audit.TrailAsync(From(Erik), submitted.Id)))
            .Code.ShouldBe("support.audit.denied");
        (await AuditOf(submitted.Id)).Last().Action.ShouldBe(SupportAuditActions.AuditRead);
    }

    [Fact]
    public async Task Search_finds_a_request_by_its_reference_only_for_those_who_may_see_it()
    {
        var submitted = await Service.SubmitAsync(From(Per), Question());
        var search = _database.Get<SearchService>();

        (await search.SearchAsync(Per, submitted.Reference)).Hits.Select(h => h.Subject.Id).ShouldContain(submitted.Id);
        (await search.SearchAsync(Erik, submitted.Reference)).Hits.Select(h => h.Subject.Id).ShouldContain(submitted.Id);
        (await search.SearchAsync(Anna, submitted.Reference)).Hits.ShouldBeEmpty();
        (await search.SearchAsync(Sara, submitted.Reference)).Hits.ShouldBeEmpty();
        // The text is not in the index: a hit would show it without an audited read.
        (await search.SearchAsync(Per, "byggarbetsplats")).Hits.Select(h => h.Subject.Id).ShouldNotContain(submitted.Id);
    }
}

public sealed class SqliteSupportRequestServiceTests() : SupportRequestServiceTests(DatabaseProvider.Sqlite);

[Trait("Database", "Postgres")]
public sealed class PostgresSupportRequestServiceTests() : SupportRequestServiceTests(DatabaseProvider.Postgres);
