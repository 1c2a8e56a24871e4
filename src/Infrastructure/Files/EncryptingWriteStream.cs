using System.Security.Cryptography;

namespace LoanSaaS.Infrastructure.Files;

/// <summary>Write-only stream that encrypts into <see cref="ChunkedFileFormat"/> chunk by chunk; <see cref="Complete"/> writes the last chunk.</summary>
internal sealed class EncryptingWriteStream : Stream
{
    private readonly Stream _output;
    private readonly AesGcm _aes;
    private readonly byte[] _salt;
    private readonly byte[] _plain = new byte[ChunkedFileFormat.ChunkSize];
    private readonly byte[] _stored = new byte[ChunkedFileFormat.StoredChunkSize];
    private int _buffered;
    private long _index;
    private long _length;
    private bool _completed;

    public EncryptingWriteStream(Stream output, byte[] agencyFileKey)
    {
        _output = output;
        _salt = RandomNumberGenerator.GetBytes(ChunkedFileFormat.SaltSize);
        _aes = new AesGcm(ChunkedFileFormat.FileKey(agencyFileKey, _salt), ChunkedFileFormat.TagSize);
        Span<byte> header = stackalloc byte[ChunkedFileFormat.HeaderSize];
        ChunkedFileFormat.WriteHeader(header, _salt);
        _output.Write(header);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_completed;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (buffer.Length > 0)
        {
            // A full buffer is written only once more data arrives, so the last chunk is always shorter than a full one.
            if (_buffered == _plain.Length) WriteChunk(last: false);
            var n = Math.Min(buffer.Length, _plain.Length - _buffered);
            buffer[..n].CopyTo(_plain.AsSpan(_buffered));
            _buffered += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public void Complete()
    {
        if (_completed) return;
        if (_buffered == _plain.Length) WriteChunk(last: false);
        WriteChunk(last: true);
        _output.Flush();
        _completed = true;
    }

    private void WriteChunk(bool last)
    {
        var nonce = _stored.AsSpan(0, ChunkedFileFormat.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> associated = stackalloc byte[ChunkedFileFormat.AssociatedSize];
        ChunkedFileFormat.Associated(associated, _salt, _index, last);
        var cipher = _stored.AsSpan(ChunkedFileFormat.NonceSize, _buffered);
        var tag = _stored.AsSpan(ChunkedFileFormat.NonceSize + _buffered, ChunkedFileFormat.TagSize);
        _aes.Encrypt(nonce, _plain.AsSpan(0, _buffered), cipher, tag, associated);
        _output.Write(_stored, 0, ChunkedFileFormat.ChunkOverhead + _buffered);
        _index++;
        _buffered = 0;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Disposing by a writer library (e.g. a zip writer closing its output) does not complete the file: the store does.
        if (disposing && _completed) _aes.Dispose();
        base.Dispose(disposing);
    }

    internal void Release() => _aes.Dispose();
}
