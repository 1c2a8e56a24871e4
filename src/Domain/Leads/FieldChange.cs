namespace LoanSaaS.Domain.Leads;

/// <summary>One changed field for the audit log and the timeline; personal data appears masked.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
