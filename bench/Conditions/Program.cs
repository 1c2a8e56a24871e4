using BenchmarkDotNet.Running;
using LoanSaaS.Bench.Conditions;

// Condition evaluation in memory (one record, as automation and assignment check new leads) and compilation.
// dotnet run -c Release --project bench/Conditions
BenchmarkRunner.Run<ConditionBench>(args: args);
