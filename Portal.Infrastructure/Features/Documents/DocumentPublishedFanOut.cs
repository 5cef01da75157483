using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Domain.Notifications;
using Portal.Domain.Workspaces;
using Portal.Infrastructure.Features.Notifications;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>A version was published: its readers are to hear of it ("published", and for a major version
/// "please read"). Delivered after the publication's commit, because a portal-wide document's readers are
/// every member of every enabled organisation.</summary>
[OutboxMessage("documents.published")]
public sealed record DocumentPublishedMessage(Guid DocumentId, Guid VersionId, bool Major, Guid PublisherId) : IOutboxMessage;

/// <summary>Notifies a published version's readers in batches, all in one transaction with a record of the
/// delivery, so that a repeated delivery of the same message (after a crash before the dispatcher's
/// bookkeeping) finds the record and notifies nobody twice.</summary>
public sealed class DocumentPublishedHandler(IDbContextFactory<PortalDbContext> contexts, Notifier notifier, TimeProvider clock)
    : IOutboxHandler<DocumentPublishedMessage>
{
    private const int BatchSize = 500;

    public async Task HandleAsync(DocumentPublishedMessage message, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.SentNotificationMails.AnyAsync(s => s.DeliveryId == delivery.MessageId, cancellationToken))
            return;
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == message.DocumentId)
            .Select(d => new { d.WorkspaceId }).SingleOrDefaultAsync(cancellationToken);
        var published = await db.DocumentVersions.AnyAsync(v => v.Id == message.VersionId && v.Status == DocumentVersionStatus.Published,
            cancellationToken);
        if (document is not null && published)
        {
            var now = clock.GetUtcNow();
            var readers = await Readers(db, document.WorkspaceId).ToListAsync(cancellationToken);
            var subject = DocumentSubjectKind.Of(message.DocumentId);
            foreach (var batch in readers.Chunk(BatchSize))
            {
                await notifier.NotifyAsync(db, DocumentNotificationKinds.Published, subject, message.VersionId, message.PublisherId, batch, now,
                    null, cancellationToken);
                if (message.Major)
                    await notifier.NotifyAsync(db, DocumentNotificationKinds.PleaseRead, subject, message.VersionId, message.PublisherId, batch,
                        now, null, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        // The record of this delivery (the notification mails' own "already handled" table, keyed by delivery id).
        db.SentNotificationMails.Add(new SentNotificationMail(delivery.MessageId, message.PublisherId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A workspace document's readers are the workspace's active members; a portal-wide
    /// document's every member of an enabled organisation (the notifier checks access again).</summary>
    private static IQueryable<Guid> Readers(PortalDbContext db, Guid? workspaceId) =>
        workspaceId is { } id
            ? db.Memberships.Where(m => m.WorkspaceId == id && m.Status == MembershipStatus.Active).Select(m => m.MemberId)
            : db.Members.Where(m => db.Organisations.Any(o => o.Id == m.OrganisationId && o.Enabled)).Select(m => m.Id);
}
