using System.Security.Cryptography;
using System.Text;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Apply;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Progress;

/// <summary>
/// Everything the borrower's progress page may show — deliberately little: how to address them (surname and title),
/// the product, the amount, the stage (and approval step), and the day it last changed. No phone, no ID, no names of staff.
/// </summary>
/// <param name="Step">The approval step it waits at (e.g. 风控复审), while in approval.</param>
public sealed record ApplicationProgressView(
    string AgencyName, BorrowerGreeting Greeting, string ProductName, decimal AmountWan, ProgressStage Stage, string? Step, DateOnly UpdatedOn);

public enum ProgressLookupStatus
{
    Found,
    /// <summary>Unknown, expired, revoked, or another agency's token: one answer for all, so nothing can be told apart.</summary>
    Invalid,
    TooManyRequests,
}

public sealed record ProgressLookup(ProgressLookupStatus Status, ApplicationProgressView? View = null)
{
    public static readonly ProgressLookup Invalid = new(ProgressLookupStatus.Invalid);
    public static readonly ProgressLookup TooManyRequests = new(ProgressLookupStatus.TooManyRequests);
}

/// <summary>
/// The public read behind /progress/{token} on the agency's host (anonymous): limited per client address like the
/// apply form, finds the link by the token's hash in this agency's database only, counts the view.
/// </summary>
public sealed class GetApplicationProgress(
    ITenantDbContextFactory contexts, TenantContext tenant, ISubmissionThrottle throttle, IOptions<ProgressLinkOptions> options, TimeProvider time)
{
    public async Task<ProgressLookup> HandleAsync(string? token, string? clientAddress, CancellationToken ct)
    {
        var agency = tenant.Required;
        var limits = options.Value;
        if (!await throttle.TryAcquireAsync("progress:ip:" + agency.Id.ToString("N") + ":" + Hash(clientAddress ?? "unknown"), limits.ViewsPerAddress, limits.AddressWindow, ct))
            return ProgressLookup.TooManyRequests;
        if (ProgressTokens.Hash(token) is not { } hash) return ProgressLookup.Invalid;

        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var link = await db.ApplicationProgressLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.StatusAt(now) != ProgressLinkStatus.Active) return ProgressLookup.Invalid;
        var found = await db.LoanApplications.AsNoTracking().Where(a => a.Id == link.ApplicationId)
            .Select(a => new
            {
                a.Status, a.CurrentStep, a.AmountWan, a.UpdatedAt,
                Product = db.LoanProducts.Where(p => p.Id == a.ProductId).Select(p => p.Name).FirstOrDefault(),
                Customer = db.Leads.Where(l => l.Id == a.LeadId).Select(l => new { l.Name, l.IsMale }).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (found?.Customer is null) return ProgressLookup.Invalid;

        // A view is not an edit: the version stays, so a revoke prepared meanwhile still goes through.
        await db.ApplicationProgressLinks.Where(l => l.Id == link.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + 1).SetProperty(l => l.LastViewedAt, now), ct);
        var stage = ProgressStages.Of(found.Status);
        return new ProgressLookup(ProgressLookupStatus.Found, new ApplicationProgressView(
            agency.Name, BorrowerGreeting.For(found.Customer.Name, found.Customer.IsMale), found.Product ?? "", found.AmountWan, stage,
            stage == ProgressStage.InApproval ? found.CurrentStep : null, Shanghai.DateOf(found.UpdatedAt)));
    }

    /// <summary>Addresses are personal data too: the counter key holds a hash, never the address.</summary>
    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
