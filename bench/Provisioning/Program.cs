using LoanSaaS.Bench.Provisioning;

// Measures agency provisioning, `migrate` over many agencies and PostgreSQL connections under load.
// Usage: dotnet run -c Release --project bench/Provisioning -- [sqlite|postgres|all] [--agencies 200] [--provision 10]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var agencies = Option(args, "--agencies", 200);
var provisions = Option(args, "--provision", 10);
var postgres = Environment.GetEnvironmentVariable("LOANSAAS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=loansaas;Password=loansaas";

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
if (mode is "sqlite" or "all")
    await new ProvisioningBench(BenchDatabase.Sqlite()).RunAsync(provisions, agencies, measureConnections: false);
if (mode is "postgres" or "all")
    await new ProvisioningBench(BenchDatabase.Postgres(postgres)).RunAsync(provisions, agencies, measureConnections: true);

static int Option(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
