namespace LoanSaaS.Web.Imports;

/// <summary>HTTP endpoints of the imports feature (the pages are Blazor components in this folder).</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
