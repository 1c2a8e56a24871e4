namespace LoanSaaS.Web.Apply;

/// <summary>HTTP endpoints of the apply feature (the pages are Blazor components in this folder).</summary>
public static class ApplyEndpoints
{
    public static IEndpointRouteBuilder MapApplyEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
