using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Documents;

namespace Portal.Tests.Domain.Documents;

/// <summary>The lifecycle rules of a guidance document, in the aggregate alone: one draft at a time,
/// version numbers, change notes, sign-off by every named reviewer, read-only published versions and
/// dates of effect.</summary>
public sealed class DocumentWriteRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _owner = Guid.NewGuid();
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly DocumentReviewer _police = new(Guid.NewGuid(), Guid.NewGuid());
    private readonly DocumentReviewer _prosecutor = new(Guid.NewGuid(), Guid.NewGuid());

    private static DocumentMetadata Metadata(string title = "Manual vid misstanke om människohandel") =>
        new(title, "Hur myndigheterna samverkar", DocumentType.Manual, DocumentAudience.Both, [ExploitationForm.SexualPurposes], Today.AddYears(1));

    private GuidanceDocument Created(string? changeNote = "Första versionen") =>
        GuidanceDocument.Create(null, _organisation, _owner, Metadata(), "# Roller\n\nText.", changeNote, Today, Now);

    private GuidanceDocument Published(DateOnly? effectiveFrom = null)
    {
        var document = Created();
        var draft = document.Draft!;
        document.SetReviewers(draft.Id, [_police], Now);
        document.Decide(draft.Id, _police.MemberId, ReviewDecision.Approved, null, Now);
        document.Publish(draft.Id, _owner, effectiveFrom ?? Today, Today, Now);
        return document;
    }

    private static string Code(Action action) => Should.Throw<DomainRuleException>(action).Code;

    [Fact]
    public void A_new_document_has_one_draft_numbered_1_0()
    {
        var document = Created();

        document.Draft!.Number.ShouldBe(new VersionNumber(1, 0));
        document.Versions.ShouldHaveSingleItem();
        document.LatestPublished.ShouldBeNull();
    }

    [Fact]
    public void Only_one_draft_at_a_time()
    {
        var document = Published();
        document.StartDraft(_owner, major: false, Now);

        Code(() => document.StartDraft(_owner, major: true, Now)).ShouldBe("document.draft.exists");
        document.Versions.Count(v => v.Status == DocumentVersionStatus.Draft).ShouldBe(1);
    }

    [Fact]
    public void Minor_and_major_drafts_number_from_the_latest_published_version()
    {
        var document = Published();
        var draft = document.StartDraft(_owner, major: false, Now);
        draft.Number.ShouldBe(new VersionNumber(1, 1));

        document.EditDraft(draft.Id, "# Roller\n\nNy text.", "Omskriven", major: true, Now);

        draft.Number.ShouldBe(new VersionNumber(2, 0));
        document.EditDraft(draft.Id, "# Roller\n\nNy text.", "Rättelse", major: false, Now);
        draft.Number.ShouldBe(new VersionNumber(1, 1));
    }

    [Fact]
    public void A_saved_draft_needs_a_change_note_and_a_publication_too()
    {
        var document = Created(changeNote: null);
        var draft = document.Draft!;

        Code(() => document.EditDraft(draft.Id, "Text", "  ", major: false, Now)).ShouldBe("document.change-note.required");

        document.SetReviewers(draft.Id, [_police], Now);
        document.Decide(draft.Id, _police.MemberId, ReviewDecision.Approved, null, Now);
        Code(() => document.Publish(draft.Id, _owner, Today, Today, Now)).ShouldBe("document.change-note.required");
        draft.Status.ShouldBe(DocumentVersionStatus.Draft);
    }

    [Fact]
    public void Editing_the_text_voids_the_approvals_given_but_a_new_change_note_alone_does_not()
    {
        var document = Created();
        var draft = document.Draft!;
        document.SetReviewers(draft.Id, [_police, _prosecutor], Now);
        document.Decide(draft.Id, _police.MemberId, ReviewDecision.Approved, "Bra", Now);

        document.EditDraft(draft.Id, draft.Body, "Bättre notering", major: false, Now);
        draft.Reviews.Single(r => r.ReviewerId == _police.MemberId).Decision.ShouldBe(ReviewDecision.Approved);

        document.EditDraft(draft.Id, draft.Body + "\n\nEtt nytt stycke.", "Bättre notering", major: false, Now);
        draft.Reviews.ShouldAllBe(r => r.Decision == ReviewDecision.Pending && r.DecidedAt == null);
    }

    [Fact]
    public void One_cannot_review_or_approve_a_version_one_wrote()
    {
        var document = Created();
        var draft = document.Draft!;

        Code(() => document.SetReviewers(draft.Id, [new DocumentReviewer(_owner, _organisation)], Now)).ShouldBe("document.reviewers.author");
        Code(() => document.Decide(draft.Id, _owner, ReviewDecision.Approved, null, Now)).ShouldBe("document.review.own-version");
    }

    [Fact]
    public void Only_a_named_reviewer_decides_and_changes_need_a_comment()
    {
        var document = Created();
        var draft = document.Draft!;
        document.SetReviewers(draft.Id, [_police], Now);

        Code(() => document.Decide(draft.Id, _prosecutor.MemberId, ReviewDecision.Approved, null, Now)).ShouldBe("document.review.not-named");
        Code(() => document.Decide(draft.Id, _police.MemberId, ReviewDecision.ChangesRequested, " ", Now)).ShouldBe("document.review.comment.required");
    }

    [Fact]
    public void Publishing_needs_at_least_one_reviewer_and_every_approval()
    {
        var document = Created();
        var draft = document.Draft!;
        Code(() => document.Publish(draft.Id, _owner, Today, Today, Now)).ShouldBe("document.publish.no-reviewers");

        document.SetReviewers(draft.Id, [_police, _prosecutor], Now);
        document.Decide(draft.Id, _police.MemberId, ReviewDecision.Approved, null, Now);
        Code(() => document.Publish(draft.Id, _owner, Today, Today, Now)).ShouldBe("document.publish.not-approved");

        document.Decide(draft.Id, _prosecutor.MemberId, ReviewDecision.ChangesRequested, "Avsnitt 2 saknar åklagarens roll.", Now);
        Code(() => document.Publish(draft.Id, _owner, Today, Today, Now)).ShouldBe("document.publish.not-approved");

        document.Decide(draft.Id, _prosecutor.MemberId, ReviewDecision.Approved, null, Now);
        document.Publish(draft.Id, _owner, Today, Today, Now).Status.ShouldBe(DocumentVersionStatus.Published);
        document.InForceOn(Today)!.Id.ShouldBe(draft.Id);
    }

    [Fact]
    public void A_published_version_is_read_only()
    {
        var document = Published();
        var version = document.LatestPublished!;

        Code(() => document.EditDraft(version.Id, "Ändrad", "Ändring", major: false, Now)).ShouldBe("document.version.published-is-read-only");
        Code(() => document.SetReviewers(version.Id, [_prosecutor], Now)).ShouldBe("document.version.published-is-read-only");
        Code(() => document.Decide(version.Id, _police.MemberId, ReviewDecision.ChangesRequested, "Nej", Now)).ShouldBe("document.version.published-is-read-only");
        Code(() => document.Publish(version.Id, _owner, Today, Today, Now)).ShouldBe("document.version.published-is-read-only");
        version.Body.ShouldBe("# Roller\n\nText.");
    }

    [Fact]
    public void Effective_dates_are_not_in_the_past_nor_before_the_previous_version()
    {
        var document = Published(effectiveFrom: Today.AddDays(10));
        var draft = document.StartDraft(_owner, major: true, Now);
        document.EditDraft(draft.Id, "# Roller\n\nNy text.", "Ny version", major: true, Now);
        document.SetReviewers(draft.Id, [_police], Now);
        document.Decide(draft.Id, _police.MemberId, ReviewDecision.Approved, null, Now);

        Code(() => document.Publish(draft.Id, _owner, Today.AddDays(-1), Today, Now)).ShouldBe("document.effective-from.past");
        Code(() => document.Publish(draft.Id, _owner, Today.AddDays(5), Today, Now)).ShouldBe("document.effective-from.before-previous");

        document.Publish(draft.Id, _owner, Today.AddDays(20), Today, Now);
        document.InForceOn(Today).ShouldBeNull();
        document.InForceOn(Today.AddDays(10))!.Number.ShouldBe(new VersionNumber(1, 0));
        document.InForceOn(Today.AddDays(20))!.Number.ShouldBe(new VersionNumber(2, 0));
        document.UpcomingOn(Today).Select(v => v.Number).ShouldBe([new VersionNumber(1, 0), new VersionNumber(2, 0)]);
    }

    [Fact]
    public void The_first_draft_cannot_be_discarded_but_a_later_one_can()
    {
        var first = Created();
        Code(() => first.DiscardDraft(first.Draft!.Id)).ShouldBe("document.draft.first-cannot-be-discarded");

        var document = Published();
        var draft = document.StartDraft(_owner, major: false, Now);
        document.DiscardDraft(draft.Id);
        document.Draft.ShouldBeNull();
        document.Versions.ShouldHaveSingleItem();
    }

    [Fact]
    public void Every_change_moves_the_aggregate_version()
    {
        var document = Created();
        var before = document.Version;

        document.EditDraft(document.Draft!.Id, "Text", "Not", major: false, Now);

        document.Version.ShouldBeGreaterThan(before);
    }
}
