using System.Linq.Expressions;
using Portal.Domain.Documents;
using Portal.Domain.Workspaces;

namespace Portal.Domain.Access;

public static partial class AccessPolicy
{
    // ---- Guidance documents ----
    // A workspace's documents are read with the workspace (the one readable rule); portal-wide documents
    // (no workspace) are read by every member. A document is listed once it has a published version; before
    // that only its editors and the reviewers named on its draft know it exists. Drafts are seen only by
    // editors and the draft's named reviewers (need-to-know: unreviewed text is not guidance yet).

    /// <summary>Editors: the owner (while they may still read it), the workspace's leads, and for a
    /// portal-wide document the administrators (the coordinator's secretariat).</summary>
    public static bool CanEditDocument(Actor actor, GuidanceDocument document, Workspace? workspace) =>
        document.WorkspaceId is null
            ? actor.IsAdministrator || document.OwnerId == actor.MemberId
            : workspace is not null && workspace.Id == document.WorkspaceId
              && (workspace.IsLead(actor.MemberId) || (document.OwnerId == actor.MemberId && CanReadWorkspace(actor, workspace)));

    public static bool CanSeeDocument(Actor actor, GuidanceDocument document, Workspace? workspace) =>
        CanReadDocumentPlace(actor, document, workspace)
        && (document.Versions.Any(v => v.Status == DocumentVersionStatus.Published)
            || CanEditDocument(actor, document, workspace)
            || IsNamedReviewer(actor, document));

    public static Expression<Func<GuidanceDocument, bool>> VisibleDocuments(Actor actor)
    {
        var memberId = actor.MemberId;
        var administrator = actor.IsAdministrator;
        return WithReadableRule<GuidanceDocument>(d =>
            (d.WorkspaceId == null || IsReadable(d.Workspace!, memberId))
            && (d.Versions.Any(v => v.Status == DocumentVersionStatus.Published)
                || d.OwnerId == memberId
                || (d.WorkspaceId == null && administrator)
                || (d.WorkspaceId != null && d.Workspace!.Memberships.Any(m => m.MemberId == memberId
                    && m.Status == MembershipStatus.Active && m.Role == MembershipRole.Lead))
                || d.Versions.Any(v => v.Status == DocumentVersionStatus.Draft && v.Reviews.Any(r => r.ReviewerId == memberId))));
    }

    /// <summary>The draft's text, reviews and comments: its editors and its named reviewers.</summary>
    public static bool CanSeeDraft(Actor actor, GuidanceDocument document, Workspace? workspace) =>
        CanReadDocumentPlace(actor, document, workspace)
        && (CanEditDocument(actor, document, workspace) || IsNamedReviewer(actor, document));

    /// <summary>A named reviewer of the open draft who may still read the document gives their decision.</summary>
    public static bool CanReviewDocument(Actor actor, GuidanceDocument document, Workspace? workspace) =>
        CanReadDocumentPlace(actor, document, workspace) && IsNamedReviewer(actor, document);

    /// <summary>Portal-wide documents are written by the secretariat; a workspace's by its leads and members
    /// (observers only read).</summary>
    public static bool CanCreateDocument(Actor actor, Workspace? workspace) =>
        workspace is null ? actor.IsAdministrator : CanContribute(actor, workspace);

    /// <summary>Who has and has not acknowledged: the document's editors.</summary>
    public static bool CanSeeAcknowledgements(Actor actor, GuidanceDocument document, Workspace? workspace) =>
        CanEditDocument(actor, document, workspace);

    private static bool CanReadDocumentPlace(Actor actor, GuidanceDocument document, Workspace? workspace) =>
        document.WorkspaceId is null || (workspace is not null && workspace.Id == document.WorkspaceId && CanReadWorkspace(actor, workspace));

    private static bool IsNamedReviewer(Actor actor, GuidanceDocument document) =>
        document.Draft?.Reviews.Any(r => r.ReviewerId == actor.MemberId) == true;
}
