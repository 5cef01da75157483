namespace Portal.Infrastructure.Features.Documents.Files;

/// <summary>Where attached files' bytes live, outside the database, under keys the store makes (never a
/// name a member chose). The local folder is the default; blob storage would be another implementation.</summary>
public interface IDocumentFileStore
{
    /// <summary>Stores the stream's bytes and returns their new key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when the key names nothing.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Files in one folder (<c>Portal:Files:Folder</c>), named by a random key in two levels of
/// sub-folders. A file is written under a temporary name and renamed when complete, so a reader on
/// another node never sees half a file.</summary>
public sealed class LocalFolderFileStore(DocumentFileOptions options) : IDocumentFileStore
{
    public string Folder => Path.GetFullPath(options.Folder);

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key)!;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (PathOf(key) is not { } path || !File.Exists(path))
            return Task.FromResult<Stream?>(null);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (PathOf(key) is { } path)
            File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>Only keys this store made (32 hex digits) name a path: a key can never climb out of the folder.</summary>
    private string? PathOf(string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Folder, key[..2], key[2..4], key)
            : null;
}
