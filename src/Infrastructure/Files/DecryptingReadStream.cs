using System.Security.Cryptography;

namespace LoanSaaS.Infrastructure.Files;

/// <summary>
/// Read-only, seekable view of a stored file: decrypts (and authenticates) one chunk at a time, so a zip reader can
/// jump around a large .xlsx while at most one 64 KiB chunk is held in memory.
/// </summary>
internal sealed class DecryptingReadStream : Stream
{
    private readonly FileStream _file;
    private readonly AesGcm _aes;
    private readonly byte[] _salt;
    private readonly long _chunks;
    private readonly byte[] _stored = new byte[ChunkedFileFormat.StoredChunkSize];
    private readonly byte[] _plain = new byte[ChunkedFileFormat.ChunkSize];
    private long _loadedChunk = -1;
    private int _loadedLength;
    private long _position;

    public DecryptingReadStream(FileStream file, byte[] agencyFileKey)
    {
        _file = file;
        Span<byte> header = stackalloc byte[ChunkedFileFormat.HeaderSize];
        file.Position = 0;
        file.ReadExactly(header);
        _salt = ChunkedFileFormat.ReadSalt(header);
        (Length, _chunks) = ChunkedFileFormat.Measure(file.Length);
        _aes = new AesGcm(ChunkedFileFormat.FileKey(agencyFileKey, _salt), ChunkedFileFormat.TagSize);
        // Open the last chunk now: a truncated or extended file is refused before anyone reads from it.
        if (_chunks > 0) Load(_chunks - 1);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (buffer.Length > 0 && _position < Length)
        {
            var chunk = _position / ChunkedFileFormat.ChunkSize;
            if (chunk != _loadedChunk) Load(chunk);
            var inChunk = (int)(_position - chunk * ChunkedFileFormat.ChunkSize);
            var n = Math.Min(buffer.Length, _loadedLength - inChunk);
            _plain.AsSpan(inChunk, n).CopyTo(buffer);
            buffer = buffer[n..];
            _position += n;
            total += n;
        }
        return total;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    private void Load(long chunk)
    {
        var last = chunk == _chunks - 1;
        var plainLength = last ? (int)(Length - chunk * ChunkedFileFormat.ChunkSize) : ChunkedFileFormat.ChunkSize;
        _file.Position = ChunkedFileFormat.HeaderSize + chunk * ChunkedFileFormat.StoredChunkSize;
        var stored = _stored.AsSpan(0, plainLength + ChunkedFileFormat.ChunkOverhead);
        _file.ReadExactly(stored);
        Span<byte> associated = stackalloc byte[ChunkedFileFormat.AssociatedSize];
        ChunkedFileFormat.Associated(associated, _salt, chunk, last);
        _loadedChunk = -1;
        _aes.Decrypt(stored[..ChunkedFileFormat.NonceSize], stored.Slice(ChunkedFileFormat.NonceSize, plainLength),
            stored[^ChunkedFileFormat.TagSize..], _plain.AsSpan(0, plainLength), associated);
        _loadedChunk = chunk;
        _loadedLength = plainLength;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _aes.Dispose();
            Array.Clear(_plain);
        }
        base.Dispose(disposing);
    }
}
