using System.Security.Cryptography;
using System.Text;

namespace LoanSaaS.Infrastructure.Progress;

/// <summary>Progress-link tokens: 32 random bytes, base64url (43 characters); only their SHA-256 is stored.</summary>
public static class ProgressTokens
{
    public const int Bytes = 32;
    public const int Length = 43;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The stored form of a token, or null for anything that cannot be one (no lookup for junk).</summary>
    public static string? Hash(string? token)
    {
        if (token is not { Length: Length } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    public static string PathOf(string token) => "/progress/" + token;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
