using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Domain.Common;
using Portal.Infrastructure.Features.Documents.Files;
using Portal.Web.Account;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Documents;

/// <summary>A draft's attached files: the list (download links, and for editors a remove button) and an
/// upload of several files at once, each with its own progress bar and, when refused, its own message
/// beside it; the other files of the batch still go up.</summary>
public sealed partial class DraftFiles
{
    /// <summary>Files taken from one choice in the picker.</summary>
    public const int MaxPerBatch = 10;

    [Inject] private DocumentFileService Files { get; set; } = null!;
    [Inject] private MemberSession Session { get; set; } = null!;
    [Inject] private UserMessages Messages { get; set; } = null!;

    [Parameter, EditorRequired] public required Guid DocumentId { get; set; }
    [Parameter, EditorRequired] public required Guid VersionId { get; set; }
    /// <summary>Raised after files were added or removed.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private readonly string _id = "draft-files-" + Guid.NewGuid().ToString("N")[..8];
    private DocumentFileList? _list;
    private List<Upload> _uploads = [];
    private string? _error;
    private bool _busy;
    private bool _focusHeading;
    private ElementReference _heading;
    private (Guid, Guid) _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (_list is null || _loadedFor != (DocumentId, VersionId))
            await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusHeading)
        {
            _focusHeading = false;
            await _heading.FocusAsync();
        }
    }

    private async Task LoadAsync()
    {
        _loadedFor = (DocumentId, VersionId);
        try
        {
            _list = await Files.ListAsync(await Session.GetIdAsync(), DocumentId, VersionId);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _list = null;
            _error = Messages.For(exception);
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs args)
    {
        _error = null;
        IReadOnlyList<IBrowserFile> files;
        try
        {
            files = args.GetMultipleFiles(MaxPerBatch);
        }
        catch (InvalidOperationException)
        {
            _error = T["Files.TooManyAtOnce", MaxPerBatch];
            return;
        }
        _uploads = files.Select(f => new Upload(f.Name)).ToList();
        _busy = true;
        var added = false;
        try
        {
            var actorId = await Session.GetIdAsync();
            foreach (var (file, upload) in files.Zip(_uploads))
            {
                added |= await UploadOneAsync(actorId, file, upload);
                StateHasChanged();
            }
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
        if (added)
            await Changed.InvokeAsync();
    }

    private async Task<bool> UploadOneAsync(Guid actorId, IBrowserFile file, Upload upload)
    {
        var limit = Files.Options.MaxBytes;
        // The browser's size is only a shortcut to say no at once; the use case counts what it reads.
        if (file.Size > limit)
        {
            upload.Refusal = Messages.For(new DomainRuleException(AttachmentRefusals.TooLarge, AttachmentRefusals.Field));
            return false;
        }
        try
        {
            await using var stream = new ProgressStream(file.OpenReadStream(limit), file.Size, read => Progressed(upload, read, file.Size));
            var stored = await Files.UploadAsync(actorId, DocumentId, VersionId, file.Name, file.ContentType, stream);
            upload.StoredName = stored.FileName;
            return true;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            upload.Refusal = Messages.For(exception);
        }
        catch (IOException)
        {
            // The browser's stream ended early or passed the size it was opened with.
            upload.Refusal = T["Files.ReadFailed"];
        }
        return false;
    }

    private void Progressed(Upload upload, long read, long size)
    {
        var percent = size <= 0 ? 100 : (int)Math.Min(100, read * 100 / size);
        if (percent == upload.Percent)
            return;
        upload.Percent = percent;
        _ = InvokeAsync(StateHasChanged);
    }

    private async Task RemoveAsync(DocumentFileView file)
    {
        _error = null;
        _busy = true;
        try
        {
            await Files.RemoveAsync(await Session.GetIdAsync(), DocumentId, VersionId, file.Id);
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _error = Messages.For(exception);
            return;
        }
        finally
        {
            _busy = false;
        }
        _uploads = [];
        await LoadAsync();
        // The button that had the focus is gone with its file.
        _focusHeading = true;
        await Changed.InvokeAsync();
    }

    private static string SizeText(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0} kB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB"),
    };

    private sealed class Upload(string name)
    {
        public string Name { get; } = name;
        public int Percent { get; set; }
        public string? Refusal { get; set; }
        public string? StoredName { get; set; }
    }
}
