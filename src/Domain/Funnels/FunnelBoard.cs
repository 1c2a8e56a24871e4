namespace LoanSaaS.Domain.Funnels;

/// <summary>A pipeline (漏斗/看板) with its ordered stages.</summary>
public sealed class FunnelBoard
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
    public List<FunnelStage> Stages { get; set; } = [];
    public long Version { get; set; }
}
