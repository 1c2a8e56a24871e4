using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Tenancy.Provisioning;

/// <summary>Live progress of one agency's provisioning, for the sign-up page.</summary>
public static class ProvisioningProgress
{
    public const string Kind = "provisioning";

    public static LiveTopic Topic(Guid tenantId) => new(null, $"provisioning:{tenantId:N}");

    public static LiveMessage Message(ProvisioningStep step, TenantState state, string? error) =>
        new(Kind, new Dictionary<string, string>
        {
            ["step"] = step.ToString(),
            ["state"] = state.ToString(),
            ["error"] = error ?? "",
        });
}
