namespace LoanSaaS.Domain.Funnels;

/// <param name="Key">Stable ASCII key; <paramref name="Name"/> is the tenant-editable display name.</param>
/// <param name="Color">Hex colour such as "#1E88E5".</param>
public sealed record FunnelStageDefinition(string Key, string Name, string Color, StageCategory Category, int Order, params StageRequirement[] Requirements);
