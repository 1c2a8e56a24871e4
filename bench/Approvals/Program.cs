using BenchmarkDotNet.Running;
using LoanSaaS.Bench.Approvals;

// No --mode: the approval engine's transitions in memory (BenchmarkDotNet): submit → approve ×4 → end on the sample flow (60 万).
//   dotnet run -c Release --project bench/Approvals
// --mode inbox: submit → the first approver's 我的审批 shows it, through the product on SQLite (or --postgres).
//   dotnet run -c Release --project bench/Approvals -- --mode inbox [--submissions 200] [--postgres "Host=127.0.0.1;Port=55432;Username=loansaas;Password=loansaas"]
// --mode sla: one "approval-sla" sweep over an agency with many open approvals, nothing due and some due.
//   dotnet run -c Release --project bench/Approvals -- --mode sla [--open 10000] [--due 100] [--runs 7] [--postgres "..."]
var mode = Text(args, "--mode");
if (mode is null)
{
    BenchmarkRunner.Run<ApprovalEngineBench>(args: args);
    return;
}

if (mode is not ("inbox" or "sla"))
{
    Console.Error.WriteLine($"unknown --mode {mode}: use inbox or sla (or no --mode for the BenchmarkDotNet engine bench)");
    Environment.ExitCode = 2;
    return;
}

var postgres = Text(args, "--postgres");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"database: {(postgres is null ? "SQLite (temp folder)" : "PostgreSQL")}");
if (mode == "inbox")
    await new InboxBench(postgres, Math.Max(1, Option(args, "--submissions", 200))).RunAsync();
else
    await new SlaBench(postgres, Math.Max(1, Option(args, "--open", 10_000)), Math.Max(0, Option(args, "--due", 100)), Math.Max(1, Option(args, "--runs", 7))).RunAsync();

static string? Text(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int Option(string[] args, string name, int fallback) =>
    int.TryParse(Text(args, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
