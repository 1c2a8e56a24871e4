using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Bench.Boards;

/// <summary>
/// One agency with a board whose first column holds <c>cards</c> cards. For each viewer count: that many
/// <see cref="BoardSession"/>s (the page's own logic, each in its own tenant scope, live handlers serialized per viewer
/// as a circuit's renderer does) follow the board; a mover moves a card <c>moves</c> times, and each viewer's latency
/// is the time from the start of the move until that viewer's board shows the card in its new column. "Same node":
/// viewers and mover share one service provider (in-memory fan-out after Redis); "across nodes": the viewers are on a
/// second provider with its own Redis connection, as on a second app node.
/// </summary>
public sealed class BoardBench(string server, string redis, int[] viewerCounts, int moves, int cards)
{
    private const int WarmUpMoves = 5;
    private readonly string _prefix = "bbench_" + Guid.NewGuid().ToString("N")[..6] + "_";

    public async Task RunAsync()
    {
        var user = new BenchUser();
        await using var nodeA = BenchHost.Services(server, _prefix, user, "LoanSaaS.Bench.Boards", redis).BuildServiceProvider();
        await using var nodeB = BenchHost.Services(server, _prefix, user, "LoanSaaS.Bench.Boards", redis).BuildServiceProvider();
        try
        {
            await nodeA.GetRequiredService<TenantMigrator>().MigrateCatalogAsync(CancellationToken.None);
            var (tenant, owner) = await BenchHost.ProvisionAsync(nodeA, "bench-board");
            user.Current = owner;
            await SeedAsync(nodeA, tenant, owner.UserId);
            await MeasureLoadAsync(nodeA, tenant);
            var queue = new Queue<Guid>(await CardsToMoveAsync(nodeA, tenant));
            foreach (var viewers in viewerCounts)
            {
                await MeasureAsync("same node", nodeA, nodeA, tenant, viewers, queue);
                await MeasureAsync("across nodes (Redis)", nodeB, nodeA, tenant, viewers, queue);
            }
        }
        finally
        {
            await BenchHost.DropDatabasesAsync(server, _prefix);
        }
    }

    private async Task SeedAsync(IServiceProvider node, TenantInfo tenant, string ownerId)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = node.GetRequiredService<TenantScopes>().Begin(tenant);
        var capture = scope.ServiceProvider.GetRequiredService<CaptureLeads>();
        foreach (var batch in Enumerable.Range(0, cards).Chunk(2_000))
        {
            var inputs = batch.Select(i => new LeadInput
            {
                Name = "客户" + i.ToString(CultureInfo.InvariantCulture), Mobile = "135" + i.ToString("D8", CultureInfo.InvariantCulture),
                Amount = (10 + i % 190).ToString(CultureInfo.InvariantCulture), Intent = "ABCD"[i % 4].ToString(),
            }).ToList();
            await capture.HandleAsync(inputs, new CaptureOptions(LeadChannel.Import, AuditActor.System, DuplicatePolicy.Skip) { OwnerId = ownerId }, CancellationToken.None);
        }
        Console.WriteLine($"seeded {cards:N0} cards into the first column in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task MeasureLoadAsync(IServiceProvider node, TenantInfo tenant)
    {
        var times = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            await using var scope = node.GetRequiredService<TenantScopes>().Begin(tenant);
            var clock = Stopwatch.StartNew();
            var view = await scope.ServiceProvider.GetRequiredService<GetBoard>().HandleAsync(null, new BoardFilter(), CancellationToken.None);
            if (i >= 5) times.Add(clock.Elapsed.TotalMilliseconds);
            if (view is null) throw new InvalidOperationException("no board");
        }
        Console.WriteLine($"--- opening the board (totals of every column + first page of cards of each; {cards:N0} in the first): {Stats(times)}");
    }

    /// <summary>Enough cards of the first column for every move of every measurement, newest first.</summary>
    private async Task<List<Guid>> CardsToMoveAsync(IServiceProvider node, TenantInfo tenant)
    {
        await using var scope = node.GetRequiredService<TenantScopes>().Begin(tenant);
        var view = await scope.ServiceProvider.GetRequiredService<GetBoard>().HandleAsync(null, new BoardFilter(), CancellationToken.None);
        var first = view!.Stages[0].Id;
        var ids = view.Cards[first].Select(c => c.Id).ToList();
        var needed = 2 * viewerCounts.Length * (WarmUpMoves + moves);
        while (ids.Count < needed)
        {
            var page = await scope.ServiceProvider.GetRequiredService<GetBoardCards>().HandleAsync(view.Id, first, new BoardFilter(), ids.Count, CancellationToken.None);
            if (page.Count == 0) break;
            ids.AddRange(page.Select(c => c.Id));
        }
        return ids;
    }

    private sealed class Probe(Guid lead, Guid to, int viewers)
    {
        public Guid Lead { get; } = lead;
        public Guid To { get; } = to;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public ConcurrentDictionary<int, bool> Seen { get; } = new();
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = viewers;

        public bool Arrive() => Interlocked.Decrement(ref _remaining) == 0;
    }

    private async Task MeasureAsync(string where, IServiceProvider viewerNode, IServiceProvider moverNode, TenantInfo tenant, int viewers, Queue<Guid> toMove)
    {
        var latencies = new ConcurrentBag<double>();
        Probe? probe = null;
        var sessions = new List<(AsyncServiceScope Scope, BoardSession Session)>();
        for (var i = 0; i < viewers; i++)
        {
            var scope = viewerNode.GetRequiredService<TenantScopes>().Begin(tenant);
            var session = scope.ServiceProvider.GetRequiredService<BoardSession>();
            var gate = new SemaphoreSlim(1, 1);
            var index = i;
            session.Dispatch = async change =>
            {
                await gate.WaitAsync();
                try { await change(); }
                finally { gate.Release(); }
            };
            session.Changed += () =>
            {
                if (probe is { } p && session.Cards.Exists(c => c.Id == p.Lead && c.StageId == p.To) && p.Seen.TryAdd(index, true))
                {
                    latencies.Add(p.Clock.Elapsed.TotalMilliseconds);
                    if (p.Arrive()) p.Done.TrySetResult();
                }
                return Task.CompletedTask;
            };
            await session.LoadAsync(null, follow: true, CancellationToken.None);
            sessions.Add((scope, session));
        }

        await using (var mover = moverNode.GetRequiredService<TenantScopes>().Begin(tenant))
        {
            var stages = sessions[0].Session.View!.Stages;
            var missed = 0;
            for (var m = 0; m < WarmUpMoves + moves && toMove.Count > 0; m++)
            {
                var lead = toMove.Dequeue();
                var card = await mover.ServiceProvider.GetRequiredService<GetBoardCards>().OneAsync(sessions[0].Session.View!.Id, lead, new BoardFilter(), CancellationToken.None)
                    ?? throw new InvalidOperationException("card not found");
                var current = new Probe(lead, stages[1].Id, viewers);
                probe = current;
                var moved = await mover.ServiceProvider.GetRequiredService<MoveCard>().HandleAsync(new MoveCardRequest(lead, stages[1].Id, card.Version), CancellationToken.None);
                if (!moved.Succeeded) throw new InvalidOperationException("move refused: " + string.Join(", ", moved.Errors));
                try
                {
                    await current.Done.Task.WaitAsync(TimeSpan.FromSeconds(60));
                }
                catch (TimeoutException)
                {
                    missed += viewers - current.Seen.Count;
                }
                if (m == WarmUpMoves - 1) latencies.Clear();
                await Task.Delay(50);
            }
            var ordered = latencies.OrderBy(l => l).ToList();
            Console.WriteLine($"--- {where}, {viewers:N0} viewer(s): move → visible {Stats(ordered)}{(missed > 0 ? $", {missed} never saw it" : "")}");
        }
        foreach (var (scope, session) in sessions)
        {
            session.Dispose();
            await scope.DisposeAsync();
        }
        await Task.Delay(500);
    }

    private static string Stats(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms (n = {sorted.Count})";
    }
}
