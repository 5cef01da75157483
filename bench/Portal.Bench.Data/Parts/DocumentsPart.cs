using System.Text;
using Portal.Bench.Data.Text;
using Portal.Domain.Directory;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Search;

namespace Portal.Bench.Data.Parts;

/// <summary>Guidance documents in each workspace's library (a couple in a small one, a dozen in a big one):
/// published versions of a few chapters with subsections of Swedish text, signed off by one to three of the
/// workspace's contributors; a third have a second version (minor or major), some a third; now and then an
/// open draft. Part of the readers have acknowledged the version in force (or an earlier one of the same
/// major number), and the search index holds each document's entry and its latest published text, as the
/// product's indexer writes them.</summary>
public sealed class DocumentsPart : IBenchDataPart
{
    public string Name => "documents";

    private static readonly DocumentType[] Types = Enum.GetValues<DocumentType>();
    private static readonly DocumentAudience[] Audiences = Enum.GetValues<DocumentAudience>();
    private static readonly ExploitationForm[] Forms = Enum.GetValues<ExploitationForm>();

    private static readonly string[] TitleStarts =
        ["Manual", "Checklista", "Rutin", "Utbildningsmaterial", "Mall", "Kartläggning", "Beslut", "Vägledning", "Handbok"];

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var text = new SwedishText(random);
        var organisationOf = world.Members.ToDictionary(m => m.Id, m => m.OrganisationId);
        foreach (var workspace in world.Workspaces)
        {
            if (workspace.Contributors.Count < 2)
                continue;
            var count = Math.Max(1, random.Poisson(Math.Min(12, 1 + Math.Sqrt(workspace.Readers.Count) / 2)));
            for (var d = 0; d < count; d++)
            {
                var (document, acknowledgements) = Document(world, random, text, workspace, organisationOf);
                await writer.AddAsync(document, cancellationToken);
                world.DocumentIds.Add(document.Id);
                foreach (var acknowledgement in acknowledgements)
                    await writer.AddAsync(acknowledgement, cancellationToken);
                foreach (var entry in SearchEntries(document))
                    await writer.AddAsync(entry, cancellationToken);
            }
        }
    }

    private static (GuidanceDocument, List<DocumentAcknowledgement>) Document(GeneratedWorld world, BenchRandom random, SwedishText text,
        GeneratedWorkspace workspace, Dictionary<Guid, Guid> organisationOf)
    {
        var owner = random.Chance(0.6) ? random.Pick(workspace.Leads) : random.Pick(workspace.Contributors);
        var at = world.InYear(random.NextDouble() * 0.6);
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var forms = random.Sample(Forms, random.Chance(0.6) ? 1 : 2);
        var title = $"{random.Pick(TitleStarts)}: {text.Title()}";
        if (title.Length > GuidanceDocument.TitleMaxLength)
            title = title[..GuidanceDocument.TitleMaxLength];
        var reviewDue = DateOnly.FromDateTime(world.Now.UtcDateTime).AddDays(random.Next(-30, 365));
        if (reviewDue <= today)
            reviewDue = today.AddDays(1);
        var document = GuidanceDocument.Create(workspace.Id, organisationOf[owner], owner,
            new DocumentMetadata(title, text.Sentence(), random.Pick(Types), random.Pick(Audiences), forms, reviewDue),
            Body(random, text), "Första versionen.", today, at).WithId(random.NextId());
        var first = document.Versions.Single().WithId(random.NextId());
        Seeded.Set(first, nameof(DocumentVersion.DocumentId), document.Id);
        Seeded.Created(document, at, owner);

        var reviewers = random.Sample(workspace.Contributors.Where(c => c != owner).ToList(), random.Next(1, 4));
        at = SignOffAndPublish(document, owner, reviewers, organisationOf, random, at);

        var versions = random.Chance(0.35) ? (random.Chance(0.3) ? 3 : 2) : 1;
        for (var v = 1; v < versions && at < world.Now.AddDays(-10); v++)
        {
            at = at.AddDays(random.Next(5, 60));
            if (at > world.Now.AddDays(-5))
                break;
            var major = random.Chance(0.3);
            var draft = document.StartDraft(owner, major, at).WithId(random.NextId());
            document.EditDraft(draft.Id, Revised(random, text, draft.Body), text.Sentence(), major, at.AddHours(2));
            at = SignOffAndPublish(document, owner, reviewers, organisationOf, random, at.AddHours(3));
        }
        if (random.Chance(0.1))
        {
            var draftAt = world.Now.AddDays(-random.Next(1, 10));
            var draft = document.StartDraft(owner, random.Chance(0.5), draftAt).WithId(random.NextId());
            document.EditDraft(draft.Id, Revised(random, text, draft.Body), text.Sentence(), false, draftAt);
            document.SetReviewers(draft.Id, reviewers.Select(r => new DocumentReviewer(r, organisationOf[r])).ToList(), draftAt);
        }

        // Readers acknowledge versions as they come: most of them the latest of its major number.
        var acknowledgements = new List<DocumentAcknowledgement>();
        var share = random.NextDouble() * 0.8;
        foreach (var reader in workspace.Readers)
        {
            if (!random.Chance(share))
                continue;
            var version = random.Chance(0.8) ? document.LatestPublished! : random.Pick(document.Published.ToList());
            var when = version.PublishedAt!.Value.AddHours(random.Next(1, 24 * 20));
            if (when < world.Now)
                acknowledgements.Add(new DocumentAcknowledgement(document.Id, version.Id, version.Number, reader, when));
        }
        return (document, acknowledgements);
    }

    private static DateTimeOffset SignOffAndPublish(GuidanceDocument document, Guid owner, List<Guid> reviewers,
        Dictionary<Guid, Guid> organisationOf, BenchRandom random, DateTimeOffset at)
    {
        var draft = document.Draft!;
        document.SetReviewers(draft.Id, reviewers.Select(r => new DocumentReviewer(r, organisationOf[r])).ToList(), at);
        foreach (var reviewer in reviewers)
        {
            at = at.AddHours(random.Next(1, 48));
            document.Decide(draft.Id, reviewer, ReviewDecision.Approved, random.Chance(0.3) ? "Godkänt för vår del." : null, at);
        }
        at = at.AddHours(random.Next(1, 24));
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var effectiveFrom = day.AddDays(random.Chance(0.2) ? random.Next(1, 14) : 0);
        if (document.LatestPublished?.EffectiveFrom is { } previous && previous > effectiveFrom)
            effectiveFrom = previous;
        document.Publish(draft.Id, owner, effectiveFrom, day, at);
        return at;
    }

    /// <summary>Three to six chapters of two or three subsections, each a paragraph or two, sometimes a list.</summary>
    private static string Body(BenchRandom random, SwedishText text)
    {
        var body = new StringBuilder();
        var chapters = random.Next(3, 7);
        for (var c = 1; c <= chapters; c++)
        {
            body.Append($"## {c}. {text.Title()}\n\n");
            var sections = random.Next(2, 4);
            for (var s = 1; s <= sections; s++)
                body.Append($"### {c}.{s} {text.Title()}\n\n{text.Post()}\n\n");
        }
        return body.ToString();
    }

    /// <summary>The text with one section rewritten and sometimes a section added.</summary>
    private static string Revised(BenchRandom random, SwedishText text, string body)
    {
        var paragraphs = body.Split("\n\n").ToList();
        var prose = Enumerable.Range(0, paragraphs.Count).Where(i => !paragraphs[i].StartsWith('#')).ToList();
        if (prose.Count > 0)
            paragraphs[random.Pick(prose)] = text.Post();
        if (random.Chance(0.5))
            paragraphs.Add($"### Tillägg\n\n{text.Post()}");
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The entries <see cref="DocumentSearchIndexer"/> writes: the document's own and its latest published version's text.</summary>
    private static IEnumerable<SearchEntry> SearchEntries(GuidanceDocument document)
    {
        var version = document.LatestPublished!;
        var link = DocumentSubjectKind.LinkTo(document.Id);
        SearchEntry Entry(Guid? partId, string plainText, Guid author) => new()
        {
            SubjectKind = DocumentSubjectKind.Name,
            SubjectId = document.Id,
            PartId = partId,
            Title = document.Title,
            PlainText = plainText,
            Stems = FastPostRendering.IndexTerms(plainText),
            Link = link,
            AuthorId = author,
            OccurredAt = version.PublishedAt!.Value,
            WorkspaceIds = [document.WorkspaceId!.Value],
            ExploitationForms = [.. document.ExploitationForms],
            ChildConcerned = document.Audience == DocumentAudience.Children,
        };
        yield return Entry(null, string.Join("\n", new[] { document.Title, document.Summary }.Where(t => !string.IsNullOrWhiteSpace(t))), document.OwnerId);
        yield return Entry(version.Id, DocumentText.PlainText(version.Body), version.AuthorId);
    }
}
