using System.Diagnostics;
using System.Reflection;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Approvals;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Bench.Approvals;

/// <summary>
/// "10,000 open approvals with timers: the scheduler sweep time". One agency (<see cref="BenchAgency"/>) submits a few
/// applications through the product (<c>SubmitApplication</c>: real approval, task and history rows at 业务经理初审, SLA
/// 24 h, timeout 催办), then those rows are copied with fresh ids until <c>open</c> approvals are running: the
/// application (new 进件编号 from the agency's sequence), its <see cref="ApplicationApproval"/>, its open
/// <see cref="ApprovalTask"/> and its history lines, with their times spread over the last 20 hours (so every DueAt
/// is 4–24 h ahead). Then <see cref="ApprovalSlaSweep.HandleAsync"/> — what the Quartz "approval-sla" sweep runs — is
/// timed: with nothing due, and with <c>due</c> approvals (and their open tasks) made overdue before each run
/// (untimed, with last run's 催办 rows removed). After each run the approvals marked handled are counted.
/// </summary>
public sealed class SlaBench(string? postgres, int open, int due, int runs)
{
    private const int Submitted = 5;
    private const int CopyBatch = 1_000;
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public async Task RunAsync()
    {
        await using var host = await ApprovalHost.StartAsync(postgres, "sla");
        var clock = Stopwatch.StartNew();
        var agency = await BenchAgency.CreateAsync(host, "approvals-sla");
        var real = Math.Min(open, Submitted);
        await using (var salesScope = agency.Scope())
            foreach (var (id, version) in await agency.DraftsAsync(real))
                await agency.SubmitAsync(salesScope, id, version);
        Console.WriteLine($"agency provisioned, {real} applications submitted through the product: {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        await CopyAsync(host, agency, open - real);
        await using (var db = agency.Db())
        {
            var now = DateTimeOffset.UtcNow;
            var running = await db.ApplicationApprovals.CountAsync(a => a.Status == ApprovalInstanceStatus.Running && a.DueAt > now);
            var tasks = await db.ApprovalTasks.CountAsync(t => t.Status == ApprovalTaskStatus.Open);
            if (running != open || tasks != open) throw new InvalidOperationException($"expected {open} running approvals and open tasks, found {running} and {tasks}");
        }
        Console.WriteLine($"{open:N0} running approvals with a timer ({open - real:N0} copied, {open:N0} open tasks): {clock.Elapsed.TotalSeconds:F1} s");

        List<Guid> dueIds;
        await using (var db = agency.Db())
            dueIds = await db.ApplicationApprovals.OrderBy(a => a.Id).Select(a => a.Id).Take(Math.Min(due, open)).ToListAsync();
        var handledPerPass = Math.Min(dueIds.Count, ApprovalSla.BatchSize);
        if (dueIds.Count > ApprovalSla.BatchSize)
            Console.WriteLine($"note: one pass handles at most {ApprovalSla.BatchSize} per agency (ApprovalSla.BatchSize); expecting {handledPerPass} per run");

        await ArmAsync(agency, []);
        await TimeAsync(host, agency, $"approval-sla sweep, 1 agency with {open:N0} open approvals, nothing due", () => Task.CompletedTask, expected: 0);
        await TimeAsync(host, agency, $"approval-sla sweep, 1 agency with {open:N0} open approvals, {dueIds.Count} overdue (催办 sent)",
            () => ArmAsync(agency, dueIds), expected: handledPerPass);
    }

    private async Task TimeAsync(ApprovalHost host, BenchAgency agency, string label, Func<Task> arrange, int expected)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await arrange();
            await using var scope = host.Provider.CreateAsyncScope();
            var sweep = scope.ServiceProvider.GetRequiredService<ApprovalSlaSweep>();
            var watch = Stopwatch.StartNew();
            await sweep.HandleAsync(DateTimeOffset.UtcNow, Ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
            await using var db = agency.Db();
            var handled = await db.ApplicationApprovals.CountAsync(a => a.SlaHandled);
            if (handled != expected) throw new InvalidOperationException($"{label}: handled {handled}, expected {expected}");
        }
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine(warm.Count == 0
            ? $"{label}: first {times[0]:F0} ms (n=1)"
            : $"{label}: first {times[0]:F0} ms; then p50 {BenchAgency.Percentile(warm, 0.5):F0} ms, p95 {BenchAgency.Percentile(warm, 0.95):F0} ms, " +
              $"max {warm[^1]:F0} ms (n={warm.Count}; each run verified: {expected} handled)");
    }

    /// <summary>
    /// Copies of the submitted applications' rows with fresh ids, <see cref="CopyBatch"/> applications per save: the
    /// same values the runtime wrote, only ids, 进件编号 and times (shifted back by up to 20 hours) differ.
    /// </summary>
    private static async Task CopyAsync(ApprovalHost host, BenchAgency agency, int copies)
    {
        if (copies <= 0) return;
        List<LoanApplication> applications;
        List<ApplicationApproval> approvals;
        List<ApprovalTask> tasks;
        List<ApprovalDecision> history;
        await using (var db = agency.Db())
        {
            applications = await db.LoanApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.InApproval).OrderBy(a => a.Id).ToListAsync();
            approvals = await db.ApplicationApprovals.AsNoTracking().ToListAsync();
            tasks = await db.ApprovalTasks.AsNoTracking().ToListAsync();
            history = await db.ApprovalDecisions.AsNoTracking().ToListAsync();
        }

        long firstNumber;
        string key;
        await using (var scope = agency.Scope())
        {
            key = ApplicationInputRules.SequenceKey(Shanghai.Today(TimeProvider.System));
            firstNumber = await NumberSequences.ReserveAsync(scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>(), key, copies, Ct);
        }

        foreach (var batch in Enumerable.Range(0, copies).Chunk(CopyBatch))
        {
            await using var db = agency.Db();
            foreach (var i in batch)
            {
                var shift = -TimeSpan.FromSeconds(i * 37L % (20 * 3600));
                var template = applications[i % applications.Count];
                var application = Copy(template);
                (application.Id, application.Number) = (Guid.CreateVersion7(), ApplicationInputRules.Number(key, firstNumber + i));
                (application.CreatedAt, application.UpdatedAt, application.SubmittedAt) = (template.CreatedAt + shift, template.UpdatedAt + shift, template.SubmittedAt + shift);
                db.LoanApplications.Add(application);
                foreach (var a in approvals.Where(a => a.ApplicationId == template.Id))
                {
                    var approval = Copy(a);
                    (approval.Id, approval.ApplicationId) = (Guid.CreateVersion7(), application.Id);
                    (approval.StartedAt, approval.UpdatedAt, approval.DueAt) = (a.StartedAt + shift, a.UpdatedAt + shift, a.DueAt + shift);
                    db.ApplicationApprovals.Add(approval);
                    var taskIds = new Dictionary<Guid, Guid>();
                    foreach (var t in tasks.Where(t => t.ApprovalId == a.Id))
                    {
                        var task = Copy(t);
                        (task.Id, task.ApprovalId, task.ApplicationId) = (Guid.CreateVersion7(), approval.Id, application.Id);
                        (task.CreatedAt, task.DueAt, task.ClosedAt) = (t.CreatedAt + shift, t.DueAt + shift, t.ClosedAt + shift);
                        taskIds[t.Id] = task.Id;
                        db.ApprovalTasks.Add(task);
                    }
                    foreach (var d in history.Where(d => d.ApprovalId == a.Id))
                    {
                        var line = Copy(d);
                        (line.Id, line.ApplicationId, line.ApprovalId, line.At) = (0, application.Id, approval.Id, d.At + shift);
                        line.TaskId = d.TaskId is { } taskId ? taskIds[taskId] : null;
                        db.ApprovalDecisions.Add(line);
                    }
                }
            }
            await db.SaveChangesAsync();
        }
    }

    private static T Copy<T>(T row) where T : class => (T)Clone.Invoke(row, null)!;

    /// <summary>
    /// Untimed: last run's handled approvals back to not due (as if just submitted), the given ones (and their open
    /// tasks) 5 minutes overdue, and last run's 催办 history lines and bell notifications removed.
    /// </summary>
    private static async Task ArmAsync(BenchAgency agency, List<Guid> dueIds)
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? later = now.AddHours(24), overdue = now.AddMinutes(-5);
        await using var db = agency.Db();
        var handled = await db.ApplicationApprovals.Where(a => a.SlaHandled).Select(a => a.Id).ToListAsync();
        await db.ApprovalTasks.Where(t => handled.Contains(t.ApprovalId) && t.Status == ApprovalTaskStatus.Open).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, later));
        await db.ApplicationApprovals.Where(a => a.SlaHandled).ExecuteUpdateAsync(s => s.SetProperty(a => a.SlaHandled, false).SetProperty(a => a.DueAt, later));
        await db.ApprovalDecisions.Where(d => d.Action == ApprovalAction.Reminded).ExecuteDeleteAsync();
        await db.Notifications.Where(n => n.Kind == NotificationKind.ApprovalReminder).ExecuteDeleteAsync();
        if (dueIds.Count == 0) return;
        await db.ApprovalTasks.Where(t => dueIds.Contains(t.ApprovalId) && t.Status == ApprovalTaskStatus.Open).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, overdue));
        await db.ApplicationApprovals.Where(a => dueIds.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueAt, overdue));
    }
}
