using Microsoft.AspNetCore.Components;
using Portal.Domain.Discussions;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Meetings;
using Portal.Web.Account;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Meetings;

/// <summary>One meeting (<c>/meetings/{id}?occurrence={oid}</c>, the next occurrence when none is named):
/// its details, the member's reply, everyone's replies for those who may see them, the series' occurrences
/// and cancelling. Live: any change to the meeting (a reply, a move, a cancellation) reloads it.</summary>
public partial class MeetingPage
{
    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "occurrence")] public Guid? Occurrence { get; set; }

    [Inject] private MeetingService Meetings { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private MarkdownRenderer Renderer { get; set; } = null!;

    private MeetingView? _view;
    private string? _descriptionHtml;
    private string? _error;
    private Guid _watching;

    protected override async Task OnParametersSetAsync()
    {
        if (_watching != Id)
        {
            StopWatching();
            var id = Id;
            Watch<MeetingChanged>(e => e.MeetingId == id, LoadAsync);
            _watching = id;
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Meetings.GetAsync(await Session.GetIdAsync(), Id, Occurrence);
            _descriptionHtml = string.IsNullOrWhiteSpace(_view.Description) ? null : Renderer.Render(PostBody.Parse(_view.Description)).Html;
            _error = null;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _view = null;
            _error = Messages.For(exception);
        }
    }
}
