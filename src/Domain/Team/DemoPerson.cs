namespace LoanSaaS.Domain.Team;

/// <param name="Team">The <see cref="DemoTeam.Name"/> the person belongs to, or null for agency-wide roles.</param>
public sealed record DemoPerson(string Name, string Mobile, string Email, AgencyRole Role, string? Team);
