using System.Security.Cryptography;
using System.Text;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Settings;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Apply;

/// <summary>One filled-in public form, as typed.</summary>
/// <param name="Amount">万元.</param>
/// <param name="ConsentVersion">The consent version the visitor was shown (and agreed to by ticking the box).</param>
/// <param name="Website">The honeypot: hidden from people, so only bots fill it.</param>
/// <param name="ClientAddress">The visitor's IP address, for the per-address limit.</param>
public sealed record ApplicationRequest(
    string? Name, string? Mobile, string? City, string? LoanType, string? Amount, string? Term, string? Purpose,
    bool Consent, string? ConsentVersion, string? Website, string? ClientAddress);

public enum ApplicationStatus
{
    /// <summary>The neutral answer for everyone who got through: new, updated, unchanged, blacklisted or a bot.</summary>
    Submitted,
    Invalid,
    TooManyRequests,
}

public sealed record ApplicationResult(ApplicationStatus Status, IReadOnlyList<FieldError> Errors)
{
    public static readonly ApplicationResult Submitted = new(ApplicationStatus.Submitted, []);
    public static readonly ApplicationResult TooManyRequests = new(ApplicationStatus.TooManyRequests, []);
}

/// <summary>
/// The public application form of the agency of the host (anonymous). Validates like every channel, limits
/// submissions per address and per mobile, then captures the lead into the public pool with the consent version,
/// time and channel. A repeat updates the same lead. Blacklisted people and bots get the same neutral answer as
/// everyone else and change nothing; a blocked attempt is audited with the mobile masked.
/// </summary>
public sealed class SubmitApplication(
    ITenantDbContextFactory contexts, TenantContext tenant, TenantPersonalData personalData, CaptureLeads capture,
    ISubmissionThrottle throttle, IOptions<ApplyOptions> options, AuditLog audit, TimeProvider time)
{
    public static readonly AuditActor FormActor = new(null, "apply-form");

    public async Task<ApplicationResult> HandleAsync(ApplicationRequest request, CancellationToken ct)
    {
        var agency = tenant.Required;
        if (!string.IsNullOrEmpty(request.Website)) return ApplicationResult.Submitted;

        var input = new LeadInput
        {
            Name = request.Name, Mobile = request.Mobile, City = request.City, LoanType = request.LoanType,
            Amount = string.IsNullOrWhiteSpace(request.Amount) ? null : request.Amount.Trim() + "万",
            Term = request.Term, Purpose = request.Purpose, Source = DefaultDictionaries.WebFormSource,
        };
        var protector = await personalData.GetAsync(ct);
        string consentVersion;
        await using (var db = contexts.Create())
        {
            var errors = new List<FieldError>();
            var validated = LeadInputRules.Validate(input, await LeadDictionaries.LoadAsync(db, ct), protector, Shanghai.Today(time));
            errors.AddRange(validated.Errors);
            var (consent, _) = await LeadSettingsStore.ConsentAsync(db, time, ct);
            consentVersion = request.ConsentVersion is { } shown && consent.Versions.Any(v => v.Id == shown) ? shown : consent.Current;
            if (!request.Consent) errors.Add(new FieldError("Consent", "Required"));
            if (errors.Count > 0) return new ApplicationResult(ApplicationStatus.Invalid, errors);

            var limits = options.Value;
            var address = "apply:ip:" + agency.Id.ToString("N") + ":" + Hash(request.ClientAddress ?? "unknown");
            var mobile = "apply:mobile:" + agency.Id.ToString("N") + ":" + validated.Value!.Mobile.Index;
            if (!await throttle.TryAcquireAsync(address, limits.SubmissionsPerAddress, limits.AddressWindow, ct)
                || !await throttle.TryAcquireAsync(mobile, limits.SubmissionsPerMobile, limits.MobileWindow, ct))
                return ApplicationResult.TooManyRequests;
        }

        var capturing = new CaptureOptions(LeadChannel.WebForm, FormActor, DuplicatePolicy.FillEmpty) { Consent = new ConsentRecord(consentVersion, LeadChannel.WebForm), AutoAssign = true };
        var result = (await capture.HandleAsync([input], capturing, ct))[0];
        if (result.Outcome == CaptureOutcome.Rejected && result.Errors?.Any(e => e.Code == "Blacklisted") == true)
        {
            await using var db = contexts.Create();
            var masked = MobileNumbers.Mask(MobileNumbers.Normalize(request.Mobile)!);
            audit.Add(db, FormActor, "apply.blocked", "apply", null, new { mobile = masked });
            await db.SaveChangesAsync(ct);
            return ApplicationResult.Submitted;
        }
        return result.Outcome == CaptureOutcome.Rejected ? new ApplicationResult(ApplicationStatus.Invalid, result.Errors ?? []) : ApplicationResult.Submitted;
    }

    /// <summary>Addresses are personal data too: the counter key holds a hash, never the address.</summary>
    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
