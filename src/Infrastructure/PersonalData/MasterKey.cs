using System.Security.Cryptography;
using LoanSaaS.Tenancy.Databases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>The platform key that wraps every agency's data key (envelope encryption, DESIGN.md §6).</summary>
public sealed class MasterKey
{
    public const int Size = 32;
    private readonly byte[] _key;

    public MasterKey(IOptions<PersonalDataOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment)
    {
        if (options.Value.MasterKey is { Length: > 0 } configured)
        {
            _key = Convert.FromBase64String(configured);
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException("PersonalData:MasterKey is not set. Supply it from the environment (PersonalData__MasterKey, base64 of 32 bytes).");
        }
        else
        {
            _key = DevelopmentKey(Path.Combine(database.Value.DataDirectory, "master.key"));
        }
        if (_key.Length != Size) throw new InvalidOperationException("PersonalData:MasterKey must be base64 of exactly 32 bytes.");
    }

    public byte[] Wrap(Guid tenantId, byte[] dataKey) => Envelope.Seal(_key, dataKey, tenantId.ToByteArray());

    public byte[] Unwrap(Guid tenantId, byte[] wrapped) => Envelope.Open(_key, wrapped, tenantId.ToByteArray());

    private static byte[] DevelopmentKey(string path)
    {
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(Size);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
