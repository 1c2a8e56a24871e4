namespace LoanSaaS.Infrastructure.Apply;

/// <summary>Fixed-window counters shared by every node that uses the same store; keys never hold plain personal data.</summary>
public interface ISubmissionThrottle
{
    /// <summary>Counts one attempt for <paramref name="key"/>; false when that makes more than <paramref name="limit"/> in the current window.</summary>
    Task<bool> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken ct);
}
