using LoanSaaS.Bench.Imports;

// Imports N generated rows (.xlsx and .csv) into fresh PostgreSQL agencies through the product's import pipeline and
// compares the rate with a raw binary COPY of the same rows. Usage:
// dotnet run -c Release --project bench/Imports -- [--rows 100000] [--pairs 5]
var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
var pairs = args.SkipWhile(a => a != "--pairs").Skip(1).Select(int.Parse).FirstOrDefault(0);
var postgres = Environment.GetEnvironmentVariable("LOANSAAS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=loansaas;Password=loansaas";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
await new ImportBench(postgres, rows, pairs).RunAsync();
