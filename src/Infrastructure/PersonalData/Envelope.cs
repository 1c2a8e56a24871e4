using System.Security.Cryptography;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>AES-256-GCM in one buffer: version (1) | nonce (12) | ciphertext | tag (16). The associated data binds a value to where it belongs.</summary>
internal static class Envelope
{
    private const byte FormatVersion = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = 1 + NonceSize + TagSize;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        return Seal(aes, nonce, plain, associated);
    }

    /// <summary>Seals with a cipher the caller keeps (building one costs more than encrypting a mobile) and a fresh random nonce.</summary>
    public static byte[] Seal(AesGcm aes, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
    {
        var output = new byte[Overhead + plain.Length];
        output[0] = FormatVersion;
        nonce.CopyTo(output.AsSpan(1, NonceSize));
        aes.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize, plain.Length), output.AsSpan(1 + NonceSize + plain.Length), associated);
        return output;
    }

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associated)
    {
        using var aes = new AesGcm(key, TagSize);
        return Open(aes, sealedValue, associated);
    }

    public static byte[] Open(AesGcm aes, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associated)
    {
        if (sealedValue.Length < Overhead || sealedValue[0] != FormatVersion) throw new CryptographicException("Unknown personal-data format.");
        var plain = new byte[sealedValue.Length - Overhead];
        aes.Decrypt(sealedValue.Slice(1, NonceSize), sealedValue.Slice(1 + NonceSize, plain.Length), sealedValue[^TagSize..], plain, associated);
        return plain;
    }
}
