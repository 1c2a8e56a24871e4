using System.Globalization;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Leads;

/// <summary>HTTP endpoints of the leads feature (the pages are Blazor components in this folder).</summary>
public static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        // The tenant comes from the host and the cookie's tenant claim must match it (TenantClaimCheckMiddleware).
        app.MapPost(LeadExportForm.ExportPath, ExportAsync).RequireAuthorization(Policies.For(Permission.ExportData))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ExportLeads export, AuthenticationStateProvider auth,
        IStringLocalizer<LeadListText> t, IStringLocalizer<LeadText> lt, IStringLocalizer<CustomFields.CustomFieldText> cf, TimeProvider time, CancellationToken ct)
    {
        // Use cases read the member from the authentication state, which a plain HTTP request has to be given.
        if (auth is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        var form = await http.Request.ReadFormAsync(ct);
        var filter = LeadExportForm.Parse(form);
        var unmasked = form["unmasked"] == "true";
        var sheet = t["Title." + filter.View].Value;
        var labels = new LeadExportLabels(sheet, t["Watermark"].Value, Headings(lt),
            Enum.GetValues<LeadStatus>().ToDictionary(s => s, s => LeadText.Enum(lt, s)), cf["Yes"].Value, cf["No"].Value);

        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var result = await export.HandleAsync(new LeadExportRequest(filter, unmasked, form["reason"], labels), file, ct);
            if (!result.Succeeded)
            {
                await file.DisposeAsync();
                var error = result.Errors[0];
                return Results.Problem(title: t[$"Error.{error.Field}.{error.Code}"], statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = $"{error.Field}.{error.Code}" });
            }
            file.Position = 0;
            var stamp = Shanghai.ToShanghai(time.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", t["FileName", sheet, stamp]);
        }
        catch (AccessDeniedException)
        {
            await file.DisposeAsync();
            return Results.Forbid();
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static List<string> Headings(IStringLocalizer<LeadText> lt) => ExportLeads.Columns.Select(c => c switch
    {
        "Amount" => lt["Field.Amount"].Value,
        "NextFollowUp" => lt["Field.NextFollowUp"].Value,
        _ => lt["Field." + c].Value,
    }).ToList();
}
