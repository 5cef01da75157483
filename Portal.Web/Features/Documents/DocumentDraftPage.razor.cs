using Microsoft.AspNetCore.Components;
using Portal.Domain.Documents;
using Portal.Infrastructure.Features.Documents;
using Portal.Infrastructure.Features.Members;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Documents;

/// <summary>The draft of a document, live: the editor for its editors, the review panel (reviewers and
/// their decisions, a named reviewer's own decision), comments on sections and the publish panel. Every
/// change to the document (another reviewer's decision, a save elsewhere) reloads it; the editor keeps
/// what the member typed.</summary>
public sealed partial class DocumentDraftPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private DocumentWriteService Documents { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;

    private Guid _loadedId;
    private DraftPageView? _view;
    private string? _loadError;
    private string? _error;
    private string? _notice;
    private bool _busy;
    private bool _confirmDiscard;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
            return;
        StopWatching();
        _loadedId = Id;
        _view = null;
        await ReloadAsync();
        Watch<DocumentChanged>(e => e.DocumentId == Id, ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        try
        {
            _view = await Documents.GetDraftAsync(await Session.GetIdAsync(), Id);
            _loadError = null;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _loadError = Messages.For(exception);
            _view = null;
        }
    }

    private async Task StartAsync(bool major)
    {
        await RunAsync(async me => await Documents.StartDraftAsync(me, Id, major));
    }

    private async Task DiscardAsync(Guid versionId)
    {
        await RunAsync(me => Documents.DiscardDraftAsync(me, Id, versionId));
        _confirmDiscard = false;
    }

    private async Task PublishedAsync(VersionNumber number)
    {
        await ReloadAsync();
        _notice = string.Format(T["Publish.Done"], number);
    }

    private async Task RunAsync(Func<Guid, Task> action)
    {
        _error = _notice = null;
        _busy = true;
        try
        {
            await action(await Session.GetIdAsync());
            await ReloadAsync();
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
}
