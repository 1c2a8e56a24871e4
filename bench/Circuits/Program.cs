using LoanSaaS.Bench.Circuits;

// Server memory per open board (one Blazor circuit each), with real Chromium tabs against a real app process.
// Usage: dotnet run -c Release --project bench/Circuits -- [--circuits 5,25] [--path /boards]   (--path / for an idle circuit on the home page)
var counts = (Value("--circuits") ?? "20,60").Split(',').Select(int.Parse).ToArray();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
await new CircuitMemoryBench(counts, Value("--path") ?? "/boards").RunAsync();
return 0;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
