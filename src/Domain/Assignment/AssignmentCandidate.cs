namespace LoanSaaS.Domain.Assignment;

/// <summary>A member a rule may hand a lead to, as known when the batch is assigned.</summary>
/// <param name="Region">The region of the member's team (e.g. 上海), for <see cref="AssignmentStrategy.ByRegion"/>.</param>
/// <param name="OpenLeads">Open leads the member holds now.</param>
/// <param name="Available">Active and not on leave.</param>
public sealed record AssignmentCandidate(string UserId, Guid? TeamId, string? Region, int OpenLeads, int Weight, bool Available);
