using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>The job and trigger that run one <see cref="ISweep"/> every interval.</summary>
public static class SweepTriggers
{
    public static IJobDetail Job(string name) =>
        JobBuilder.Create<SweepJob>().WithIdentity(name, SweepJob.Group).StoreDurably().Build();

    /// <remarks>
    /// A fire later than half an interval (a node was down, or the previous run was still going) counts as missed, and a
    /// missed sweep runs once, now, then keeps its interval from there: never a burst of catch-up runs.
    /// </remarks>
    public static ITrigger Trigger(string name, TimeSpan interval) =>
        TriggerBuilder.Create()
            .WithIdentity(name, SweepJob.Group)
            .ForJob(name, SweepJob.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
            .WithMisfireThreshold(MisfireThreshold(interval))
            .Build();

    public static TimeSpan MisfireThreshold(TimeSpan interval) =>
        TimeSpan.FromMilliseconds(Math.Max(1000, (long)(interval.TotalMilliseconds / 2)));
}
