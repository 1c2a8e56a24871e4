using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Bench.Leads;

/// <summary>The member the measured use case runs as; switched between scenarios.</summary>
public sealed class BenchUser : ICurrentUserAccessor
{
    public CurrentUser? Current { get; set; }

    public Task<CurrentUser?> GetAsync(CancellationToken ct = default) => Task.FromResult(Current);
}
