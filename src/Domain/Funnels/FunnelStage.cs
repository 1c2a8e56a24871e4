namespace LoanSaaS.Domain.Funnels;

public sealed class FunnelStage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid BoardId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Color { get; set; }
    public StageCategory Category { get; set; }
    public int Order { get; set; }
    public int? WipLimit { get; set; }
    public bool IsArchived { get; set; }
    /// <summary>Fields a lead must have before its card may enter this stage.</summary>
    public List<StageRequirement> Requirements { get; set; } = [];
}
