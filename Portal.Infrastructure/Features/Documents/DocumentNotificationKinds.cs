using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Features.Notifications;

namespace Portal.Infrastructure.Features.Documents;

/// <summary>The kinds of notification documents raise. Someone waits for a reviewer's or an owner's answer,
/// so review requests, requested changes and approvals mail at once; a publication and "please read" come in
/// the daily digest; the review date reminder mails at once (it is rare and has a date). Mails carry the
/// document's title and a link, never its text (the shared notification mail does exactly that).</summary>
public static class DocumentNotificationKinds
{
    public const string ReviewRequested = "document.review-requested";
    public const string ChangesRequested = "document.changes-requested";
    public const string Approved = "document.approved";
    public const string Published = "document.published";
    public const string PleaseRead = "document.please-read";
    public const string ReviewDue = "document.review-due";
    public const string ReviewWithdrawn = "document.review-withdrawn";

    public static IServiceCollection AddDocumentNotificationKinds(this IServiceCollection services) => services
        .AddNotificationKind(new NotificationKindDefinition(ReviewRequested, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(ChangesRequested, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Approved, InPortal: true, EmailFrequency.Immediately))
        .AddNotificationKind(new NotificationKindDefinition(Published, InPortal: true, EmailFrequency.DailyDigest))
        .AddNotificationKind(new NotificationKindDefinition(PleaseRead, InPortal: true, EmailFrequency.DailyDigest))
        .AddNotificationKind(new NotificationKindDefinition(ReviewDue, InPortal: true, EmailFrequency.Immediately, CanBeMuted: false))
        .AddNotificationKind(new NotificationKindDefinition(ReviewWithdrawn, InPortal: true, EmailFrequency.Immediately));
}
