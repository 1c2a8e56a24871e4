using System.Security.Cryptography;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Databases;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Integration.Tests.Files;

/// <summary>The encrypted file store on a real folder: round trip, seeking, tampering, streaming of large files.</summary>
public sealed class EncryptedFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "loansaas-files-" + Guid.NewGuid().ToString("N"));
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly PersonalDataProtector _protector = new(RandomNumberGenerator.GetBytes(32));
    private readonly EncryptedFileStore _store;

    public EncryptedFileStoreTests() =>
        _store = new EncryptedFileStore(Options.Create(new PersonalDataOptions { FilesDirectory = _root }), Options.Create(new DatabaseOptions()));

    private Task<StoredFile> StoreAsync(byte[] content) =>
        _store.CreateAsync(_tenant, _protector, (s, ct) => s.WriteAsync(content, ct).AsTask(), CancellationToken.None);

    private string PathOf(StoredFile file) => Path.Combine(_root, _tenant.ToString("N"), file.Id);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(200_000)]
    public async Task Content_round_trips_and_is_not_stored_in_plain(int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        var stored = await StoreAsync(content);

        Assert.Equal(length, stored.Length);
        await using var read = _store.OpenRead(_tenant, _protector, stored.Id);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        if (length >= 16) Assert.DoesNotContain(Convert.ToHexString(content[..16]), Convert.ToHexString(File.ReadAllBytes(PathOf(stored))));
    }

    [Fact]
    public async Task Reads_can_seek_anywhere()
    {
        var content = RandomNumberGenerator.GetBytes(300_000);
        var stored = await StoreAsync(content);
        await using var read = _store.OpenRead(_tenant, _protector, stored.Id);

        var buffer = new byte[1000];
        read.Position = 131_000;
        read.ReadExactly(buffer);
        Assert.Equal(content[131_000..132_000], buffer);
        read.Seek(-1000, SeekOrigin.End);
        read.ReadExactly(buffer);
        Assert.Equal(content[^1000..], buffer);
    }

    [Fact]
    public async Task A_changed_byte_a_truncation_or_another_agency_key_is_detected()
    {
        var stored = await StoreAsync(RandomNumberGenerator.GetBytes(150_000));
        var path = PathOf(stored);
        var original = await File.ReadAllBytesAsync(path);

        var flipped = (byte[])original.Clone();
        flipped[70_000] ^= 1;
        await File.WriteAllBytesAsync(path, flipped);
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(stored));

        await File.WriteAllBytesAsync(path, original[..(original.Length - 100)]);
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(stored));

        await File.WriteAllBytesAsync(path, original[..(24 + 2 * (65536 + 28))]);
        Assert.ThrowsAny<CryptographicException>(() => ReadAll(stored));

        await File.WriteAllBytesAsync(path, original);
        Assert.ThrowsAny<CryptographicException>(() => _store.OpenRead(_tenant, new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)), stored.Id));
        ReadAll(stored);
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.CreateAsync(_tenant, _protector, async (s, ct) =>
        {
            await s.WriteAsync(new byte[100_000], ct);
            throw new InvalidOperationException("boom");
        }, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(Path.Combine(_root, _tenant.ToString("N"))));
    }

    [Fact]
    public async Task A_large_file_streams_through_without_being_held_in_memory()
    {
        const long size = 64L * 1024 * 1024;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stored = await _store.CreateAsync(_tenant, _protector, async (s, ct) =>
        {
            var block = new byte[65536];
            for (long written = 0; written < size; written += block.Length) await s.WriteAsync(block, ct);
        }, CancellationToken.None);
        long total = 0;
        await using (var read = _store.OpenRead(_tenant, _protector, stored.Id))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await read.ReadAsync(buffer)) > 0) total += n;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(size, total);
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated / 1024} KiB to stream {size / 1024 / 1024} MiB");
    }

    private void ReadAll(StoredFile stored)
    {
        using var read = _store.OpenRead(_tenant, _protector, stored.Id);
        read.CopyTo(Stream.Null);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
