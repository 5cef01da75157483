using Portal.Domain.Directory;
using Portal.Domain.MethodSupport;

namespace Portal.Web.Features.MethodSupport;

/// <summary>What the ask form holds while the member writes; kept whole whatever the server says.</summary>
public sealed class SupportQuestionModel
{
    public string? Question { get; set; }
    public string? DoneSoFar { get; set; }
    public HashSet<ExploitationForm> Forms { get; } = [];
    public bool ChildConcerned { get; set; }
    public County? County { get; set; }
    public SupportUrgency Urgency { get; set; } = SupportUrgency.ThisWeek;
    public string? PreferredContact { get; set; }

    /// <summary>No county chosen is passed as an undefined value, which the domain refuses beside the county field.</summary>
    public SupportQuestion ToQuestion() =>
        new(Question, DoneSoFar, Forms.Order().ToList(), ChildConcerned, County ?? default, Urgency, PreferredContact);
}
