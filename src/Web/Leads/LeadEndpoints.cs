namespace LoanSaaS.Web.Leads;

/// <summary>HTTP endpoints of the leads feature (the pages are Blazor components in this folder).</summary>
public static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
