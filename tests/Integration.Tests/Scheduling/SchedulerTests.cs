using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Scheduling;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace LoanSaaS.Integration.Tests.Scheduling;

/// <summary>
/// Sweeps and one-off occurrences on the catalog's job store with extra app nodes. Each test's nodes form a scheduler
/// of their own name (a cluster of their own in the same qrtz_* tables), so the fixture app's scheduler never runs
/// their probes. On PostgreSQL both nodes schedule (clustered); on SQLite Quartz has no clustering, so the second node
/// is web-only (Scheduler:Enabled=false): it writes occurrences and the first node runs them.
/// </summary>
public abstract class SchedulerTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private bool Clustered => SchedulerStore.IsClustered(app.Provider);

    private static List<KeyValuePair<string, string?>> Settings(string schedulerName, bool enabled, bool reminders = false) =>
    [
        new("Scheduler:Name", schedulerName),
        new("Scheduler:Enabled", enabled ? "true" : "false"),
        new("Scheduler:CheckinInterval", "00:00:01"),
        new("Scheduler:CheckinMisfireThreshold", "00:00:02"),
        new("Scheduler:MisfireThreshold", "00:00:01"),
        new("Scheduler:MisfireCheckInterval", "00:00:01"),
        new("Scheduler:IdleWaitTime", "00:00:01"),
        new("FollowUps:Reminders:Enabled", reminders ? "true" : "false"),
        new("FollowUps:Reminders:Interval", "00:00:01"),
    ];

    private AppNode Node(string schedulerName, RunLog log, bool enabled, bool reminders = false) =>
        app.StartAnotherNode(Settings(schedulerName, enabled, reminders), services =>
        {
            services.AddSingleton(log);
            services.AddSweep<ProbeSweep>();
            services.AddOccurrenceHandler<ProbeOccurrenceHandler>();
        });

    private static string NewSchedulerName() => "it-" + TestIds.Hex8();

    private static IOccurrenceScheduler Occurrences(AppNode node) => node.Services.GetRequiredService<IOccurrenceScheduler>();

    private static async Task<string> InstanceIdAsync(AppNode node) =>
        (await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct)).SchedulerInstanceId;

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested) throw new TimeoutException($"Still waiting for: {what}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static Task EventuallyAsync(Func<bool> condition, string what) => EventuallyAsync(() => Task.FromResult(condition()), what);

    [Fact]
    public async Task Two_nodes_run_each_sweep_fire_and_each_occurrence_once()
    {
        var log = new RunLog();
        var name = NewSchedulerName();
        await using var a = Node(name, log, enabled: true);
        await using var b = Node(name, log, enabled: Clustered);
        if (Clustered) Assert.NotEqual(await InstanceIdAsync(a), await InstanceIdAsync(b));

        var agency = Guid.NewGuid();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var keys = Enumerable.Range(0, 6).Select(i => $"visit-{i}").ToList();
        for (var i = 0; i < keys.Count; i++)
            await Occurrences(i % 2 == 0 ? a : b).ScheduleAsync(new(ProbeOccurrenceHandler.KindName, agency, keys[i], due), Ct);
        // The same identity again, from the other node: still one occurrence.
        await Occurrences(b).ScheduleAsync(new(ProbeOccurrenceHandler.KindName, agency, keys[0], due), Ct);

        await EventuallyAsync(async () =>
        {
            if (log.Occurrences.Select(r => r.Key).Distinct().Count() < keys.Count || log.Sweeps.Count < 6) return false;
            foreach (var key in keys)
                if (await Occurrences(a).IsPendingAsync(ProbeOccurrenceHandler.KindName, agency, key, Ct)) return false;
            return true;
        }, "every occurrence run and six probe sweeps");
        // A few more fires, so a duplicate of any earlier one would have had its chance to show.
        var seen = log.Sweeps.Count;
        await EventuallyAsync(() => log.Sweeps.Count >= seen + 3, "three more probe sweeps");

        Assert.All(log.Occurrences.GroupBy(r => r.Key), g => Assert.Single(g));
        Assert.Equal(keys.Order(), log.Occurrences.Select(r => r.Key!).Order());
        Assert.All(log.Sweeps.GroupBy(r => r.ScheduledAt), g => Assert.Single(g));
        Assert.Equal(1, log.MaxConcurrentSweeps);
    }

    [Fact]
    public async Task After_a_restart_a_pending_occurrence_runs_once_and_a_missed_sweep_runs_once_not_once_per_missed_fire()
    {
        var log = new RunLog();
        var name = NewSchedulerName();
        var agency = Guid.NewGuid();
        DateTimeOffset due;
        await using (var before = Node(name, log, enabled: true))
        {
            await EventuallyAsync(() => log.Sweeps.Count >= 1, "the probe sweep on the first node");
            due = DateTimeOffset.UtcNow.AddSeconds(8);
            await Occurrences(before).ScheduleAsync(new(ProbeOccurrenceHandler.KindName, agency, "after-restart", due, Data: "v1"), Ct);
        }
        Assert.True(log.Occurrences.Count == 0, "the first node ran the occurrence before it shut down: the machine is too slow for this test");
        var sweepsBefore = log.Sweeps.Count;

        // Down past the occurrence's time and for several sweep intervals.
        await EventuallyAsync(() => DateTimeOffset.UtcNow > due.AddSeconds(2), "the occurrence's time to pass while no node runs");
        var restartedAt = DateTimeOffset.UtcNow;
        await using var after = Node(name, log, enabled: true);
        await EventuallyAsync(async () => log.Occurrences.Count >= 1
            && !await Occurrences(after).IsPendingAsync(ProbeOccurrenceHandler.KindName, agency, "after-restart", Ct), "the occurrence after the restart");
        await EventuallyAsync(() => log.Sweeps.Count >= sweepsBefore + 3, "probe sweeps after the restart");

        var run = Assert.Single(log.Occurrences);
        Assert.Equal("after-restart", run.Key);
        // The fires missed while no node ran collapse into (at most) one run at the restart; none is replayed.
        Assert.True(log.Sweeps.Skip(sweepsBefore).Count(r => r.ScheduledAt < restartedAt) <= 1,
            "missed sweep fires were replayed: " + string.Join(", ", log.Sweeps.Skip(sweepsBefore).Select(r => r.ScheduledAt.ToString("HH:mm:ss.fff"))));
    }

    [Fact]
    public async Task The_reminder_sweep_sends_a_due_follow_up_reminder_once()
    {
        var agency = await app.SharedAsync("scheduler-reminders", () => app.ProvisionAgencyAsync(TestIds.Slug("sched")));
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        var loggedAt = DateTimeOffset.UtcNow.AddHours(-2);
        await using (var scope = await app.MemberScopeAsync(agency.Info, sales.UserId))
            Assert.True((await scope.LogAt(loggedAt).HandleAsync(new(lead.Id, FollowUpChannel.Phone, "一小时后回电", FollowUpOutcome.CallBack, loggedAt.AddHours(1)), Ct)).Succeeded);

        var log = new RunLog();
        var name = NewSchedulerName();
        await using var a = Node(name, log, enabled: true, reminders: true);
        await using var b = Node(name, log, enabled: Clustered, reminders: true);

        async Task<int> NotificationsAsync()
        {
            await using var db = app.OpenAgencyDb(agency.Info);
            return await db.Notifications.AsNoTracking().CountAsync(n => n.LeadId == lead.Id);
        }
        await EventuallyAsync(async () => await NotificationsAsync() >= 1, "the follow-up reminder");
        var seen = log.Sweeps.Count;
        await EventuallyAsync(() => log.Sweeps.Count >= seen + 3, "three more sweeps on the same interval as the reminders");

        Assert.Equal(1, await NotificationsAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSchedulerTests(SqliteAppHost app) : SchedulerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchedulerTests(PostgresAppHost app) : SchedulerTests(app);
