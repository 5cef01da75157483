using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Meetings;

/// <summary>Which field of the scheduling form a refusal belongs beside. The domain names the field on its
/// rule (<see cref="Portal.Domain.Common.DomainRuleException.Field"/>); a few name a part of the form the
/// page shows under another key (the end of a meeting is its end time).</summary>
public static class MeetingFieldNames
{
    public static string? Of(Exception exception) => UserMessages.FieldOf(exception) switch
    {
        null => null,
        "start" => "startTime",
        "end" or "duration" => "endTime",
        "link" => "onlineLink",
        "secretaryId" => "secretary",
        "workspaces" or "inviteeSelection" => "invitees",
        var field => field,
    };
}
