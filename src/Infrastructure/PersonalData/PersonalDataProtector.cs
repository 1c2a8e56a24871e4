using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.People;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>
/// Seals and opens one agency's personal data: AES-GCM under the agency's data key, plus a blind index (HMAC-SHA256
/// under a key derived from it) of the normalised value for exact matching without decrypting. Thread-safe: the
/// keyed cipher and HMAC objects (not thread-safe themselves, and costly to build per value) are pooled.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int IndexBytes = 16;
    private readonly byte[] _dataKey;
    private readonly byte[] _indexKey;
    private readonly ConcurrentBag<Sealer> _sealers = [];

    public PersonalDataProtector(byte[] dataKey)
    {
        _dataKey = dataKey;
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, info: "loansaas:blind-index:v1"u8.ToArray());
    }

    /// <summary>Takes an E.164 mobile (see <see cref="MobileNumbers"/>).</summary>
    public SealedValue SealMobile(string e164) => Seal(PersonalDataKind.Mobile, e164, MobileNumbers.Mask(e164));

    /// <summary>Takes a normalised, valid ID number.</summary>
    public SealedValue SealIdNumber(string idNumber) => Seal(PersonalDataKind.IdNumber, idNumber, ChineseIdNumber.Mask(idNumber));

    public SealedValue Seal(PersonalDataKind kind, string normalized, string masked)
    {
        var sealer = Rent();
        try
        {
            return new(sealer.Encrypt(Encoding.UTF8.GetBytes(normalized), Associated(kind)), sealer.Index(kind, normalized), masked);
        }
        finally
        {
            Return(sealer);
        }
    }

    public byte[] Encrypt(PersonalDataKind kind, string plain)
    {
        var sealer = Rent();
        try
        {
            return sealer.Encrypt(Encoding.UTF8.GetBytes(plain), Associated(kind));
        }
        finally
        {
            Return(sealer);
        }
    }

    public string Decrypt(PersonalDataKind kind, byte[] cipher)
    {
        var sealer = Rent();
        try
        {
            return Encoding.UTF8.GetString(Envelope.Open(sealer.Aes, cipher, Associated(kind)));
        }
        finally
        {
            Return(sealer);
        }
    }

    /// <summary>Deterministic for the same agency, kind and value; meaningless without the agency's key.</summary>
    public string Index(PersonalDataKind kind, string normalized)
    {
        var sealer = Rent();
        try
        {
            return sealer.Index(kind, normalized);
        }
        finally
        {
            Return(sealer);
        }
    }

    /// <summary>Key for encrypting stored files of this agency.</summary>
    internal byte[] FileKey() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _dataKey, 32, info: "loansaas:files:v1"u8.ToArray());

    private static ReadOnlySpan<byte> Associated(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Mobile => "Mobile"u8,
        PersonalDataKind.IdNumber => "IdNumber"u8,
        PersonalDataKind.BankCard => "BankCard"u8,
        PersonalDataKind.Email => "Email"u8,
        PersonalDataKind.CreditReport => "CreditReport"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private Sealer Rent() => _sealers.TryTake(out var sealer) ? sealer : new Sealer(_dataKey, _indexKey);

    private void Return(Sealer sealer)
    {
        if (_sealers.Count < 2 * Environment.ProcessorCount) _sealers.Add(sealer);
        else sealer.Dispose();
    }

    /// <summary>One thread's keyed AES-GCM and HMAC, with nonce randomness drawn from the CSPRNG 4 KiB at a time.</summary>
    private sealed class Sealer(byte[] dataKey, byte[] indexKey) : IDisposable
    {
        private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, indexKey);
        private readonly byte[] _random = new byte[4096];
        private int _used = 4096;

        public AesGcm Aes { get; } = new(dataKey, Envelope.TagSize);

        public byte[] Encrypt(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
        {
            if (_used + Envelope.NonceSize > _random.Length)
            {
                RandomNumberGenerator.Fill(_random);
                _used = 0;
            }
            var nonce = _random.AsSpan(_used, Envelope.NonceSize);
            _used += Envelope.NonceSize;
            return Envelope.Seal(Aes, nonce, plain, associated);
        }

        public string Index(PersonalDataKind kind, string normalized)
        {
            _hmac.AppendData(Encoding.UTF8.GetBytes(kind + ":" + normalized));
            Span<byte> hash = stackalloc byte[32];
            _hmac.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash[..IndexBytes]);
        }

        public void Dispose()
        {
            Aes.Dispose();
            _hmac.Dispose();
        }
    }
}
