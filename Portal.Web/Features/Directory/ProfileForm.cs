using Portal.Domain.Directory;
using Portal.Infrastructure.Features.Directory;

namespace Portal.Web.Features.Directory;

/// <summary>What the member is typing on the profile page; kept as typed until it is saved.</summary>
public sealed class ProfileForm
{
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public County? County { get; set; }
    public HashSet<ExploitationForm> Forms { get; } = [];
    /// <summary>Comma-separated, as the member writes them.</summary>
    public string? Languages { get; set; }

    public void Fill(PersonCard person)
    {
        Title = person.Title;
        Phone = person.Phone;
        County = person.County;
        Forms.Clear();
        Forms.UnionWith(person.ExploitationForms);
        Languages = string.Join(", ", person.Languages);
    }

    public ProfileInput ToInput() =>
        new(Title, Phone, County, Forms.Order().ToList(),
            (Languages ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
