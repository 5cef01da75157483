using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Web.Account;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Documents;

/// <summary>Reading a document: the version in force (or <c>?version=1.2</c>), its contents, files and
/// history, and "read and understood". Reloads when anything about the document changes.</summary>
public partial class DocumentPage
{
    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "version")] public string? Version { get; set; }

    [Inject] private DocumentLibraryService Library { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private DocumentView? _view;
    private string? _error;
    private bool _busy;

    protected override void OnInitialized() => Watch<DocumentChanged>(e => e.DocumentId == Id, LoadAsync);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        VersionNumber? number = null;
        if (!string.IsNullOrEmpty(Version))
        {
            if (!VersionNumber.TryParse(Version, out var parsed))
            {
                _view = null;
                _error = Messages.For(new NotFoundException("document.version.notfound"));
                return;
            }
            number = parsed;
        }
        try
        {
            _view = await Library.GetAsync(await Session.GetIdAsync(), Id, number);
            _error = null;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _error = Messages.For(exception);
        }
    }

    private async Task AcknowledgeAsync()
    {
        if (_view?.Shown is not { } shown)
            return;
        _busy = true;
        try
        {
            await Library.AcknowledgeAsync(await Session.GetIdAsync(), Id, shown.Id);
            await LoadAsync();
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _error = Messages.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A section's link on this very page (the version shown stays), not relative to the base
    /// address: "#avsnitt-1" alone would lead to the home page.</summary>
    private string SectionLink(DocumentSection section)
    {
        var relative = Navigation.ToBaseRelativePath(Navigation.Uri);
        var end = relative.IndexOf('#');
        return "/" + (end < 0 ? relative : relative[..end]) + "#" + section.Anchor;
    }

    /// <summary>Compares the shown version with the published version just before it, or for the first
    /// version with the one just after it; none when only one is published.</summary>
    private static string? CompareLink(DocumentView view)
    {
        if (view.Shown is not { } shown || view.PublishedCount < 2)
            return null;
        var published = view.History.Where(h => h.Standing != VersionStanding.Draft).Select(h => h.Number).Order().ToList();
        var earlier = published.Where(n => n < shown.Number).ToList();
        var (from, to) = earlier.Count > 0 ? (earlier[^1], shown.Number) : (shown.Number, published.First(n => n > shown.Number));
        return $"/documents/{view.Id}/compare?from={from}&to={to}";
    }

    private static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Format(CultureInfo.CurrentCulture, "{0} B", bytes),
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} kB", bytes / 1024.0),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024.0 * 1024)),
    };
}
