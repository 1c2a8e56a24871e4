using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Components;

namespace LoanSaaS.Web.Tenancy;

/// <summary>Addresses of an agency's workspace as seen from the apex host (same scheme and port).</summary>
public static class WorkspaceLinks
{
    public static string LoginUrl(HostTenantStrategy hosts, NavigationManager nav, string slug) => Root(hosts, nav, slug) + "/login";

    public static string Root(HostTenantStrategy hosts, NavigationManager nav, string slug)
    {
        var current = new Uri(nav.BaseUri);
        return $"{current.Scheme}://{hosts.AgencyHost(slug, current.Authority)}";
    }
}
