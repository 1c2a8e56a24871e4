using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>A one-time link to choose a password (invitation or reset). Valid for the Identity token lifespan.</summary>
public sealed record PasswordLink(string UserId, string Token)
{
    public const string Path = "/account/set-password";

    public string RelativeUrl => $"{Path}?user={Uri.EscapeDataString(UserId)}&token={Token}";

    internal static async Task<PasswordLink> IssueAsync(UserManager<AgencyUser> users, AgencyUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new PasswordLink(user.Id, WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token)));
    }

    internal static string DecodeToken(string token) =>
        System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
}
