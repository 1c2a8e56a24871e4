using LoanSaaS.Domain.Tenancy;

namespace LoanSaaS.Tenancy.Resolution;

/// <summary>What a request or circuit needs to know about its agency; a snapshot of the catalog row.</summary>
public sealed record TenantInfo(Guid Id, string Slug, string Name, TenantState State, string DatabaseName, string Plan, DateOnly? TrialEndsOn);
