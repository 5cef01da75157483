using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Meetings.Minutes;

/// <summary>Which field of the minutes panels a refusal belongs beside: the domain names some fields by their
/// rule's prefix ("meeting.agenda.title") and some by name ("dueOn").</summary>
public static class MinutesFields
{
    public static string? Of(Exception exception) => UserMessages.FieldOf(exception) switch
    {
        null => null,
        "meeting.agenda.title" => "title",
        "meeting.decision.text" => "decision",
        "meeting.action.text" => "actionText",
        "meeting.training.name" => "name",
        "meeting.training.organisation" => "organisation",
        var field => field,
    };
}
