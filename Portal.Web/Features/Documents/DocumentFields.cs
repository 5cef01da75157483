using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Documents;

/// <summary>Which field of the document forms a refusal belongs beside: the domain names some fields by
/// their rule's prefix ("document.title") and some by name ("reviewDueOn").</summary>
public static class DocumentFields
{
    public static string? Of(Exception exception) => UserMessages.FieldOf(exception) switch
    {
        null => null,
        "document.title" => "title",
        "document.summary" => "summary",
        "document.change-note" or "changeNote" => "changeNote",
        "document.review.comment" => "comment",
        "document.comment.text" or "document.comment.section" => "comment",
        var field => field,
    };
}
