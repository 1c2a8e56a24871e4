using System.Diagnostics;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Approvals;
using LoanSaaS.Tenancy.Live;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Bench.Approvals;

/// <summary>
/// "Submit → the first approver's inbox shows it". For each submission: the manager's inbox topic is followed (as the
/// /approvals page and the nav badge do), the clock starts, the sales member runs the real <c>SubmitApplication</c>
/// (the flow starts at 业务经理初审 = the applicant's manager), the live message arrives, and the page's query
/// (<see cref="ListMyApprovals"/>, 待我审批, as the manager) returns a list holding the application; the clock stops.
/// Afterwards (untimed) the manager approves it, so the 待我审批 list (longest waiting first, at most 100) holds only
/// new arrivals and the measured application is always on it. Each member's DI scope is opened before the clock, as
/// a circuit's is.
/// </summary>
public sealed class InboxBench(string? postgres, int submissions)
{
    private const int WarmUps = 10;
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(10);

    public async Task RunAsync()
    {
        await using var host = await ApprovalHost.StartAsync(postgres, "inbox");
        var clock = Stopwatch.StartNew();
        var agency = await BenchAgency.CreateAsync(host, "approvals-inbox");
        var drafts = await agency.DraftsAsync(WarmUps + submissions);
        Console.WriteLine($"agency provisioned, {drafts.Count} customers with a draft 进件 (through the product): {clock.Elapsed.TotalSeconds:F1} s");

        var live = host.Provider.GetRequiredService<ILiveEvents>();
        var topic = ApprovalEvents.Inbox(agency.Tenant.Id, agency.Manager.UserId);
        var times = new List<double>();
        var liveTimes = new List<double>();
        await using var salesScope = agency.Scope();
        await using var managerScope = agency.Scope();
        foreach (var (id, version) in drafts)
        {
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var expected = id.ToString();
            using (live.Subscribe(topic, m =>
            {
                if (m["application"] == expected) arrived.TrySetResult();
                return Task.CompletedTask;
            }))
            {
                var watch = Stopwatch.StartNew();
                await agency.SubmitAsync(salesScope, id, version);
                await arrived.Task.WaitAsync(LiveTimeout);
                var liveAt = watch.Elapsed.TotalMilliseconds;
                host.User.Current = agency.Manager;
                var inbox = await managerScope.ServiceProvider.GetRequiredService<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, CancellationToken.None);
                var item = inbox.FirstOrDefault(i => i.ApplicationId == id);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (item?.TaskId is not { } taskId) throw new InvalidOperationException($"application {id} is not in the manager's 待我审批 ({inbox.Count} items)");
                times.Add(elapsed);
                liveTimes.Add(liveAt);

                // Untimed: the manager approves (on to 风控复审), keeping the pending list to new arrivals.
                var decided = await managerScope.ServiceProvider.GetRequiredService<DecideApprovalTask>()
                    .HandleAsync(new DecideApprovalTaskRequest(taskId, ApprovalDecisionKind.Approve, null), CancellationToken.None);
                if (!decided.Succeeded) throw new InvalidOperationException("approve: " + string.Join(", ", decided.Errors.Select(e => $"{e.Field}.{e.Code}")));
            }
        }

        var warm = times.Skip(WarmUps).Order().ToList();
        var warmLive = liveTimes.Skip(WarmUps).Order().ToList();
        Console.WriteLine($"submit → live message on the manager's inbox topic: p50 {BenchAgency.Percentile(warmLive, 0.5):F1} ms, " +
                          $"p95 {BenchAgency.Percentile(warmLive, 0.95):F1} ms, max {warmLive[^1]:F1} ms (n={warmLive.Count})");
        Console.WriteLine($"submit → inbox shows it (live message + 待我审批 query): p50 {BenchAgency.Percentile(warm, 0.5):F1} ms, " +
                          $"p95 {BenchAgency.Percentile(warm, 0.95):F1} ms, max {warm[^1]:F1} ms (n={warm.Count}, after {WarmUps} warm-ups; first warm-up {times[0]:F0} ms)");
    }
}
