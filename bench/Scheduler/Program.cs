using LoanSaaS.Bench.Scheduler;

// Times one reminder sweep (SendReminders, the body of the Quartz "reminders" sweep) and one reclaim sweep (PoolReclaim,
// the body of "pool-reclaim") over many agencies on SQLite.
// Usage: dotnet run -c Release --project bench/Scheduler -- [--agencies 1000] [--due 100] [--runs 7]
var agencies = Option(args, "--agencies", 1000);
var due = Option(args, "--due", 100);
var runs = Option(args, "--runs", 7);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
await new SweepBench(agencies, due, runs).RunAsync();

static int Option(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
