using LoanSaaS.Bench.Boards;

// Move → visible on other viewers' boards, on one node and across two nodes through Redis.
// Usage: dotnet run -c Release --project bench/Boards -- [--viewers 1,1000] [--moves 40] [--cards 20000]
var server = Environment.GetEnvironmentVariable("LOANSAAS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=loansaas;Password=loansaas";
var redis = Environment.GetEnvironmentVariable("LOANSAAS_TEST_REDIS") ?? "127.0.0.1:56379";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
var viewers = (Value("--viewers") ?? "1,1000").Split(',').Select(int.Parse).ToArray();
await new BoardBench(server, redis, viewers, int.Parse(Value("--moves") ?? "40"), int.Parse(Value("--cards") ?? "20000")).RunAsync();
return 0;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
