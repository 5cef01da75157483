using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using Portal.Web.Account;
using Portal.Web.Components.Live;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Workspaces.Sections;

/// <summary>A part's badge in the workspace's navigation: a small live component that counts what is new
/// to the member through the part's own use cases (which check access), recounts when the events it
/// watches arrive, and shows the number with a text for screen readers ("3 nya").</summary>
public abstract class WorkspaceSectionBadge : LiveComponentBase
{
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private IStringLocalizer<WorkspaceText> T { get; set; } = null!;

    [Parameter, EditorRequired] public required Guid WorkspaceId { get; set; }

    /// <summary>The member has this part open: what it counts is being seen, and so is what arrives meanwhile.</summary>
    [Parameter] public bool IsOpen { get; set; }

    private int _count;
    private Guid? _watching;

    protected abstract Task<int> CountAsync(Guid memberId);

    /// <summary>For parts that keep a marker of what the member has seen.</summary>
    protected virtual Task SeenAsync(Guid memberId) => Task.CompletedTask;

    /// <summary>Calls <see cref="LiveComponentBase.Watch{TEvent}"/> with <see cref="RecountAsync"/> for the
    /// events after which the count may differ.</summary>
    protected abstract void WatchChanges();

    protected override async Task OnParametersSetAsync()
    {
        // Watched before counting, so that nothing falls between.
        if (_watching != WorkspaceId)
        {
            StopWatching();
            WatchChanges();
            _watching = WorkspaceId;
        }
        await RecountAsync();
    }

    protected async Task RecountAsync()
    {
        try
        {
            var memberId = await Session.GetIdAsync();
            if (IsOpen)
                await SeenAsync(memberId);
            _count = await CountAsync(memberId);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            // Access gone: the page itself says so; the badge just goes.
            _count = 0;
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (_count <= 0)
            return;
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "workspace-section__badge");
        builder.AddAttribute(2, "data-testid", "section-badge");
        builder.OpenElement(3, "span");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddContent(5, _count);
        builder.CloseElement();
        builder.OpenElement(6, "span");
        builder.AddAttribute(7, "class", "visually-hidden");
        builder.AddContent(8, string.Format(T[_count == 1 ? "Sections.New.One" : "Sections.New.Other"], _count));
        builder.CloseElement();
        builder.CloseElement();
    }
}
