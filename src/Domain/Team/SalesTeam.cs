namespace LoanSaaS.Domain.Team;

/// <summary>A group of staff (团队/区域), e.g. 浦东一组; a manager sees the work of their team.</summary>
public sealed class SalesTeam
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? Region { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
