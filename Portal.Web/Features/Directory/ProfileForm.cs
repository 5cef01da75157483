using Portal.Domain.Directory;
using Portal.Domain.Members;
using Portal.Infrastructure.Features.Directory;

namespace Portal.Web.Features.Directory;

/// <summary>What the member is typing on the profile page; kept as typed until it is saved.</summary>
public sealed class ProfileForm
{
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public County? County { get; set; }
    public HashSet<ExploitationForm> Forms { get; } = [];
    /// <summary>Codes of <see cref="SpokenLanguages"/>, chosen from the list.</summary>
    public IReadOnlyCollection<string> Languages { get; set; } = [];

    public void Fill(PersonCard person)
    {
        Title = person.Title;
        Phone = person.Phone;
        County = person.County;
        Forms.Clear();
        Forms.UnionWith(person.ExploitationForms);
        // A word stored before languages were codes cannot be chosen from the list; the member
        // chooses the language again (ADR 0022).
        Languages = person.Languages.Where(SpokenLanguages.IsKnown).ToList();
    }

    public ProfileInput ToInput() =>
        new(Title, Phone, County, Forms.Order().ToList(), Languages.ToList());
}
