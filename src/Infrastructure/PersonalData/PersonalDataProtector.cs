using System.Security.Cryptography;
using System.Text;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.People;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>
/// Seals and opens one agency's personal data: AES-GCM under the agency's data key, plus a blind index (HMAC-SHA256
/// under a key derived from it) of the normalised value for exact matching without decrypting.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int IndexBytes = 16;
    private readonly byte[] _dataKey;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(byte[] dataKey)
    {
        _dataKey = dataKey;
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, info: "loansaas:blind-index:v1"u8.ToArray());
    }

    /// <summary>Takes an E.164 mobile (see <see cref="MobileNumbers"/>).</summary>
    public SealedValue SealMobile(string e164) => Seal(PersonalDataKind.Mobile, e164, MobileNumbers.Mask(e164));

    /// <summary>Takes a normalised, valid ID number.</summary>
    public SealedValue SealIdNumber(string idNumber) => Seal(PersonalDataKind.IdNumber, idNumber, ChineseIdNumber.Mask(idNumber));

    public SealedValue Seal(PersonalDataKind kind, string normalized, string masked) =>
        new(Encrypt(kind, normalized), Index(kind, normalized), masked);

    public byte[] Encrypt(PersonalDataKind kind, string plain) =>
        Envelope.Seal(_dataKey, Encoding.UTF8.GetBytes(plain), Associated(kind));

    public string Decrypt(PersonalDataKind kind, byte[] cipher) =>
        Encoding.UTF8.GetString(Envelope.Open(_dataKey, cipher, Associated(kind)));

    /// <summary>Deterministic for the same agency, kind and value; meaningless without the agency's key.</summary>
    public string Index(PersonalDataKind kind, string normalized)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(kind + ":" + normalized), hash);
        return Convert.ToHexStringLower(hash[..IndexBytes]);
    }

    /// <summary>Key for encrypting stored files of this agency.</summary>
    internal byte[] FileKey() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _dataKey, 32, info: "loansaas:files:v1"u8.ToArray());

    private static byte[] Associated(PersonalDataKind kind) => Encoding.ASCII.GetBytes(kind.ToString());
}
