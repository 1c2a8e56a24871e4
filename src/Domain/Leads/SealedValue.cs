namespace LoanSaaS.Domain.Leads;

/// <summary>
/// A personal-data value as stored: the ciphertext (AES-GCM under the agency's key), a blind index (keyed HMAC of the
/// normalised value, for exact lookup and de-duplication without decrypting) and the mask shown by default.
/// </summary>
public sealed record SealedValue(byte[]? Cipher, string? Index, string? Masked)
{
    public static readonly SealedValue Empty = new(null, null, null);

    public bool HasValue => Cipher is not null;
}
