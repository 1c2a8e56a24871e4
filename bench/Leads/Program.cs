using LoanSaaS.Bench.Leads;

// Lead list, or customer pools, over one PostgreSQL agency with a million leads.
// Usage: dotnet run -c Release --project bench/Leads -- list|pools [--leads 1000000] [--runs 200] [--keep]
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "list";
if (command is not ("list" or "pools"))
{
    Console.Error.WriteLine("commands: list, pools");
    return 2;
}
var server = Environment.GetEnvironmentVariable("LOANSAAS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=loansaas;Password=loansaas";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
await new LeadListBench(server, Option("--leads", 1_000_000), Option("--runs", 200), args.Contains("--keep"), pools: command == "pools").RunAsync();
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
