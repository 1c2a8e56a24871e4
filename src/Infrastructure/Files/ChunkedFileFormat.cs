using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LoanSaaS.Infrastructure.Files;

/// <summary>
/// Layout of a stored file: header "LSF1" | chunk size (4) | salt (16), then chunks of nonce (12) | ciphertext | tag (16).
/// Every chunk but the last holds exactly <see cref="ChunkSize"/> plain bytes; the last holds fewer (possibly none).
/// Each chunk is AES-256-GCM under a per-file key (HKDF of the agency's file key and the salt) with the salt, the chunk
/// index and a last-chunk flag as associated data, so reordered, swapped, truncated or extended files fail to open.
/// </summary>
internal static class ChunkedFileFormat
{
    public const int ChunkSize = 64 * 1024;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int SaltSize = 16;
    public const int ChunkOverhead = NonceSize + TagSize;
    public const int HeaderSize = 4 + 4 + SaltSize;
    public const int StoredChunkSize = ChunkSize + ChunkOverhead;
    private static ReadOnlySpan<byte> Magic => "LSF1"u8;

    public static byte[] FileKey(byte[] agencyFileKey, ReadOnlySpan<byte> salt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, agencyFileKey, 32, salt.ToArray(), "loansaas:file:v1"u8.ToArray());

    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> salt)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], ChunkSize);
        salt.CopyTo(header[8..]);
    }

    public static byte[] ReadSalt(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..4].SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != ChunkSize)
            throw new CryptographicException("Not a stored file of this format.");
        return header.Slice(8, SaltSize).ToArray();
    }

    public static void Associated(Span<byte> associated, ReadOnlySpan<byte> salt, long index, bool last)
    {
        salt.CopyTo(associated);
        BinaryPrimitives.WriteInt64LittleEndian(associated[SaltSize..], index);
        associated[SaltSize + 8] = last ? (byte)1 : (byte)0;
    }

    public const int AssociatedSize = SaltSize + 8 + 1;

    /// <summary>Plain length of a stored file of <paramref name="storedLength"/> bytes, and its number of chunks.</summary>
    public static (long PlainLength, long Chunks) Measure(long storedLength)
    {
        var body = storedLength - HeaderSize;
        var full = body / StoredChunkSize;
        var last = body - full * StoredChunkSize;
        if (body < ChunkOverhead || last < ChunkOverhead) throw new CryptographicException("The stored file is truncated.");
        return (full * ChunkSize + last - ChunkOverhead, full + 1);
    }
}
