using System.Net;
using LoanSaaS.Domain.Tenancy;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Tenancy.Resolution;

public abstract record HostMatch
{
    public sealed record Apex : HostMatch;
    public sealed record Agency(string Slug) : HostMatch;
    public sealed record Unknown : HostMatch;
}

/// <summary>Maps a request host to the apex or to an agency slug: "{slug}.{BaseDomain}".</summary>
public sealed class HostTenantStrategy(IOptions<TenancyOptions> options)
{
    public HostMatch Match(string host)
    {
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        var baseDomain = options.Value.BaseDomain.Trim().TrimEnd('.').ToLowerInvariant();
        if (name == baseDomain || IPAddress.TryParse(name.Trim('[', ']'), out _)) return new HostMatch.Apex();
        if (name == "www." + baseDomain) return new HostMatch.Apex();
        var suffix = "." + baseDomain;
        if (!name.EndsWith(suffix, StringComparison.Ordinal)) return new HostMatch.Unknown();
        var slug = name[..^suffix.Length];
        return SlugRules.Validate(slug) is null ? new HostMatch.Agency(slug) : new HostMatch.Unknown();
    }

    public string AgencyHost(string slug, string currentHostWithPort)
    {
        var port = currentHostWithPort.Contains(':', StringComparison.Ordinal) && !currentHostWithPort.EndsWith(']')
            ? currentHostWithPort[currentHostWithPort.LastIndexOf(':')..]
            : "";
        return $"{slug}.{options.Value.BaseDomain}{port}";
    }
}
