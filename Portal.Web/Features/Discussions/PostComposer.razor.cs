using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Domain.Discussions;
using Portal.Infrastructure.Features.Discussions;
using Portal.Infrastructure.Features.Workspaces;
using Portal.Web.Account;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Discussions;

public sealed partial class PostComposer
{
    [Parameter, EditorRequired] public required string Label { get; set; }
    [Parameter, EditorRequired] public required string SendText { get; set; }
    /// <summary>Sends the text (mentions in the server's form); an expected exception (a refused post) is shown here and the draft kept.</summary>
    [Parameter, EditorRequired] public required Func<string, Task> Send { get; set; }
    [Parameter] public string? InitialText { get; set; }
    /// <summary>The thread written in: people who may read it are suggested as one types "@".</summary>
    [Parameter] public Guid? ThreadId { get; set; }
    /// <summary>Workspaces the member may mention as a whole (the policy's choice, made by the page).</summary>
    [Parameter] public IReadOnlyList<WorkspaceRef> Workspaces { get; set; } = [];
    /// <summary>Where the unsent text is kept in this browser (per member), e.g. "thread.{id}"; none for edits.</summary>
    [Parameter] public string? DraftKey { get; set; }
    /// <summary>Called on every keystroke (a plain delegate, so the parent does not re-render each time).</summary>
    [Parameter] public Func<Task>? OnTyping { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }
    [Parameter] public string TestId { get; set; } = "composer";
    [Parameter] public string SendTestId { get; set; } = "send-post";

    [Inject] private IStringLocalizer<DiscussionText> T { get; set; } = null!;
    [Inject] private MarkdownRenderer Renderer { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;
    [Inject] private MentionCandidates Candidates { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ILogger<PostComposer> Logger { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private readonly MentionText _mentions = new();
    private readonly string _listId = "mentions-" + Guid.NewGuid().ToString("N")[..8];
    private ElementReference _root;
    private MudTextField<string> _field = null!;
    private ComposerScript _script = null!;
    private DotNetObjectReference<PostComposer>? _self;

    private string? _draft;
    private int _overBy;
    private int? _heldBackLength;
    private string? _fieldError;
    private string? _error;
    private bool _busy;
    private bool _preview;
    private string _previewHtml = "";
    private bool _previewDroppedImages;
    private string? _previewError;

    // Mentions: the caret (-1 = end of text), the "@…" being typed, its suggestions and the one highlighted.
    private int _caret = -1;
    private MentionQuery? _query;
    private int? _dismissedAt;
    private IReadOnlyList<MentionChoice> _suggestions = [];
    private int _active;
    private int? _caretAfterRender;


    private bool Suggesting => _query is not null && _suggestions.Count > 0;
    private string ListId => _listId;

    private string? FieldError =>
        _heldBackLength is { } held ? TooLong(held - PostBody.MaxLength)
        : _overBy > 0 ? TooLong(_overBy)
        : _fieldError;

    private string TooLong(int by) => string.Format(T["Composer.TooLong"], Math.Max(by, 1));

    private Dictionary<string, object?> FieldAttributes
    {
        get
        {
            var attributes = new Dictionary<string, object?> { ["data-testid"] = TestId, ["aria-autocomplete"] = "list" };
            if (Suggesting)
            {
                attributes["aria-controls"] = ListId;
                attributes["aria-activedescendant"] = $"{ListId}-{_active}";
            }
            return attributes;
        }
    }

    private string SuggestionStatus => Suggesting ? string.Format(T["Mention.Count"], _suggestions.Count) : "";

    protected override void OnInitialized()
    {
        _script = new ComposerScript(JS, Clock, Logger, () => _mentions.ToWire(_draft), InvokeAsync);
        _draft = _mentions.Show(InitialText);
        Measure();
    }

    /// <summary>The parameters the composer's markup depends on (the delegates only act when called).</summary>
    private readonly record struct Given(string Label, string SendText, Guid? ThreadId, IReadOnlyList<WorkspaceRef> Workspaces,
        string? DraftKey, bool CanCancel, string TestId, string SendTestId);

    private Given? _given;
    /// <summary>The page handed the same parameters again (a post arrived): nothing here changed, so
    /// this render is skipped. Cleared by any render, so a render of the composer's own is never lost.</summary>
    private bool _sameParametersAgain;

    protected override void OnParametersSet()
    {
        var given = new Given(Label, SendText, ThreadId, Workspaces, DraftKey, OnCancel.HasDelegate, TestId, SendTestId);
        _sameParametersAgain = _given == given;
        _given = given;
    }

    protected override bool ShouldRender()
    {
        var skip = _sameParametersAgain;
        _sameParametersAgain = false;
        return !skip;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
            await AttachAsync();
        if (_caretAfterRender is { } caret)
        {
            _caretAfterRender = null;
            await _field.SelectRangeAsync(caret, caret);
        }
    }

    /// <summary>Puts the caret in the field (the thread page's skip link).</summary>
    public ValueTask FocusAsync() => _field.FocusAsync();

    private async Task AttachAsync()
    {
        var memberId = await Session.GetIdAsync();
        _self = DotNetObjectReference.Create(this);
        // Per member: another member signing in on this browser does not see it.
        var saved = await _script.AttachAsync(_root, _self, DraftKey is null ? null : $"{memberId:N}.{DraftKey}");
        if (!string.IsNullOrWhiteSpace(saved) && string.IsNullOrEmpty(_draft))
        {
            _draft = _mentions.Show(saved);
            Measure();
            StateHasChanged();
        }
    }

    private async Task DraftChangedAsync(string? text)
    {
        _draft = text;
        _heldBackLength = null;
        _fieldError = null;
        Measure();
        if (_preview)
            RenderPreview();
        await _script.SaveDraftAsync();
        await UpdateSuggestionsAsync();
        if (OnTyping is not null)
            await OnTyping();
    }

    private void Measure() => _overBy = Math.Max(0, _mentions.ToWire(_draft).Length - PostBody.MaxLength);

    /// <summary>The browser kept a text too large to send over the circuit; only its length came.</summary>
    [JSInvokable]
    public Task HeldBack(int length)
    {
        _heldBackLength = length;
        _query = null;
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>The caret moved (-1: to the end). From a keystroke, the text follows at once and
    /// looks again; from a click or an arrow key, look now.</summary>
    [JSInvokable]
    public async Task CaretMoved(int caret, bool fromInput)
    {
        _caret = caret;
        if (fromInput)
            return;
        await UpdateSuggestionsAsync();
        StateHasChanged();
    }

    private async Task KeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && (e.CtrlKey || e.MetaKey))
        {
            await SendAsync();
            return;
        }
        if (!Suggesting || e.ShiftKey || e.AltKey)
            return;
        switch (e.Key)
        {
            case "ArrowDown":
                _active = (_active + 1) % _suggestions.Count;
                break;
            case "ArrowUp":
                _active = (_active + _suggestions.Count - 1) % _suggestions.Count;
                break;
            case "Enter" or "Tab":
                await PickAsync(_suggestions[_active]);
                break;
            case "Escape":
                _dismissedAt = _query!.Start;
                _query = null;
                break;
        }
    }

    private async Task UpdateSuggestionsAsync()
    {
        var text = _draft ?? "";
        var query = ThreadId is null || _heldBackLength is not null ? null
            : MentionText.QueryAt(text, _caret < 0 || _caret > text.Length ? text.Length : _caret);
        if (query is null || query.Start != _dismissedAt)
            _dismissedAt = null;
        if (query is null || _dismissedAt is not null)
        {
            _query = null;
            return;
        }
        var same = _query is not null && _query.Start == query.Start && _query.Text == query.Text;
        _query = query;
        if (same)
            return;
        var found = await FindAsync(query.Text);
        if (_query != query)
            return; // a newer keystroke has looked already
        _suggestions = found;
        _active = 0;
    }

    private async Task<IReadOnlyList<MentionChoice>> FindAsync(string typed)
    {
        var words = SearchText.Fold(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var workspaces = Workspaces
            .Where(w => words.All(word => SearchText.Fold(w.Name).Split(' ').Any(n => n.StartsWith(word, StringComparison.Ordinal))))
            .Select(w => MentionChoice.Workspace(w.Id, w.Name, T["Mention.WorkspaceDetail"]));
        try
        {
            var people = await Candidates.FindAsync(await Session.GetIdAsync(), ThreadId!.Value, typed);
            return workspaces.Concat(people.Select(p => MentionChoice.Member(p.MemberId, p.DisplayName, p.OrganisationName)))
                .Take(MentionCandidates.MaxResults).ToList();
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            return [];
        }
    }

    private async Task PickAsync(MentionChoice choice)
    {
        if (_query is null)
            return;
        var (text, caret) = _mentions.Insert(_draft ?? "", _query, choice);
        _draft = text;
        _caret = caret == text.Length ? -1 : caret;
        _caretAfterRender = caret;
        _query = null;
        Measure();
        if (_preview)
            RenderPreview();
        await _script.SaveDraftAsync();
    }

    /// <summary>The "Mention" button: an "@" at the end of the text, and the suggestions open.</summary>
    private async Task StartMentionAsync()
    {
        var text = _draft?.TrimEnd() ?? "";
        _draft = (text.Length == 0 ? "" : text + " ") + "@";
        _caret = -1;
        _caretAfterRender = _draft.Length;
        _dismissedAt = null;
        Measure();
        await UpdateSuggestionsAsync();
        await _field.FocusAsync();
    }

    private void TogglePreview()
    {
        _preview = !_preview;
        if (_preview)
            RenderPreview();
    }

    private void RenderPreview()
    {
        try
        {
            var rendered = Renderer.Render(PostBody.Parse(_mentions.ToWire(_draft)));
            _previewHtml = rendered.Html;
            _previewDroppedImages = rendered.DroppedImages;
            _previewError = null;
        }
        catch (DomainRuleException rule)
        {
            _previewError = Messages.For(rule);
        }
    }

    private async Task SendAsync()
    {
        if (_busy)
            return;
        _error = _fieldError = null;
        if (_heldBackLength is not null || _overBy > 0)
            return; // the field already says how much is too long; everything typed stays
        _busy = true;
        try
        {
            await Send(_mentions.ToWire(_draft));
            _draft = "";
            _preview = false;
            _query = null;
            Measure();
            await _script.SaveDraftAsync(now: true);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            if (UserMessages.FieldOf(exception) == "body")
                _fieldError = Messages.For(exception);
            else
                _error = Messages.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _script.DisposeAsync();
        _self?.Dispose();
    }
}
