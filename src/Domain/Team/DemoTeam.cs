namespace LoanSaaS.Domain.Team;

public sealed record DemoTeam(string Name, string Region);
