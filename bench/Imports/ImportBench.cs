using System.Diagnostics;
using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LoanSaaS.Bench.Imports;

/// <summary>
/// For each format: a fresh agency, then upload (checks + encrypted store) → start → the import runner (stream, map,
/// validate, seal, de-duplicate, number, bulk insert, rejected-rows file), timed end to end with memory sampled every
/// 50 ms. The baseline is a raw binary COPY of the same rows (already validated and sealed, untimed) into the Leads
/// and LeadTags tables of another fresh agency, with their indexes, in batches of the import's size; a COPY into a
/// scratch table without indexes is shown for reference. A full-size import runs first, untimed, so the runtime has
/// finished tiering up the code (on 2 cores the JIT otherwise takes a third of the CPU of the first import).
/// </summary>
public sealed class ImportBench(string server, int rows, int pairs)
{
    private readonly string _prefix = "lbench_" + Guid.NewGuid().ToString("N")[..6] + "_";

    public async Task RunAsync()
    {
        var user = new BenchUser();
        var services = BenchHost.Services(server, _prefix, user, "LoanSaaS.Bench.Imports");
        await using var provider = services.BuildServiceProvider();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), _prefix + "files")).FullName;
        try
        {
            await provider.GetRequiredService<TenantMigrator>().MigrateCatalogAsync(CancellationToken.None);
            var xlsx = Path.Combine(folder, "leads.xlsx");
            var csv = Path.Combine(folder, "leads.csv");
            var clock = Stopwatch.StartNew();
            BenchRows.WriteXlsx(xlsx, rows);
            BenchRows.WriteCsv(csv, rows);
            Console.WriteLine($"generated {rows:N0} rows: xlsx {new FileInfo(xlsx).Length / 1048576.0:F1} MiB, csv {new FileInfo(csv).Length / 1048576.0:F1} MiB in {clock.Elapsed.TotalSeconds:F1} s");

            await CopyAsync(provider, "copy-warmup", Math.Min(rows, 5000));
            await ImportAsync(provider, user, "warmup-csv", csv, rows, quiet: true);
            await ImportAsync(provider, user, "warmup-xlsx", xlsx, rows, quiet: true);
            var copyRate = await CopyAsync(provider, "copy", rows);
            foreach (var (name, path) in new[] { ("csv", csv), ("xlsx", xlsx) })
            {
                var rate = await ImportAsync(provider, user, name, path, rows, quiet: false);
                Console.WriteLine($"  {name}: {rate / copyRate:P0} of the raw COPY rate");
                if (name != "csv") continue;
                // The same file handed out by an assignment rule (round robin over 7 members) instead of to one owner.
                var assigned = await ImportAsync(provider, user, "csv-assigned", path, rows, quiet: false, assign: true);
                Console.WriteLine($"  assignment by rule adds {rate / assigned - 1:P1} to the import time");
            }
            if (pairs > 0) await PairsAsync(provider, user, csv);
        }
        finally
        {
            Directory.Delete(folder, true);
            await BenchHost.DropDatabasesAsync(server, _prefix);
        }
    }

    /// <summary>
    /// One import alone moves by ±0.5 s from run to run on this VM, as much as the difference being measured: the .csv
    /// to one owner and by rule, alternated <c>--pairs</c> times, compared by their medians.
    /// </summary>
    private async Task PairsAsync(IServiceProvider provider, BenchUser user, string csv)
    {
        var owner = new List<double>();
        var byRule = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            owner.Add(rows / await ImportAsync(provider, user, "pair-owner-" + i, csv, rows, quiet: true));
            byRule.Add(rows / await ImportAsync(provider, user, "pair-rule-" + i, csv, rows, quiet: true, assign: true));
            Console.WriteLine($"  pair {i + 1}: to one owner {owner[^1]:F2} s, by rule {byRule[^1]:F2} s");
        }
        static double Median(List<double> xs)
        {
            var sorted = xs.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        Console.WriteLine($"--- {pairs} alternating pairs (.csv): median to one owner {Median(owner):F2} s, by rule {Median(byRule):F2} s → assignment by rule adds {Median(byRule) / Median(owner) - 1:P1} ---");
    }

    private static async Task<double> ImportAsync(IServiceProvider provider, BenchUser user, string name, string path, int count, bool quiet, bool assign = false)
    {
        var (tenant, owner) = await BenchHost.ProvisionAsync(provider, "bench-imp-" + name);
        user.Current = owner;
        if (assign) await AddRoundRobinRuleAsync(provider, tenant, owner.UserId);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var memory = new MemorySampler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await using (var scope = await MemberScopeAsync(provider, tenant))
        {
            await using var file = File.OpenRead(path);
            var upload = await scope.ServiceProvider.GetRequiredService<UploadLeadImport>().HandleAsync(
                new UploadLeadImportRequest(file, Path.GetFileName(path), file.Length), CancellationToken.None);
            if (!upload.Succeeded) throw new InvalidOperationException("upload refused: " + string.Join(", ", upload.Errors));
            var uploaded = clock.Elapsed;
            var started = await scope.ServiceProvider.GetRequiredService<StartLeadImport>().HandleAsync(
                new StartLeadImportRequest(upload.Value!.ImportId, upload.Value.Mapping, DuplicatePolicy.FillEmpty, assign ? null : owner.UserId, AutoAssign: assign),
                CancellationToken.None);
            if (!started.Succeeded) throw new InvalidOperationException("start refused: " + string.Join(", ", started.Errors));
            await using (var run = provider.GetRequiredService<TenantScopes>().Begin(tenant))
                await run.ServiceProvider.GetRequiredService<LeadImportRunner>().RunAsync(upload.Value.ImportId, CancellationToken.None);
            var total = clock.Elapsed;

            var import = await scope.ServiceProvider.GetRequiredService<GetLeadImport>().HandleAsync(upload.Value.ImportId, CancellationToken.None);
            var rate = count / total.TotalSeconds;
            if (quiet) return rate;
            Console.WriteLine($"--- import {name} ({new FileInfo(path).Length / 1048576.0:F1} MiB) through the product pipeline ---");
            Console.WriteLine($"  {import!.Status}: created {import.Created:N0}, updated {import.Updated}, duplicates {import.Duplicates}, rejected {import.Rejected}");
            Console.WriteLine($"  upload (checks + encrypt + header + row count or estimate) {uploaded.TotalSeconds:F1} s, total {total.TotalSeconds:F1} s → {rate:N0} rows/s");
            Console.WriteLine($"  memory: peak working set {memory.PeakWorkingSet / 1048576.0:F0} MiB (process, sampled), peak managed heap {memory.PeakHeap / 1048576.0:F0} MiB, " +
                $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MiB, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
            return rate;
        }
    }

    /// <summary>Six sales members besides the owner, and one rule handing every new lead to the seven in turn.</summary>
    private static async Task AddRoundRobinRuleAsync(IServiceProvider provider, TenantInfo tenant, string ownerId)
    {
        await using var db = provider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
        var members = Enumerable.Range(1, 6).Select(i => new AgencyUser
        {
            FullName = "销售" + i, UserName = $"sales{i}@bench.local", Email = $"sales{i}@bench.local", PhoneNumber = "1390000000" + i, Role = AgencyRole.Sales,
        }).ToList();
        db.Users.AddRange(members);
        db.AssignmentRules.Add(new AssignmentRule
        {
            Name = "全部轮流", Condition = ConditionGroup.AllOf(), Target = AssignmentTarget.Members, Strategy = AssignmentStrategy.RoundRobin,
            Members = [new AssignmentMember(ownerId), .. members.Select(m => new AssignmentMember(m.Id))], Version = 1,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The same rows, validated and sealed as the import does (untimed), then binary COPY into Leads + LeadTags (and, for reference, a scratch table without indexes).</summary>
    private async Task<double> CopyAsync(IServiceProvider provider, string name, int count)
    {
        var (tenant, owner) = await BenchHost.ProvisionAsync(provider, "bench-" + name);
        var protector = await provider.GetRequiredService<TenantKeyRing>().ForAsync(tenant.Id, CancellationToken.None);
        var leads = new List<Lead>(count);
        await using (var db = provider.GetRequiredService<ITenantDbContextFactory>().Create(tenant))
        {
            var dictionaries = await LeadDictionaries.LoadAsync(db, CancellationToken.None);
            var today = Shanghai.Today(TimeProvider.System);
            var now = DateTimeOffset.UtcNow;
            var n = 0;
            foreach (var row in BenchRows.Generate(count))
            {
                var input = ImportRowMapper.ToInput(row, Mapping);
                var d = LeadInputRules.Validate(input, dictionaries, protector, today).Value!;
                var lead = new Lead
                {
                    Number = $"L{today:yyyyMMdd}{++n:D6}", Name = d.Name, Mobile = d.Mobile, IdNumber = d.IdNumber, BirthDate = d.BirthDate, IsMale = d.IsMale,
                    City = d.City, LoanType = d.LoanType, AmountWan = d.AmountWan, Purpose = d.Purpose, TermMonths = d.TermMonths, CreditStatus = d.CreditStatus,
                    Source = d.Source, Intent = d.Intent, Status = LeadStatus.Active, OwnerId = owner.UserId, Channel = LeadChannel.Import, CreatedAt = now, UpdatedAt = now,
                };
                lead.Tags.AddRange(d.Tags.Select(t => new LeadTag { LeadId = lead.Id, Tag = t }));
                leads.Add(lead);
            }
        }
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = tenant.DatabaseName }.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE scratch_leads (LIKE \"Leads\")", connection)) await create.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        await LeadBulkInsert.CopyLeadsAsync(connection, leads, "scratch_leads", CancellationToken.None);
        if (name == "copy") Console.WriteLine($"--- for reference: one raw binary COPY of the {count:N0} leads into a table without indexes --- {clock.Elapsed.TotalSeconds:F2} s → {count / clock.Elapsed.TotalSeconds:N0} rows/s");
        clock.Restart();
        foreach (var batch in leads.Chunk(ImportLimits.BatchSize))
        {
            await LeadBulkInsert.CopyLeadsAsync(connection, batch, "Leads", CancellationToken.None);
            await LeadBulkInsert.CopyTagsAsync(connection, batch, CancellationToken.None);
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        if (name == "copy") Console.WriteLine($"--- baseline: raw binary COPY of the same {count:N0} rows into Leads + LeadTags (their indexes), {ImportLimits.BatchSize:N0} per COPY --- {clock.Elapsed.TotalSeconds:F2} s → {rate:N0} rows/s");
        return rate;
    }

    private static readonly Domain.Imports.ImportField[] Mapping = BenchRows.Headers.Select(Domain.Imports.ImportHeaderMapper.Guess).ToArray();

    private static Task<AsyncServiceScope> MemberScopeAsync(IServiceProvider provider, TenantInfo tenant) =>
        Task.FromResult(provider.GetRequiredService<TenantScopes>().Begin(tenant));
}

/// <summary>Samples the process working set and the managed heap every 50 ms; keeps the maxima.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakHeap = Math.Max(PeakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
        }
    });

    public long PeakWorkingSet { get; private set; }
    public long PeakHeap { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }
}
