using BenchmarkDotNet.Running;
using LoanSaaS.Bench.Approvals;

// Approval engine transitions in memory: submit → approve ×4 → end on the sample flow (amount 60 万).
// dotnet run -c Release --project bench/Approvals
BenchmarkRunner.Run<ApprovalEngineBench>(args: args);
