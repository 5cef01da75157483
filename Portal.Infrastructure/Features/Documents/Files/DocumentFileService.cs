using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>A file as a list shows it.</summary>
public sealed record DocumentFileView(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, bool HasText);

/// <summary>A version's files, and whether the actor may add and remove them (an editor, on a draft).</summary>
public sealed record DocumentFileList(bool CanChange, IReadOnlyList<DocumentFileView> Files);

/// <summary>A file to send: its shown name, the content type its kind has, and its bytes (dispose them).</summary>
public sealed record DocumentFileDownload(string FileName, string ContentType, long Size, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>Attached files: an editor adds files to a draft and removes them; whoever may see a version
/// downloads its files. An upload is read with its size limit, named safely, proved to be what its
/// extension says (no zip bomb), shown to the scanner, its text read for search, stored, and only then
/// attached; a refusal at any step keeps nothing.</summary>
public sealed class DocumentFileService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, WriteLimiter limiter,
    IDocumentFileStore store, IFileScanner scanner, AttachmentTextReader textReader, DocumentFileOptions options,
    ILogger<DocumentFileService> logger)
{
    /// <summary>Uploads and removals of files, one member's, counted together (ADR 0019).</summary>
    public const string FileWrite = "document-file";

    private const int ConcurrencyRetries = 3;

    public DocumentFileOptions Options => options;

    public async Task<DocumentFileList> ListAsync(Guid actorId, Guid documentId, Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var (loaded, version) = await LoadVersionAsync(db, actor, documentId, versionId, cancellationToken, tracked: false);
        var canChange = version.Status == DocumentVersionStatus.Draft && AccessPolicy.CanEditDocument(actor, loaded.Document, loaded.Workspace);
        return new DocumentFileList(canChange, version.Attachments
            .OrderBy(a => a.FileName, StringComparer.CurrentCultureIgnoreCase)
            .Select(View).ToList());
    }

    public async Task<DocumentFileView> UploadAsync(Guid actorId, Guid documentId, Guid versionId, string? fileName, string? declaredContentType,
        Stream content, CancellationToken cancellationToken = default)
    {
        // The declared content type is the browser's guess from the extension; the kind decides what is stored.
        _ = declaredContentType;
        var name = AttachmentFileName.Sanitise(fileName);
        var kind = AttachmentKind.ForFileName(name);
        // Asked before a byte is read (and again when attaching: access may change while a big file arrives).
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var actor = await db.LoadActorAsync(actorId, cancellationToken);
            var (loaded, version) = await LoadVersionAsync(db, actor, documentId, versionId, cancellationToken, tracked: false);
            RequireEditableDraft(actor, loaded, version);
        }

        await using var incoming = await IncomingFile.ReceiveAsync(content, options.MaxBytes, cancellationToken);
        FileSignatures.Check(kind, incoming.Content, options, cancellationToken);
        var verdict = await scanner.ScanAsync(incoming.Content, name, cancellationToken);
        if (!verdict.Clean)
        {
            logger.LogWarning("The file scanner refused an upload to document {DocumentId}: {Reason}", documentId, verdict.Reason);
            throw new DomainRuleException(AttachmentRefusals.ScannerRefused, AttachmentRefusals.Field);
        }
        incoming.Content.Position = 0;
        var key = await store.SaveAsync(incoming.Content, cancellationToken);
        try
        {
            // Last: a reader given up at its time limit may still be busy with the temporary copy, which nothing else needs now.
            var text = await textReader.ReadAsync(kind, incoming.Content, cancellationToken);
            return await ChangeAsync(actorId, documentId, versionId, (actor, document, now) =>
            {
                var attachment = new DocumentAttachment(name, kind.ContentType, incoming.Size, key, incoming.Sha256, text, actor.MemberId, now);
                document.AddAttachment(versionId, attachment);
                return View(attachment);
            }, cancellationToken);
        }
        catch
        {
            // Never a stored file that no row names.
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    public async Task RemoveAsync(Guid actorId, Guid documentId, Guid versionId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var key = await ChangeAsync(actorId, documentId, versionId, (_, document, _) =>
        {
            var file = document.VersionById(versionId).Attachments.SingleOrDefault(a => a.Id == attachmentId)
                ?? throw new NotFoundException("document.file.notfound");
            document.RemoveAttachment(versionId, attachmentId);
            return file.StorageKey;
        }, cancellationToken);
        await DeleteUnreferencedAsync([key], cancellationToken);
    }

    /// <summary>Deletes the stored bytes of those keys that no attachment names any more — after a file is
    /// removed, or a draft with files of its own is discarded (call it after that save). A draft shares its
    /// carried files' bytes with the versions before it, so those stay.</summary>
    public async Task DeleteUnreferencedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var named = await db.DocumentAttachments.Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey).Distinct().ToListAsync(cancellationToken);
        foreach (var key in keys.Except(named))
            await store.DeleteAsync(key, cancellationToken);
    }

    /// <summary>The file when the actor may see the version it belongs to (a published version: whoever
    /// sees the document; a draft: its editors and reviewers); otherwise not found, as for an unknown id.</summary>
    public async Task<DocumentFileDownload> OpenForDownloadAsync(Guid actorId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.LoadActorAsync(actorId, cancellationToken);
        var place = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Join(db.DocumentVersions, a => a.VersionId, v => v.Id, (a, v) => new { v.DocumentId, v.Id })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("document.file.notfound");
        LoadedDocument loaded;
        try
        {
            loaded = await db.LoadVisibleDocumentAsync(actor, place.DocumentId, cancellationToken, tracked: false);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("document.file.notfound");
        }
        var version = loaded.Document.VersionById(place.Id);
        if (version.Status != DocumentVersionStatus.Published && !AccessPolicy.CanSeeDraft(actor, loaded.Document, loaded.Workspace))
            throw new NotFoundException("document.file.notfound");
        var file = version.Attachments.Single(a => a.Id == attachmentId);
        var stream = await store.OpenReadAsync(file.StorageKey, cancellationToken);
        if (stream is null)
        {
            logger.LogError("Attachment {AttachmentId} names stored file {Key}, which the file store does not have.", file.Id, file.StorageKey);
            throw new NotFoundException("document.file.notfound");
        }
        return new DocumentFileDownload(file.FileName, file.ContentType, file.Size, stream);
    }

    private static async Task<(LoadedDocument Loaded, DocumentVersion Version)> LoadVersionAsync(PortalDbContext db, Actor actor, Guid documentId,
        Guid versionId, CancellationToken cancellationToken, bool tracked)
    {
        var loaded = await db.LoadVisibleDocumentAsync(actor, documentId, cancellationToken, tracked);
        var version = loaded.Document.VersionById(versionId);
        // A draft is need-to-know: to others it does not exist.
        if (version.Status == DocumentVersionStatus.Draft && !AccessPolicy.CanSeeDraft(actor, loaded.Document, loaded.Workspace))
            throw new NotFoundException("document.version.notfound");
        return (loaded, version);
    }

    private static void RequireEditableDraft(Actor actor, LoadedDocument loaded, DocumentVersion version)
    {
        if (!AccessPolicy.CanEditDocument(actor, loaded.Document, loaded.Workspace))
            throw new AccessDeniedException("document.files.denied");
        if (version.Status != DocumentVersionStatus.Draft)
            throw new DomainRuleException("document.version.published-is-read-only", AttachmentRefusals.Field);
    }

    /// <summary>Load → policy → domain → save through the write limit; a lost race with another change of
    /// the same document is tried again on the new state (adding or removing a file does not depend on
    /// the rest of the draft, and the domain checks its rules again each time).</summary>
    private async Task<T> ChangeAsync<T>(Guid actorId, Guid documentId, Guid versionId, Func<Actor, GuidanceDocument, DateTimeOffset, T> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var actor = await db.LoadActorAsync(actorId, cancellationToken);
            var (loaded, version) = await LoadVersionAsync(db, actor, documentId, versionId, cancellationToken, tracked: true);
            RequireEditableDraft(actor, loaded, version);
            var now = clock.GetUtcNow();
            var result = change(actor, loaded.Document, now);
            try
            {
                await limiter.SaveAsync(db, actor.MemberId, now, [new CountedWrite(FileWrite, Field: AttachmentRefusals.Field)], cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
            {
                // Someone else saved the document meanwhile: go again from what they saved.
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainRuleException("document.changed-concurrently", AttachmentRefusals.Field);
            }
        }
    }

    private static DocumentFileView View(DocumentAttachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, !string.IsNullOrWhiteSpace(a.ExtractedText));
}
