using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Search;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>How the minutes part registers its texts with the search index (ADR 0009), under the subject
/// "meeting" so that a hit is shown only to those who may see the meeting (its subject kind's query face):
/// each occurrence's minutes with its decisions as one part (the occurrence's id), each accepted agenda item as
/// another (the item's id). Proposals are not indexed: they are for the proposer and the editors only.</summary>
public sealed class MeetingMinutesIndexer(ISearchIndex index)
{
    public async Task IndexMinutesAsync(PortalDbContext db, Meeting meeting, MeetingOccurrence occurrence, CancellationToken cancellationToken)
    {
        var subject = MeetingSubjectKind.Of(meeting.Id);
        var minutes = meeting.MinutesOf(occurrence.Id);
        var decisions = meeting.Decisions.Where(d => d.OccurrenceId == occurrence.Id).OrderBy(d => d.Order).Select(d => d.Text).ToList();
        var text = string.Join("\n", new[] { DocumentText.PlainText(minutes?.Text ?? "") }.Concat(decisions).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length == 0)
        {
            await index.RemoveAsync(db, subject, occurrence.Id, cancellationToken);
            return;
        }
        await index.IndexAsync(db, new IndexedText(subject, occurrence.Id, TitleOf(meeting, occurrence), text, LinkTo(meeting.Id, occurrence.Id),
            minutes?.WrittenAt ?? occurrence.Start, WorkspaceIdsOf(meeting), AuthorId: minutes?.WrittenById), cancellationToken);
    }

    public Task IndexAgendaItemAsync(PortalDbContext db, Meeting meeting, MeetingAgendaItem item, MeetingOccurrence occurrence,
        CancellationToken cancellationToken) =>
        item.Status != AgendaItemStatus.Accepted
            ? index.RemoveAsync(db, MeetingSubjectKind.Of(meeting.Id), item.Id, cancellationToken)
            : index.IndexAsync(db, new IndexedText(MeetingSubjectKind.Of(meeting.Id), item.Id, TitleOf(meeting, occurrence), item.Title,
                LinkTo(meeting.Id, occurrence.Id), item.ProposedAt, WorkspaceIdsOf(meeting), AuthorId: item.ProposedById), cancellationToken);

    public Task RemoveAgendaItemAsync(PortalDbContext db, Guid meetingId, Guid itemId, CancellationToken cancellationToken) =>
        index.RemoveAsync(db, MeetingSubjectKind.Of(meetingId), itemId, cancellationToken);

    public static string LinkTo(Guid meetingId, Guid occurrenceId) => $"{MeetingSubjectKind.LinkTo(meetingId)}?occurrence={occurrenceId}";

    /// <summary>The meeting's title and the occurrence's Swedish day: a series' minutes are told apart by date.</summary>
    private static string TitleOf(Meeting meeting, MeetingOccurrence occurrence) =>
        $"{meeting.Title} {StockholmTime.DayOf(occurrence.Start):yyyy-MM-dd}";

    private static IReadOnlyCollection<Guid> WorkspaceIdsOf(Meeting meeting) => meeting.WorkspaceIds.ToList();
}

/// <summary>Fills the index with every occurrence's minutes and every accepted agenda item (search backfill).</summary>
internal sealed class MeetingMinutesSearchSource(MeetingMinutesIndexer indexer) : ISearchSource
{
    public IReadOnlyCollection<string> Kinds { get; } = [MeetingSubjectKind.Name];

    public async Task IndexAllAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings
            .Include(m => m.Occurrences)
            .Include(m => m.Minutes)
            .Include(m => m.Decisions)
            .Include(m => m.AgendaItems)
            .AsSplitQuery()
            .Where(m => m.Minutes.Any() || m.Decisions.Any() || m.AgendaItems.Any())
            .ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            foreach (var occurrence in meeting.Occurrences)
            {
                await indexer.IndexMinutesAsync(db, meeting, occurrence, cancellationToken);
                foreach (var item in meeting.AgendaItems.Where(i => i.OccurrenceId == occurrence.Id && i.Status == AgendaItemStatus.Accepted))
                    await indexer.IndexAgendaItemAsync(db, meeting, item, occurrence, cancellationToken);
            }
        }
    }
}
