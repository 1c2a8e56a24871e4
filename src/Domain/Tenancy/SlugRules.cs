using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace LoanSaaS.Domain.Tenancy;

/// <summary>Rules for an agency's slug, which becomes its sub-domain (e.g. <c>demo.loansaas.cn</c>).</summary>
public static class SlugRules
{
    public const int MinLength = 3;
    public const int MaxLength = 30;

    /// <summary>Slugs that collide with platform hosts or routes. "demo" is deliberately absent: it is the demo agency.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new[]
    {
        "www", "admin", "api", "app", "apex", "mail", "email", "static", "assets", "cdn", "hubs", "health",
        "login", "logout", "signup", "signin", "register", "auth", "oauth", "sso", "account", "support", "help",
        "docs", "status", "demo-admin", "root", "system", "platform", "billing", "dashboard", "blog", "ftp",
        "smtp", "imap", "pop", "pop3", "ns1", "ns2", "test", "dev", "staging", "prod", "www2",
        "console", "portal", "catalog", "tenant", "tenants", "loansaas", "security", "legal", "about",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Checks an already normalised slug; returns null when it is acceptable.</summary>
    public static SlugError? Validate(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return SlugError.Required;
        }

        if (slug.Length < MinLength)
        {
            return SlugError.TooShort;
        }

        if (slug.Length > MaxLength)
        {
            return SlugError.TooLong;
        }

        foreach (var c in slug)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return SlugError.InvalidCharacters;
            }
        }

        if (slug[0] == '-' || slug[^1] == '-' || slug.Contains("--", StringComparison.Ordinal))
        {
            return SlugError.MustStartWithLetterOrDigit;
        }

        return Reserved.Contains(slug) ? SlugError.Reserved : null;
    }

    [SuppressMessage("Globalization", "CA1308", Justification = "Slugs are DNS labels, which are lowercase by convention.")]
    public static string Normalize(string? slug) => (slug ?? string.Empty).Trim().ToLowerInvariant();
}
