namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// One-off work for an agency at an instant: "remind about visit V at 14:45", "escalate approval A at its SLA".
/// Identified by (<see cref="Kind"/>, <see cref="AgencyId"/>, <see cref="Key"/>); scheduling the same identity again moves
/// it instead of adding a second one.
/// </summary>
/// <param name="Kind">Which <see cref="IOccurrenceHandler"/> runs it, e.g. "appointment-reminder".</param>
/// <param name="Key">The thing it is about within the agency, e.g. the appointment id.</param>
/// <param name="Data">Optional small payload (a version, an id); stored as text.</param>
public sealed record Occurrence(string Kind, Guid AgencyId, string Key, DateTimeOffset DueAt, string? Data = null)
{
    public const int MaxKindLength = 40;
    public const int MaxKeyLength = 80;
}
