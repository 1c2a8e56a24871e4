using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Databases;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Files;

/// <summary>A stored file: its id (the name under the agency's folder) and its plain length.</summary>
public sealed record StoredFile(string Id, long Length);

/// <summary>
/// Files of an agency (uploads, rejected-row files, later documents), encrypted at rest under the agency's file key
/// (see <see cref="ChunkedFileFormat"/>), in {PersonalData:FilesDirectory or {Database:DataDirectory}/files}/{agency}/.
/// Writing and reading stream chunk by chunk; nothing holds a whole file in memory.
/// </summary>
public sealed class EncryptedFileStore(IOptions<PersonalDataOptions> options, IOptions<DatabaseOptions> database)
{
    private string Root => options.Value.FilesDirectory is { Length: > 0 } configured
        ? configured
        : Path.Combine(database.Value.DataDirectory, "files");

    /// <summary>
    /// Lets <paramref name="write"/> write the plain content into an encrypting stream and stores it under a new id.
    /// The file appears only once complete: if <paramref name="write"/> throws, nothing is left behind.
    /// </summary>
    public async Task<StoredFile> CreateAsync(Guid tenantId, PersonalDataProtector protector, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var folder = Folder(tenantId);
        Directory.CreateDirectory(folder);
        var id = Guid.CreateVersion7().ToString("N");
        var path = Path.Combine(folder, id);
        var partial = path + ".partial";
        try
        {
            long length;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                var encrypting = new EncryptingWriteStream(file, protector.FileKey());
                try
                {
                    await write(encrypting, ct);
                    encrypting.Complete();
                    length = encrypting.Length;
                }
                finally
                {
                    encrypting.Release();
                }
            }
            File.Move(partial, path);
            return new StoredFile(id, length);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>A seekable stream of the plain content; throws <see cref="System.Security.Cryptography.CryptographicException"/> when the file was altered.</summary>
    public Stream OpenRead(Guid tenantId, PersonalDataProtector protector, string id)
    {
        var file = new FileStream(PathOf(tenantId, id), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        try
        {
            return new DecryptingReadStream(file, protector.FileKey());
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public bool Exists(Guid tenantId, string id) => File.Exists(PathOf(tenantId, id));

    public void Delete(Guid tenantId, string id) => File.Delete(PathOf(tenantId, id));

    private string Folder(Guid tenantId) => Path.Combine(Root, tenantId.ToString("N"));

    private string PathOf(Guid tenantId, string id)
    {
        // Ids are ours (hex), never user input; refuse anything else rather than build a path from it.
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("Not a stored file id.", nameof(id));
        return Path.Combine(Folder(tenantId), id);
    }
}
